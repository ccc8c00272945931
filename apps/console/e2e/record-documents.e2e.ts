import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { eventuallyVisible, launchBrowser, newContext, signIn, withFailureScreenshot } from './browser';
import { checkMainPage } from './page-check';
import { callApi } from './platform-api';

// Issue 13's documents, from the console: the commune officer attaches the signed plan (a PDF) to
// the commune's plan, checks a copy against its fingerprint; an auditor verifies through the audit
// service that the stored file still matches what the event recorded. Real SeaweedFS behind it.
const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const pdf = (text: string) => Buffer.from(`%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'utf8');

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('the officer attaches the signed plan and checks a copy; the auditor verifies it against the store', async () => {
  const planId = `ke-hoach-tai-lieu-${run}`;
  const title = `Kế hoạch nâng cao năng suất xã Ngọk Bay (tài liệu ${run})`;
  await callApi('ngokbay.officer', 'plans', 'POST', '/plans', {
    planId,
    content: {
      title,
      issuingUnit: '51-NGOKBAY',
      horizonYears: [2030],
      generalObjectives: ['Nâng cao năng suất lao động của hợp tác xã'],
      targets: [{ id: 'dao-tao-2030', indicator: 'trained-person-times', label: { vi: 'Lượt người được đào tạo', en: 'Person-times trained' }, unit: 'person-times', milestoneYear: 2030, source: 'counted', comparison: 'at-least', value: 50 }],
    },
  });
  await callApi('ngokbay.officer', 'plans', 'POST', `/plans/${planId}/issue`, { documentNumber: `${1000 + Math.floor(Math.random() * 8000)}/KH-UBND`, issueDate: '15/08/2025', signer: { name: 'Nguyễn Văn A' } });
  const signed = pdf(`Kế hoạch ${run} (bản ký)`);

  const officer = await (await newContext(browser)).newPage();
  await withFailureScreenshot(officer, 'documents-attach', async () => {
    await signIn(officer, 'ngokbay.officer', `/plans/${planId}`);
    await officer.getByRole('tab', { name: 'Tài liệu đính kèm' }).click();
    await officer.getByText('Chưa có tài liệu nào').waitFor();
    const form = officer.locator('form').filter({ has: officer.getByRole('button', { name: 'Đính kèm' }) });
    await form.getByRole('combobox').focus();
    await officer.keyboard.press('ArrowDown');
    await officer.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="Văn bản kế hoạch"]').click();
    await form.getByLabel('Tiêu đề').fill('Kế hoạch (bản có chữ ký, đóng dấu)');
    await form.locator('input[type=file]').setInputFiles({ name: 'ke-hoach-ban-ky.pdf', mimeType: 'application/pdf', buffer: signed });
    await form.getByRole('button', { name: 'Đính kèm' }).click();
    await officer.getByText('Đã đính kèm ke-hoach-ban-ky.pdf').waitFor();
    await officer.getByText('Kế hoạch (bản có chữ ký, đóng dấu)').waitFor();
    // A copy received by email is the same document; an edited one is not.
    const check = officer.locator('input[type=file]').first();
    await check.setInputFiles({ name: 'ban-nhan-qua-email.pdf', mimeType: 'application/pdf', buffer: signed });
    await officer.getByText(/Tệp ban-nhan-qua-email.pdf trùng khớp với tài liệu/).waitFor();
    await officer.locator('input[type=file]').first().setInputFiles({ name: 'ban-da-sua.pdf', mimeType: 'application/pdf', buffer: pdf('đã sửa') });
    await officer.getByText('Tệp ban-da-sua.pdf không trùng với tài liệu nào đã đính kèm hồ sơ này.').waitFor();
    await checkMainPage(officer, 'plan-documents');
  });

  const auditor = await (await newContext(browser)).newPage();
  await withFailureScreenshot(auditor, 'documents-verify', async () => {
    await signIn(auditor, 'auditor.vn', `/plans/${planId}`);
    await auditor.getByRole('tab', { name: 'Tài liệu đính kèm' }).click();
    await auditor.getByText('Kế hoạch (bản có chữ ký, đóng dấu)').waitFor();
    // The audit ledger follows the plans service's events within moments: ask again until it has them.
    const verify = auditor.getByRole('button', { name: 'Xác minh với kho lưu trữ' });
    await verify.click();
    await eventuallyVisible(auditor, auditor.getByText('Khớp', { exact: true }), 60, async () => {
      await verify.click();
      await auditor.waitForTimeout(500);
    });
    await auditor.getByText('Chuỗi băm nguyên vẹn và mọi tệp trong kho khớp với mã băm đã ghi.').waitFor();
    await checkMainPage(auditor, 'plan-documents-verified');
  });
});
