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

test('auditor: difference between two version numbers, inclusion proof of an event, an exported checkpoint re-checked', async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  await withFailureScreenshot(page, 'auditor-integrity', async () => {
    await signIn(page, 'auditor.vn');
    await page.waitForURL(`${CONSOLE_URL}/audit`);
    await page.getByRole('searchbox', { name: 'Mã đối tượng' }).fill('plan-ninh-thuan-4009-2023');
    await page.getByRole('button', { name: 'Mở' }).click();
    await page.getByTestId('audit-stream').waitFor();
    await page.getByRole('tab', { name: 'So sánh hai trạng thái' }).click();
    await page.getByText('Hai số phiên bản').click();
    await page.getByRole('spinbutton', { name: 'Từ phiên bản' }).fill('0');
    await page.getByRole('spinbutton', { name: 'Đến phiên bản' }).fill('2');
    await page.getByRole('button', { name: 'So sánh', exact: true }).click();
    await page.getByText('Từ phiên bản 0 đến phiên bản 2').waitFor();
    await page.getByText(/2 sự kiện giữa hai trạng thái/).waitFor();

    // The day's checkpoint: prove one of its events, export it, and check the exported file again.
    await page.getByRole('tab', { name: 'Dấu mốc Merkle theo ngày' }).click();
    const day = page.getByRole('tabpanel').filter({ has: page.getByRole('combobox', { name: 'Phân hệ' }) }).locator('input[placeholder="dd/mm/yyyy"]');
    await day.click();
    await day.fill(todayVn());
    await page.keyboard.press('Enter');
    await page.getByText('Gốc Merkle').waitFor();
    await page.locator('tbody').getByRole('button', { name: 'Chứng minh', exact: true }).first().click();
    await page.getByTestId('inclusion-proof').getByText(/Sự kiện nằm trong dấu mốc \(vị trí 1\/\d+\)/).waitFor();
    await checkMainPage(page, 'auditor-checkpoint-proof');

    const [exported] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất JSON' }).click()]);
    const file = (await exported.path())!;
    await page.getByRole('tab', { name: 'Kiểm tra tệp dấu mốc' }).click();
    await page.locator('input[type=file]').setInputFiles(file);
    const check = page.getByTestId('checkpoint-file-check');
    await check.getByText('Các sự kiện trong tệp băm ra đúng gốc ghi trong tệp.').waitFor();
    // Today is not over: more events may have arrived since the export, but none of the file's may differ.
    await check.getByText(/Sổ cái vẫn giữ đúng|không bị sửa, xóa hay đổi thứ tự/).waitFor();
    assert.equal(await check.getByText(/Bị sửa|Bị xóa|Đổi thứ tự/).count(), 0);
    await checkMainPage(page, 'auditor-checkpoint-file');

    // The context's stores as a whole: the chain of sealed days, and its own store against the ledger.
    await page.getByRole('tab', { name: 'Toàn vẹn kho dữ liệu' }).click();
    await page.getByRole('button', { name: 'Kiểm tra chuỗi' }).click();
    await page.getByTestId('chain-of-days').getByText(/Chuỗi \d+ ngày đã niêm phong nguyên vẹn|Chưa có ngày nào được niêm phong/).waitFor();
    await page.getByRole('button', { name: 'Đối chiếu ngay' }).click();
    await page.getByTestId('reconciliation').getByText(/Kho của phân hệ khớp với sổ cái \(\d+ sự kiện\)/).waitFor();
    await checkMainPage(page, 'auditor-store-integrity');
  });
});

test('auditor: the sealed audit report of a plan, its printable page, and the exported report re-checked', async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  await withFailureScreenshot(page, 'auditor-sealed-report', async () => {
    await signIn(page, 'auditor.vn');
    await page.getByRole('navigation').getByRole('link', { name: 'Báo cáo kiểm toán' }).click();
    await page.waitForURL(`${CONSOLE_URL}/audit/reports`);
    await page.locator('#planId').click();
    await page.locator('#planId').fill('4009');
    await page.locator('.ant-select-item-option').filter({ hasText: '4009/KH-UBND' }).click();
    await page.getByRole('button', { name: 'Lập báo cáo' }).click();
    await page.getByTestId('sealed-report-seal').getByText('Niêm phong khớp: trình duyệt đã tính lại mã SHA-256 của báo cáo').waitFor();
    await checkMainPage(page, 'auditor-sealed-report');

    const seal = (await page.getByText(/^[0-9a-f]{64}$/).first().innerText()).trim();
    const [printable] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Bản in' }).click()]);
    await printable.waitForLoadState();
    const html = await printable.content();
    assert.ok(html.includes(seal), 'the printable report carries the seal');
    assert.ok(html.includes('4009/KH-UBND'));
    await printable.close();

    const [exported] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất JSON' }).click()]);
    await page.locator('input[type=file]').setInputFiles((await exported.path())!);
    await page.getByTestId('report-file-check').getByText('Niêm phong khớp').waitFor();
    await page.getByTestId('report-file-server').getByText('Dịch vụ kiểm toán: niêm phong khớp.').waitFor();
  });
});

test('backfill: the province administrator re-reads a context into the audit ledger, the auditor finds the run in the list and by its id', async () => {
  const admin = await (await newContext(browser)).newPage();
  let runId = '';
  await withFailureScreenshot(admin, 'backfill-admin', async () => {
    await signIn(admin, 'qn.admin');
    await admin.getByRole('navigation').getByRole('link', { name: 'Nạp lại sổ cái kiểm toán' }).click();
    await admin.getByRole('button', { name: 'Bắt đầu nạp lại' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Bắt đầu nạp lại' });
    await dialog.locator('.ant-select-selector').click();
    await admin.locator('.ant-select-item-option[title="awards"]').click();
    await dialog.getByRole('button', { name: 'Gửi' }).click();
    const run = admin.getByTestId('backfill-run').first();
    await run.getByText('Đã xong').waitFor({ timeout: 90_000 });
    // Every award event is in the ledger already (the live feed put it there): nothing differs.
    assert.equal(await run.getByTestId('backfill-conflicts').innerText(), '0');
    runId = (await run.getByTestId('backfill-run-id').innerText()).trim();
    await checkMainPage(admin, 'backfill');
  });
  const auditor = await (await newContext(browser)).newPage();
  await withFailureScreenshot(auditor, 'backfill-auditor', async () => {
    await signIn(auditor, 'auditor.vn');
    await auditor.goto(`${CONSOLE_URL}/audit/backfill`);
    assert.equal(await auditor.getByRole('button', { name: 'Bắt đầu nạp lại' }).count(), 0);
    // The run is in the list of runs, newest first; its id opens it too.
    await auditor.getByRole('table').getByRole('row').filter({ hasText: 'awards' }).first().waitFor();
    await auditor.getByRole('searchbox', { name: 'Mã lần nạp lại' }).fill(runId);
    await auditor.keyboard.press('Enter');
    await auditor.getByTestId('backfill-run').getByText('Đã xong').waitFor();
  });
});
