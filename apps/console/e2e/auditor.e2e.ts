import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { CONSOLE_URL, launchBrowser, newContext, signIn, withFailureScreenshot } from './browser';
import { checkMainPage } from './page-check';

// An auditor finds a plan, reads its timeline, its state on a day, verifies its hash chain and
// exports the timeline as CSV.
let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => browser?.close());

const todayVn = () => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date());

test('auditor: timeline, state as of a date, chain verification, CSV export', async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  await withFailureScreenshot(page, 'auditor', async () => {
    await signIn(page, 'auditor.vn');
    await page.waitForURL(`${CONSOLE_URL}/audit`);
    await page.getByRole('cell', { name: 'Soạn thảo kế hoạch' }).first().waitFor();
    await checkMainPage(page, 'auditor');

    await page.getByRole('searchbox', { name: 'Mã đối tượng' }).fill('plan-ninh-thuan-4009-2023');
    await page.getByRole('button', { name: 'Mở' }).click();
    await page.getByTestId('audit-stream').waitFor();
    await page.getByRole('cell', { name: 'Ban hành kế hoạch' }).last().waitFor();

    await page.getByRole('tab', { name: 'Trạng thái tại ngày' }).click();
    const asOf = page.getByRole('tabpanel').locator('input').first();
    await asOf.click();
    await asOf.fill(todayVn());
    await page.keyboard.press('Enter');
    await page.getByTestId('audit-state').waitFor();
    assert.match(await page.getByTestId('audit-state').innerText(), /"status": "issued"/);

    await page.getByRole('tab', { name: 'Kiểm tra toàn vẹn' }).click();
    await page.getByRole('button', { name: 'Kiểm tra chuỗi băm' }).click();
    await page.getByTestId('audit-verify').getByText(/Chuỗi băm nguyên vẹn \(\d+ sự kiện\)/).waitFor();
    await checkMainPage(page, 'auditor-stream');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-stream').locator('xpath=ancestor::div[contains(@class,"ant-card")]').getByRole('button', { name: 'Xuất CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    assert.match(csv.split('\n')[0], /^context,streamId,streamVersion/);
    assert.match(csv, /PlanIssued/);

    // How a count was reached, and the day's Merkle checkpoint.
    await page.getByTestId('count-trail-total').getByText(/Hiện tại: \d+/).waitFor();
    await page.getByRole('tab', { name: 'Dấu mốc Merkle theo ngày' }).click();
    const day = page.getByRole('tabpanel').filter({ has: page.getByRole('combobox', { name: 'Phân hệ' }) }).locator('input[placeholder="dd/mm/yyyy"]');
    await day.click();
    await day.fill(todayVn());
    await page.keyboard.press('Enter');
    await page.getByText('Gốc Merkle').waitFor();
    await page.getByRole('button', { name: 'Kiểm tra lại theo gốc' }).click();
    await page.getByText(/Dấu mốc (nguyên vẹn|không khớp)/).waitFor();
  });
});
