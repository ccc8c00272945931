import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { CONSOLE_URL, eventuallyVisible, launchBrowser, newContext, signIn, withFailureScreenshot } from './browser';
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

test('a fact recorded after the commune submitted: the province lets it count in the locked period', async () => {
  // Preparation through the API: an issued plan counting trained person-times, its period opened and
  // submitted (locked), then a trainee completes a course in the commune — a fact of this year
  // recorded after the lock, which would count in the next period.
  const stamp = Date.now();
  const number = `${(stamp + 7) % 100000}/KH-UBND`;
  const plan = await callApi<{ planId: string }>('ngokbay.officer', 'plans', 'POST', '/plans', {
    content: { issuingUnit: '51-NGOKBAY', title: `Kế hoạch đào tạo năng suất xã Ngọk Bay (kiểm thử nộp muộn ${number})`, horizonYears: [2030], generalObjectives: ['Đào tạo về năng suất cho hợp tác xã'], implementsPlan: '138/KH-UBND',
      // The report is due at the year's end, so that today lies in this year's period.
      reporting: { annualDeadline: '31/12' } },
  });
  await callApi('ngokbay.officer', 'plans', 'POST', `/plans/${plan.planId}/targets`, {
    id: 'trained-person-times-2030', indicator: 'trained-person-times', label: { vi: 'Lượt người được đào tạo về năng suất', en: 'Person-times trained in productivity' },
    unit: 'person-times', milestoneYear: 2030, comparison: 'at-least', value: 10, source: 'counted',
  });
  await callApi('ngokbay.officer', 'plans', 'POST', `/plans/${plan.planId}/issue`, { documentNumber: number, issueDate: `${year}-01-01`, signer: { name: 'A Thịnh' } });
  const period = await callApi<{ periodId: string }>('ngokbay.officer', 'plans', 'POST', `/plans/${plan.planId}/reporting-periods`, { year, unit: '51-NGOKBAY' });
  await callApi('ngokbay.officer', 'plans', 'POST', `/reporting-periods/${period.periodId}/submit`, { summary: 'Báo cáo kiểm thử' });
  const day = (offset: number) => new Date(Date.now() + 7 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
  const courseId = `late-${stamp}`;
  const personId = `late-person-${stamp}`;
  await callApi('ngokbay.officer', 'training', 'POST', '/courses', { courseId, unitCode: '51-NGOKBAY', topic: 'Tập huấn 5S (kiểm thử nộp muộn)', startDate: day(0), endDate: day(1), capacity: 5, trainerId: 'ngokbay.trainer' });
  await callApi('ngokbay.officer', 'training', 'POST', `/courses/${courseId}/registrations`, { personId, fullName: 'Y Blăng', organisationType: 'cooperative', organisationName: 'HTX Nông nghiệp Sâm Ngọc Linh Ngọk Bay' });
  await callApi('ngokbay.trainer', 'training', 'POST', `/courses/${courseId}/attendance`, { sessionId: 's1', personId });
  await callApi('ngokbay.trainer', 'training', 'POST', `/courses/${courseId}/completions`, { personId });

  const province = await (await newContext(browser)).newPage();
  await withFailureScreenshot(province, 'reporting-late-exception', async () => {
    await signIn(province, 'qn.admin');
    await province.getByRole('navigation').getByRole('link', { name: 'Báo cáo định kỳ' }).click();
    await province.getByRole('combobox', { name: 'Trạng thái' }).click();
    await province.locator('.ant-select-item-option[title="Đã nộp"]').click();
    await province.getByRole('row').filter({ hasText: number }).getByRole('link', { name: 'Chi tiết' }).click();
    await province.waitForURL(`${CONSOLE_URL}/reporting/${encodeURIComponent(period.periodId)}`);
    // The completion reaches the plans service over Kafka: it shows within moments.
    await eventuallyVisible(province, province.getByTestId('late-facts').getByText(/Hoàn thành khóa đào tạo — xã Ngọk Bay/i), 60);
    await checkMainPage(province, 'reporting-period-late');
    await province.getByRole('button', { name: 'Cho phép tính vào kỳ này' }).click();
    const grant = province.getByRole('dialog', { name: 'Cho phép tính vào kỳ này' });
    await grant.getByLabel('Lý do').fill('Lớp tập huấn kết thúc trước khi nộp nhưng danh sách gửi chậm do mất điện.');
    await grant.getByRole('button', { name: 'Gửi' }).click();
    await province.getByText('Đã cho phép tính số liệu nộp muộn vào kỳ này').waitFor();
    await province.getByTestId('exception-facts').getByText(/Hoàn thành khóa đào tạo/).waitFor();
    await province.getByTestId('no-late-facts').waitFor();
    await province.getByRole('cell', { name: 'Cho phép tính số liệu nộp muộn' }).waitFor();
    await checkMainPage(province, 'reporting-period-exception');
  });
});
