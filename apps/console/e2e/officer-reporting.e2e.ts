import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { CONSOLE_URL, launchBrowser, newContext, signIn, withFailureScreenshot } from './browser';
import { checkMainPage } from './page-check';
import { callApi } from './platform-api';

// Annual reporting: the commune opens its period for the province plan and submits the report; the
// province approves it; the printable report opens.
let browser: Browser;
let year: number;
before(async () => {
  browser = await launchBrowser();
  const periods = await callApi<{ items: { planId: string; year: number }[] }>('ngokbay.officer', 'plans', 'GET', '/reporting-periods?unit=51-NGOKBAY&planId=quang-ngai-138-2025&pageSize=100');
  const taken = new Set(periods.items.map((p) => p.year));
  const thisYear = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date()));
  const free = [thisYear, thisYear + 1, thisYear + 2, thisYear + 3].find((y) => !taken.has(y));
  assert.ok(free, 'every year this test may use already has a period for Ngọk Bay (a fresh platform has none)');
  year = free;
});
after(async () => browser?.close());

test('commune submits its annual report, province approves it, the printable report opens', async () => {
  const commune = await (await newContext(browser)).newPage();
  await withFailureScreenshot(commune, 'reporting-commune', async () => {
    await signIn(commune, 'ngokbay.officer');
    await commune.getByRole('navigation').getByRole('link', { name: 'Báo cáo định kỳ' }).click();
    await commune.getByRole('button', { name: 'Mở kỳ báo cáo' }).click();
    const open = commune.getByRole('dialog', { name: 'Mở kỳ báo cáo' });
    await open.locator('#planId').click();
    await commune.locator('.ant-select-item-option').filter({ hasText: '138/KH-UBND' }).click();
    await open.getByLabel('Năm').fill(String(year));
    await open.getByRole('button', { name: 'Gửi' }).click();
    await commune.getByText('Đã mở kỳ báo cáo').waitFor();
    const row = commune.getByRole('row').filter({ hasText: '138/KH-UBND' }).filter({ has: commune.getByRole('cell', { name: String(year), exact: true }) });
    await row.getByRole('button', { name: 'Nộp báo cáo' }).click();
    const submit = commune.getByRole('dialog', { name: 'Nộp báo cáo' });
    await submit.getByLabel('Tóm tắt').fill('Xã đã triển khai mô hình điểm 5S + VietGAP và tập huấn cho hợp tác xã.');
    await submit.getByRole('button', { name: 'Gửi' }).click();
    await commune.getByText('Đã nộp báo cáo').waitFor();
    await row.getByText('Đã nộp', { exact: true }).waitFor();
    await checkMainPage(commune, 'reporting');
  });

  const province = await (await newContext(browser)).newPage();
  await withFailureScreenshot(province, 'reporting-province', async () => {
    await signIn(province, 'qn.admin');
    await province.goto(`${CONSOLE_URL}/reporting`);
    const row = province.getByRole('row').filter({ hasText: 'xã Ngọk Bay' }).filter({ has: province.getByRole('cell', { name: String(year), exact: true }) });
    await row.getByRole('button', { name: 'Phê duyệt' }).click();
    await province.getByRole('dialog', { name: 'Phê duyệt' }).getByRole('button', { name: 'Gửi' }).click();
    await province.getByText('Đã phê duyệt báo cáo').waitFor();
    await row.getByText('Đã phê duyệt', { exact: true }).waitFor();
    const [printable] = await Promise.all([province.waitForEvent('popup'), row.getByRole('button', { name: 'Bản in' }).click()]);
    await printable.waitForLoadState();
    assert.match(await printable.content(), /138\/KH-UBND/);
  });
});
