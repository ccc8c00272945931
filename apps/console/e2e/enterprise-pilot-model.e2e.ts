import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { CONSOLE_URL, launchBrowser, newContext, signIn } from './browser';
import { checkMainPage } from './page-check';
import { callApi } from './platform-api';

// The main workflow: an enterprise submits a pilot-model registration, the commune officer
// approves it, and the officer's home page shows the pilot-model count one higher.
let browser: Browser;
let programme: { id: string; name: string };
const ACTIVE = ['submitted', 'under-review', 'approved', 'in-implementation'];

/** The enterprise withdraws its open registrations, so that it is not counted before the workflow starts. */
async function withdrawOpenRegistrations(programmeId?: string): Promise<void> {
  const query = programmeId ? `?programme=${programmeId}&pageSize=100` : '?pageSize=100';
  const regs = await callApi<{ items: { id: string; status: string }[] }>('ent.phanrang', 'support-programs', 'GET', `/registrations${query}`);
  for (const r of regs.items.filter((x) => ACTIVE.includes(x.status)))
    await callApi('ent.phanrang', 'support-programs', 'POST', `/registrations/${encodeURIComponent(r.id)}/withdraw`, { reason: 'Kiểm thử giao diện: bắt đầu từ doanh nghiệp chưa được đếm' });
}

before(async () => {
  browser = await launchBrowser();
  await withdrawOpenRegistrations();
  programme = await callApi('kh.admin', 'support-programs', 'POST', '/programmes', {
    name: `Chương trình hỗ trợ mô hình điểm Phan Rang (kiểm thử ${Date.now()})`,
    legalBasis: ['Kế hoạch 4009/KH-UBND ngày 26/9/2023 của UBND tỉnh Ninh Thuận'],
    funding: { sources: ['state-budget'] },
    eligibleGroups: ['sme', 'cooperative'],
    toolsOffered: ['5s', 'kaizen', 'lean'],
    openingDate: '2026-01-01',
    closingDate: '2030-12-31',
    capacity: 3,
    unitCode: '56-PHANRANG',
  });
});
after(async () => {
  // Leave the enterprise uncounted again so the next run sees the count rise by one too.
  if (programme) await withdrawOpenRegistrations(programme.id);
  await browser?.close();
});

async function pilotModelCount(page: Page): Promise<number> {
  const text = await page.getByTestId('indicator-pilot-model-enterprises').innerText();
  return Number(text.replace(/\./g, '').replace(',', '.'));
}

test('enterprise submits, commune officer approves, officer home counts one more pilot model', async () => {
  const officer = await (await newContext(browser)).newPage();
  await signIn(officer, 'phanrang.officer');
  await officer.getByTestId('indicator-pilot-model-enterprises').waitFor();
  await officer.waitForLoadState('networkidle');
  const countBefore = await pilotModelCount(officer);
  await checkMainPage(officer, 'officer-home');

  const enterprise = await (await newContext(browser)).newPage();
  await signIn(enterprise, 'ent.phanrang');
  await enterprise.waitForURL(`${CONSOLE_URL}/enterprise`);
  await enterprise.waitForLoadState('networkidle');
  // First visit: the account has no enterprise profile yet — register it through the form.
  if (await enterprise.getByRole('button', { name: 'Đăng ký hồ sơ doanh nghiệp' }).isVisible()) {
    await enterprise.getByLabel('Tên doanh nghiệp').fill('Công ty TNHH Nông sản Phan Rang');
    await enterprise.getByLabel('Mã số thuế').fill('5800000128');
    await enterprise.getByLabel('Ngành, lĩnh vực').fill('Chế biến nông sản');
    await enterprise.getByRole('button', { name: 'Đăng ký hồ sơ doanh nghiệp' }).click();
  }
  await enterprise.getByText('Hồ sơ doanh nghiệp', { exact: true }).waitFor();
  await enterprise.getByRole('button', { name: `Đăng ký tham gia: ${programme.name}` }).click();
  const dialog = enterprise.getByRole('dialog');
  await dialog.locator('#tools').click();
  await enterprise.locator('.ant-select-item-option[title="5S"]').click();
  await enterprise.locator('.ant-select-item-option[title="Kaizen"]').click();
  await dialog.getByLabel('Mô tả').fill('Áp dụng 5S và Kaizen tại xưởng sơ chế');
  await dialog.getByRole('button', { name: 'Gửi' }).click();
  await enterprise.getByText('Đã nộp đăng ký').first().waitFor();
  await checkMainPage(enterprise, 'enterprise');

  // The commune officer reviews and approves it from the review queue.
  await officer.goto(`${CONSOLE_URL}/registrations?status=submitted`);
  const row = officer.getByRole('row').filter({ hasText: 'Công ty TNHH Nông sản Phan Rang' });
  await row.getByRole('button', { name: 'Bắt đầu xem xét' }).click();
  await officer.getByText('Đã bắt đầu xem xét').waitFor();
  await officer.goto(`${CONSOLE_URL}/registrations?status=under-review`);
  await checkMainPage(officer, 'officer-registrations');
  await officer.getByRole('row').filter({ hasText: 'Công ty TNHH Nông sản Phan Rang' }).getByRole('button', { name: 'Phê duyệt' }).click();
  await officer.getByText('Đã phê duyệt đăng ký').waitFor();

  // The enterprise follows its status: approved.
  await enterprise.reload();
  await enterprise.getByRole('row').filter({ hasText: programme.id }).getByText('Đã phê duyệt').waitFor();
  await enterprise.getByRole('row').filter({ hasText: programme.id }).getByRole('link').click();
  await enterprise.getByTestId('registration-status').getByText('Đã phê duyệt').waitFor();
  await enterprise.getByRole('cell', { name: 'Phê duyệt', exact: true }).waitFor();
  await checkMainPage(enterprise, 'enterprise-registration');

  // The count is a projection fed through Kafka: it arrives within seconds.
  let countAfter = countBefore;
  for (let i = 0; i < 30 && countAfter !== countBefore + 1; i++) {
    await officer.goto(`${CONSOLE_URL}/`);
    await officer.getByTestId('indicator-pilot-model-enterprises').waitFor();
    await officer.waitForLoadState('networkidle');
    countAfter = await pilotModelCount(officer);
    if (countAfter !== countBefore + 1) await officer.waitForTimeout(1000);
  }
  assert.equal(countAfter, countBefore + 1);
});
