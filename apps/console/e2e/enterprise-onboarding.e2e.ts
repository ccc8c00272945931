import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { CONSOLE_URL, eventuallyVisible, launchBrowser, newContext, signIn, withFailureScreenshot } from './browser';
import { checkMainPage } from './page-check';

// Issue 13's onboarding, as people do it: a cooperative's representative signs up on Keycloak's own
// page from the console (the verification mail read from Mailpit), claims the cooperative the commune
// registered without an account, the commune officer confirms it in the queue, and after signing in
// again the person acts for the cooperative. Axe and a screenshot on each page.
const MAILPIT_URL = process.env.MAILPIT_URL ?? `http://127.0.0.1:${process.env.MAIL_API_PORT ?? 8025}`;
const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

/** A valid tax code (mã số thuế): nine digits and their check digit. */
function taxCodeFrom(firstNine: string): string {
  const weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(firstNine[i]), 0);
  return `${firstNine}${(10 - (sum % 11)) % 10}`;
}

/** The verification link Keycloak mailed to this address. */
async function verificationLink(email: string): Promise<string> {
  for (let i = 0; i < 150; i++) {
    const found = (await (await fetch(`${MAILPIT_URL}/api/v1/search?query=${encodeURIComponent(`to:"${email}"`)}`)).json()) as { messages: { ID: string }[] };
    if (found.messages.length > 0) {
      const message = (await (await fetch(`${MAILPIT_URL}/api/v1/message/${found.messages[0].ID}`)).json()) as { Text: string; HTML: string };
      const link = /(https?:\/\/[^\s"<>]*login-actions\/action-token[^\s"<>]*)/.exec((message.HTML || message.Text).replace(/&amp;/g, '&'))?.[1];
      if (link) return link;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no verification mail reached ${email}`);
}

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('a person signs up, claims the cooperative, the commune officer confirms, and the person then acts for it', async () => {
  const taxCode = taxCodeFrom(`64${String(Date.now()).slice(-7)}`);
  const cooperative = `Hợp tác xã Dược liệu Ngọk Bay ${run}`;
  const officer = await (await newContext(browser)).newPage();
  await withFailureScreenshot(officer, 'onboarding-register', async () => {
    // The cooperative came to the commune office first: the officer registers it, without an account.
    await signIn(officer, 'ngokbay.officer');
    await officer.getByRole('navigation').getByRole('link', { name: 'Doanh nghiệp, hợp tác xã' }).click();
    await officer.waitForURL(`${CONSOLE_URL}/enterprises`);
    await officer.getByRole('button', { name: 'Đăng ký doanh nghiệp' }).click();
    const dialog = officer.getByRole('dialog');
    await dialog.getByLabel('Tên doanh nghiệp').fill(cooperative);
    await dialog.getByLabel('Mã số thuế').fill(taxCode);
    await dialog.getByLabel('Ngành, lĩnh vực').fill('Dược liệu');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await officer.getByText(`Đã đăng ký ${cooperative}`).waitFor();
    // Typed as people type on a phone: no diacritics.
    await officer.getByRole('searchbox', { name: 'Tìm kiếm' }).fill(`hop tac xa duoc lieu ngok bay ${run}`);
    await officer.getByRole('searchbox', { name: 'Tìm kiếm' }).press('Enter');
    await eventuallyVisible(officer, officer.getByRole('row').filter({ hasText: cooperative }).getByText('Chưa có tài khoản'));
    await checkMainPage(officer, 'enterprises');
  });
  const person = { username: `htx-${run}`, email: `htx-${run}@example.vn`, password: 'Mat-khau-2026!' };

  const newcomer: Page = await (await newContext(browser)).newPage();
  await withFailureScreenshot(newcomer, 'onboarding-claim', async () => {
    await newcomer.goto(CONSOLE_URL);
    await newcomer.getByRole('button', { name: 'Đăng ký tài khoản' }).click();
    await newcomer.waitForURL(/\/realms\/nangsuat\//);
    await newcomer.locator('#firstName').fill('Y');
    await newcomer.locator('#lastName').fill('Niê');
    await newcomer.locator('#email').fill(person.email);
    await newcomer.locator('#username').fill(person.username);
    await newcomer.locator('#password').fill(person.password);
    await newcomer.locator('#password-confirm').fill(person.password);
    await newcomer.locator('#kc-register-form [type="submit"]').click();
    // Keycloak mails the link once this browser's sign-up has reached its "verify your email" step;
    // following the link before that step (a loaded machine) ends the sign-up as authentication_expired.
    await newcomer.locator('#kc-register-form').waitFor({ state: 'detached', timeout: 30_000 });
    await newcomer.waitForLoadState('networkidle');
    await newcomer.goto(await verificationLink(person.email));
    // The link finishes the sign-up in this browser: back in the console, signed in, on the claim page.
    await newcomer.waitForURL((url) => url.toString().startsWith(CONSOLE_URL) && !url.pathname.startsWith('/auth/callback'), { timeout: 30_000 });
    await newcomer.getByTestId('who').waitFor();
    if (!newcomer.url().endsWith('/claim')) await newcomer.getByRole('navigation').getByRole('link', { name: 'Nhận doanh nghiệp' }).click();
    await newcomer.getByLabel('Mã số thuế').fill(taxCode);
    await newcomer.getByRole('button', { name: 'Gửi yêu cầu' }).click();
    const row = newcomer.getByRole('row').filter({ hasText: cooperative });
    await eventuallyVisible(newcomer, row.getByText('Đã nộp'));
    await checkMainPage(newcomer, 'enterprise-claim');
  });

  await withFailureScreenshot(officer, 'onboarding-confirm', async () => {
    await officer.getByRole('navigation').getByRole('link', { name: 'Yêu cầu nhận doanh nghiệp' }).click();
    await officer.waitForURL(`${CONSOLE_URL}/enterprise-claims`);
    const row = officer.getByRole('row').filter({ hasText: person.username });
    await eventuallyVisible(officer, row.getByRole('button', { name: 'Xác nhận' }));
    await checkMainPage(officer, 'enterprise-claims-queue');
    await row.getByRole('button', { name: 'Xác nhận' }).click();
    await officer.locator('.ant-popover').getByRole('button', { name: 'Xác nhận' }).click();
    await officer.getByText('Đã xác nhận: tài khoản đã gắn với doanh nghiệp').waitFor();
    await officer.goto(`${CONSOLE_URL}/enterprises?q=${encodeURIComponent(taxCode)}`);
    await eventuallyVisible(officer, officer.getByRole('row').filter({ hasText: cooperative }).getByText('Đã có tài khoản'));
  });

  await withFailureScreenshot(newcomer, 'onboarding-acts', async () => {
    await newcomer.goto(`${CONSOLE_URL}/claim`);
    await eventuallyVisible(newcomer, newcomer.getByRole('button', { name: 'Đăng nhập lại' }));
    await newcomer.getByRole('button', { name: 'Đăng nhập lại' }).click();
    // Keycloak's session is still open: the new token, now carrying the cooperative, comes without a form.
    await newcomer.waitForURL(`${CONSOLE_URL}/enterprise`, { timeout: 30_000 });
    await newcomer.getByText(cooperative).first().waitFor();
    assert.ok(await newcomer.getByRole('navigation').getByRole('link', { name: 'Doanh nghiệp của tôi' }).isVisible());
    await checkMainPage(newcomer, 'enterprise-after-claim');
  });
});
