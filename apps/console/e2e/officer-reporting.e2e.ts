import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { CONSOLE_URL, launchBrowser, newContext, signIn, withFailureScreenshot } from './browser';
import { checkMainPage } from './page-check';
import { callApi } from './platform-api';

// Annual reporting: the commune opens its period for its plan and submits the report; the province
// approves it; the printable report opens. The plan is issued for this run (through the API) so that
// the period is new however often the test runs on one platform.
let browser: Browser;
const year = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date()));
const documentNumber = `${Date.now() % 100000}/KH-UBND`;
before(async () => {
  browser = await launchBrowser();
  const plan = await callApi<{ planId: string }>('ngokbay.officer', 'plans', 'POST', '/plans', {
    content: { issuingUnit: '51-NGOKBAY', title: `Kế hoạch năng suất xã Ngọk Bay năm ${year} (kiểm thử ${documentNumber})`, horizonYears: [2030], generalObjectives: ['Nâng cao năng suất của hợp tác xã'], implementsPlan: '138/KH-UBND' },
  });
  await callApi('ngokbay.officer', 'plans', 'POST', `/plans/${plan.planId}/targets`, {
    id: 'pilot-model-enterprises-2030', indicator: 'pilot-model-enterprises', label: { vi: 'Doanh nghiệp xây dựng mô hình điểm', en: 'Enterprises building pilot models' },
    unit: 'enterprises', milestoneYear: 2030, comparison: 'range', min: 1, max: 2, source: 'counted',
  });
  await callApi('ngokbay.officer', 'plans', 'POST', `/plans/${plan.planId}/issue`, { documentNumber, issueDate: `${year}-01-15`, signer: { name: 'A Thịnh' } });
});
after(async () => browser?.close());

test('commune submits its annual report, province approves it, the printable report opens', async () => {
  const commune = await (await newContext(browser)).newPage();
  await withFailureScreenshot(commune, 'reporting-commune', async () => {
    await signIn(commune, 'ngokbay.officer');
    await commune.getByRole('navigation').getByRole('link', { name: 'Báo cáo định kỳ' }).click();
    await commune.getByRole('button', { name: 'Mở kỳ báo cáo' }).click();
    const open = commune.getByRole('dialog', { name: 'Mở kỳ báo cáo' });
    // The plan list is long: type to filter it (the select searches ignoring diacritics).
    await open.locator('#planId').click();
    await open.locator('#planId').fill(documentNumber);
    await commune.locator('.ant-select-item-option').filter({ hasText: documentNumber }).click();
    await open.getByLabel('Năm').fill(String(year));
    await open.getByRole('button', { name: 'Gửi' }).click();
    await commune.getByText('Đã mở kỳ báo cáo').waitFor();
    const row = commune.getByRole('row').filter({ hasText: documentNumber });
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
    await province.getByRole('combobox', { name: 'Trạng thái' }).click();
    await province.locator('.ant-select-item-option[title="Đã nộp"]').click();
    const row = province.getByRole('row').filter({ hasText: documentNumber });
    await row.getByRole('button', { name: 'Phê duyệt' }).click();
    await province.getByRole('dialog', { name: 'Phê duyệt' }).getByRole('button', { name: 'Gửi' }).click();
    await province.getByText('Đã phê duyệt báo cáo').waitFor();
    await province.getByRole('combobox', { name: 'Trạng thái' }).locator('xpath=ancestor::div[contains(@class,"ant-select-selector")]').click();
    await province.locator('.ant-select-item-option[title="Đã phê duyệt"]').click();
    await row.getByText('Đã phê duyệt', { exact: true }).waitFor();
    const [printable] = await Promise.all([province.waitForEvent('popup'), row.getByRole('button', { name: 'Bản in' }).click()]);
    await printable.waitForLoadState();
    assert.ok((await printable.content()).includes(documentNumber));
  });
});
