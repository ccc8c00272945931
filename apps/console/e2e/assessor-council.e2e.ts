import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, newContext, signIn, withFailureScreenshot } from './browser';
import { checkMainPage } from './page-check';
import { callApi } from './platform-api';

// Expert assessor: an application is assessed and the certificate granted. Award council: a
// nomination is evaluated and decided. The applications and nominations are entered by officers
// (through the API here: the console offers those forms to officers only in a later step).
let browser: Browser;
const stamp = Date.now();
const expertName = `Lê Thị Năng Suất ${stamp}`;
const nomineeName = `Hợp tác xã Cà phê Đăk Cấm ${stamp}`;
before(async () => {
  browser = await launchBrowser();
  await callApi('qn.admin', 'training', 'POST', '/certifications', {
    fullName: expertName,
    organisationName: 'Trung tâm Năng suất Quảng Ngãi',
    unitCode: '51',
    levelCode: 'expert',
    citizenId: String(stamp).padStart(12, '0').slice(-12),
    evidence: [
      { type: 'degree', title: 'Bằng kỹ sư quản lý công nghiệp', reference: 'SH-2020-042' },
      { type: 'productivity-training-certificate', title: 'Chứng chỉ chuyên gia năng suất', reference: 'CC-2025-031' },
      { type: 'work-experience', title: 'Xác nhận 4 năm tư vấn cải tiến', reference: 'XN-2026-11' },
    ],
  });
  const nomination = await callApi<{ nominationId: string }>('qn.admin', 'awards', 'POST', '/nominations', {
    categoryId: 'qn-productivity-2025',
    nominee: { kind: 'organisation', name: nomineeName },
    nominatedBy: { kind: 'cooperative-alliance', name: 'Liên minh Hợp tác xã tỉnh Quảng Ngãi' },
    unitCode: '51',
    achievements: ['Áp dụng Kaizen, năng suất lao động tăng 12 %'],
  });
  await callApi('qn.admin', 'awards', 'POST', `/nominations/${encodeURIComponent(nomination.nominationId)}/evaluation-start`, { councilMemberIds: ['qn.council'] });
});
after(async () => browser?.close());

test('expert assessor assesses an application and grants the certificate', async () => {
  const page = await (await newContext(browser)).newPage();
  await withFailureScreenshot(page, 'assessor', async () => {
    await signIn(page, 'qn.assessor');
    await page.getByRole('heading', { name: 'Chứng nhận chuyên gia' }).waitFor();
    await checkMainPage(page, 'assessor-certifications');
    await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill(`le thi nang suat ${stamp}`);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: expertName }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByTestId('certification-status').getByText('Đã nộp hồ sơ').waitFor();
    await drawer.getByRole('button', { name: 'Đánh giá hồ sơ' }).click();
    const form = page.getByRole('dialog', { name: 'Đánh giá hồ sơ' });
    await form.getByLabel('Kiến thức về năng suất').fill('80');
    await form.getByLabel('Năng lực áp dụng').fill('75');
    await form.getByLabel('Năng lực tư vấn').fill('70');
    await form.getByRole('button', { name: 'Gửi' }).click();
    await drawer.getByTestId('certification-status').getByText('Đã đánh giá').waitFor();
    await drawer.getByRole('button', { name: 'Cấp chứng nhận' }).click();
    const grant = page.getByRole('dialog', { name: 'Cấp chứng nhận' });
    await grant.getByLabel('Số chứng nhận').fill(`CGNS-QN-${stamp}`);
    await grant.getByRole('button', { name: 'Gửi' }).click();
    await drawer.getByTestId('certification-status').getByText('Đã cấp chứng nhận').waitFor();
    await checkMainPage(page, 'assessor-certification');
  });
});

test('award council evaluates a nomination and decides it', async () => {
  const page = await (await newContext(browser)).newPage();
  await withFailureScreenshot(page, 'council', async () => {
    await signIn(page, 'qn.council');
    await page.getByRole('heading', { name: 'Đề cử khen thưởng' }).waitFor();
    await checkMainPage(page, 'council-nominations');
    await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill(`ca phe dak cam ${stamp}`);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: nomineeName }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByTestId('nomination-status').getByText('Đang đánh giá').waitFor();
    await drawer.getByRole('button', { name: 'Chấm điểm' }).click();
    const evaluate = page.getByRole('dialog', { name: 'Chấm điểm' });
    await evaluate.getByLabel('Điểm (0–100)').fill('86');
    await evaluate.getByLabel('Nhận xét').fill('Mô hình hiệu quả, nên nhân rộng');
    await evaluate.getByRole('button', { name: 'Gửi' }).click();
    await drawer.getByRole('button', { name: 'Quyết định khen thưởng' }).click();
    const decide = page.getByRole('dialog', { name: 'Quyết định khen thưởng' });
    await decide.getByLabel('Số quyết định').fill(`${stamp % 10000}/QĐ-UBND`);
    await decide.getByRole('button', { name: 'Gửi' }).click();
    await drawer.getByTestId('nomination-status').getByText('Đã quyết định').waitFor();
    await drawer.getByText('Được khen thưởng').waitFor();
    await checkMainPage(page, 'council-nomination');
  });
});
