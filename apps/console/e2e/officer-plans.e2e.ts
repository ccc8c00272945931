import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { CONSOLE_URL, launchBrowser, newContext, signIn, withFailureScreenshot } from './browser';
import { checkMainPage } from './page-check';

// A province officer's home and plans: targets with status colours, search without diacritics,
// a plan's content, versions and history; the English switch; silent token renewal; logout ends the
// Keycloak session.
let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => browser?.close());

test('province officer: home, plan search ignoring diacritics, detail, versions, history, English, silent renewal, logout', async () => {
  const page = await (await newContext(browser)).newPage();
  await withFailureScreenshot(page, 'province-officer', async () => {
    await signIn(page, 'kh.admin');
    await page.getByRole('heading', { name: /Tổng quan/ }).waitFor();
    await page.getByRole('cell', { name: 'Lượt người được đào tạo, tập huấn' }).first().waitFor();
    assert.equal(await page.locator('[data-colour]').count() > 0, true);
    await checkMainPage(page, 'province-home');

    // A reported target gets its statistic from the officer; the status follows (6,5–7 %/year by 2025).
    const growth = page.getByRole('row').filter({ hasText: 'Tăng năng suất lao động bình quân' }).filter({ has: page.getByRole('cell', { name: '2025', exact: true }) });
    await growth.getByRole('button', { name: 'Nhập số liệu' }).click();
    const statistic = page.getByRole('dialog', { name: 'Nhập số liệu' });
    await statistic.getByLabel('Giá trị').fill('6,8');
    await statistic.getByLabel('Nguồn số liệu').fill('Cục Thống kê tỉnh Khánh Hòa');
    await statistic.getByRole('button', { name: 'Gửi' }).click();
    await growth.getByRole('cell', { name: '6,8', exact: true }).waitFor();
    await growth.getByText('Đã đạt').waitFor();

    await page.getByRole('navigation').getByRole('link', { name: 'Kế hoạch', exact: true }).click();
    await page.getByRole('searchbox', { name: 'Tìm kế hoạch' }).fill('nang suat ninh thuan');
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=nang\+suat\+ninh\+thuan/);
    await page.getByRole('link', { name: '4009/KH-UBND' }).waitFor();
    await page.getByRole('link', { name: '138/KH-UBND' }).waitFor({ state: 'detached' });
    await checkMainPage(page, 'plans');

    // From the keyboard: Tab to the plan's link and open it with Enter.
    let focused = '';
    for (let i = 0; i < 60 && focused !== '4009/KH-UBND'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    }
    assert.equal(focused, '4009/KH-UBND');
    await page.keyboard.press('Enter');
    await page.getByText('Mục tiêu tổng quát').waitFor();
    await page.getByRole('cell', { name: '26/09/2023' }).first().waitFor();
    await checkMainPage(page, 'plan-detail');
    await page.getByRole('tab', { name: 'Các phiên bản' }).click();
    await page.getByText('Phiên bản 1 — 26/09/2023').waitFor();
    await page.getByRole('tab', { name: 'Lịch sử' }).click();
    await page.getByRole('cell', { name: 'Ban hành kế hoạch' }).waitFor();

    await page.getByText('English', { exact: true }).click();
    await page.getByRole('tab', { name: 'History' }).waitFor();
    await page.getByRole('cell', { name: 'Plan issued' }).waitFor();
    await page.getByText('Tiếng Việt', { exact: true }).click();

    // Silent renewal: make the stored token expire in 5 s; after a reload the console renews it by
    // refresh token without leaving the page (a new access token with a later expiry).
    const before = await page.evaluate(() => {
      const key = Object.keys(sessionStorage).find((k) => k.startsWith('oidc.user:'))!;
      const user = JSON.parse(sessionStorage.getItem(key)!) as { access_token: string; expires_at: number };
      user.expires_at = Math.floor(Date.now() / 1000) + 5;
      sessionStorage.setItem(key, JSON.stringify(user));
      return user.access_token;
    });
    await page.reload();
    await page.getByTestId('who').waitFor();
    const renewed = await page.waitForFunction(
      (old) => {
        const key = Object.keys(sessionStorage).find((k) => k.startsWith('oidc.user:'));
        const user = key ? (JSON.parse(sessionStorage.getItem(key)!) as { access_token: string; expires_at: number }) : undefined;
        return user && user.access_token !== old && user.expires_at > Date.now() / 1000 + 60 ? user.expires_at : false;
      },
      before,
      { timeout: 20_000 },
    );
    assert.ok(Number(await renewed.jsonValue()) > Date.now() / 1000 + 60);
    assert.equal(new URL(page.url()).pathname.startsWith('/plans/'), true);

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL(`${CONSOLE_URL}/`);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    // The Keycloak session ended too: it asks for the password again.
    await page.locator('#password').waitFor();
  });
});
