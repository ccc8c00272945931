import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const CONSOLE_URL = process.env.CONSOLE_URL ?? `http://127.0.0.1:${process.env.CONSOLE_PORT ?? 4200}`;
export const KEYCLOAK_URL = process.env.KEYCLOAK_URL ?? `http://127.0.0.1:${process.env.KEYCLOAK_PORT ?? 8080}`;
export const PASSWORD = 'demo-password';
export const OUTPUT_DIR = process.env.E2E_OUTPUT_DIR ?? join(process.cwd(), 'e2e-output');

/** Debian's chromium (installed by scripts/setup.sh), driven by playwright-core. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
  if (!executablePath) throw new Error('chromium not found: run scripts/setup.sh (apt-get install -y chromium)');
  return chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

export async function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
}

/** Signs in through Keycloak's own form (authorization code + PKCE): the console never sees the password. */
export async function signIn(page: Page, username: string, path = '/'): Promise<void> {
  await page.goto(`${CONSOLE_URL}${path}`);
  await page.getByRole('button', { name: /Đăng nhập|Sign in/ }).click();
  await page.waitForURL(/\/realms\/nangsuat\//);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(PASSWORD);
  await page.locator('#kc-login').click();
  await page.waitForURL((url) => url.toString().startsWith(CONSOLE_URL) && !url.pathname.startsWith('/auth/callback'));
  await page.getByTestId('who').waitFor();
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(join(OUTPUT_DIR, 'screenshots'), { recursive: true });
  const file = join(OUTPUT_DIR, 'screenshots', `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Runs a workflow and, when it fails, saves what the page showed (e2e-output/screenshots/FAILED-*.png). */
export async function withFailureScreenshot<T>(page: Page, name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    await screenshot(page, `FAILED-${name}`).catch(() => undefined);
    throw e;
  }
}

/**
 * Lists are read models fed by events: a change shows within moments, not always at once. Waits for the
 * locator, reloading the page (or running `retry`, e.g. a reload and a new search) every few seconds.
 */
export async function eventuallyVisible(page: Page, locator: Locator, seconds = 30, retry?: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (await locator.first().isVisible()) return;
    await page.waitForTimeout(1000);
    if (await locator.first().isVisible()) return;
    if (retry) await retry();
    else await page.reload();
    await page.waitForLoadState('networkidle');
  }
  await locator.first().waitFor({ timeout: 5000 });
}
