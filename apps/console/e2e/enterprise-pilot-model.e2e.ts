import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { CONSOLE_URL, eventuallyVisible, launchBrowser, newContext, signIn, withFailureScreenshot } from './browser';
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

const todayVn = () => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date());

/** A province officer creates a support programme through the console; returns its name and id. */
async function createProgramme(username: string, unitCode: string, name: string): Promise<{ id: string; name: string }> {
  const page = await (await newContext(browser)).newPage();
  await withFailureScreenshot(page, `programme-${username}`, async () => {
    await signIn(page, username);
    await page.getByRole('navigation').getByRole('link', { name: 'Chương trình hỗ trợ' }).click();
    await page.getByRole('button', { name: 'Tạo chương trình' }).click();
    const form = page.getByRole('dialog', { name: 'Tạo chương trình' });
    await form.getByLabel('Tên chương trình').fill(name);
    await form.getByLabel('Đơn vị').fill(unitCode);
    await form.getByLabel('Căn cứ pháp lý').fill('Kế hoạch 4009/KH-UBND ngày 26/9/2023 của UBND tỉnh Ninh Thuận');
    await form.locator('#dates').click();
    await form.locator('#dates').fill(todayVn());
    await page.keyboard.press('Enter');
    await form.locator('.ant-picker-input').nth(1).locator('input').fill('31/12/2030');
    await page.keyboard.press('Enter');
    await form.getByRole('button', { name: 'Gửi' }).click();
    await page.getByText('Đã tạo chương trình').waitFor();
    // The list is a read model: it shows the new programme within moments.
    for (let i = 0; i < 15 && !(await page.getByRole('cell', { name }).isVisible()); i++) {
      await page.waitForTimeout(1000);
      if (i % 3 === 2) await page.reload();
    }
    await page.getByRole('cell', { name }).waitFor();
    await checkMainPage(page, 'officer-programmes');
  });
  await page.context().close();
  const found = await callApi<{ items: { id: string; name: string }[] }>(username, 'support-programs', 'GET', `/programmes?q=${encodeURIComponent(name)}`);
  const programmeFound = found.items.find((p) => p.name === name);
  assert.ok(programmeFound, `programme ${name} listed`);
  return programmeFound;
}

before(async () => {
  browser = await launchBrowser();
  await withdrawOpenRegistrations();
  programme = await createProgramme('kh.admin', '56-PHANRANG', `Chương trình hỗ trợ mô hình điểm Phan Rang (kiểm thử ${Date.now()})`);
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
  // The profile may have been registered earlier under another name (the API suites use this account too).
  const { name: enterpriseName } = await callApi<{ name: string }>('ent.phanrang', 'support-programs', 'GET', '/enterprises/mine');
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
  const row = officer.getByRole('row').filter({ hasText: enterpriseName });
  await eventuallyVisible(officer, row.getByRole('button', { name: 'Bắt đầu xem xét' }));
  await row.getByRole('button', { name: 'Bắt đầu xem xét' }).click();
  await officer.getByText('Đã bắt đầu xem xét').waitFor();
  await officer.goto(`${CONSOLE_URL}/registrations?status=under-review`);
  const approve = officer.getByRole('row').filter({ hasText: enterpriseName }).getByRole('button', { name: 'Phê duyệt' });
  await eventuallyVisible(officer, approve);
  await checkMainPage(officer, 'officer-registrations');
  await approve.click();
  await officer.getByText('Đã phê duyệt đăng ký').waitFor();

  // The enterprise follows its status: approved.
  await eventuallyVisible(enterprise, enterprise.getByRole('row').filter({ hasText: programme.id }).getByText('Đã phê duyệt'));
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

test('enterprise implements an approved pilot model and reports its completion with evidence', async () => {
  const name = `Chương trình mô hình điểm Ngọk Bay (kiểm thử ${Date.now()})`;
  const ngokBay = await createProgramme('qn.admin', '51-NGOKBAY', name);
  const enterprise = await (await newContext(browser)).newPage();
  await withFailureScreenshot(enterprise, 'enterprise-completion', async () => {
    await signIn(enterprise, 'ent.ngokbay');
    await enterprise.getByRole('button', { name: `Đăng ký tham gia: ${name}` }).click();
    const dialog = enterprise.getByRole('dialog');
    await dialog.locator('#tools').click();
    await enterprise.locator('.ant-select-item-option[title="5S"]').click();
    await dialog.getByRole('button', { name: 'Gửi' }).click();
    await enterprise.getByText('Đã nộp đăng ký').first().waitFor();
  });
  const officer = await (await newContext(browser)).newPage();
  await withFailureScreenshot(officer, 'officer-approval', async () => {
    await signIn(officer, 'ngokbay.officer');
    await officer.goto(`${CONSOLE_URL}/registrations?status=submitted`);
    const review = officer.getByRole('row').filter({ hasText: 'Hợp tác xã Nông nghiệp Sâm Ngọc Linh' }).getByRole('button', { name: 'Bắt đầu xem xét' });
    await eventuallyVisible(officer, review);
    await review.first().click();
    await officer.getByText('Đã bắt đầu xem xét').waitFor();
    await officer.goto(`${CONSOLE_URL}/registrations?status=under-review`);
    const approve = officer.getByRole('row').filter({ hasText: 'Hợp tác xã Nông nghiệp Sâm Ngọc Linh' }).getByRole('button', { name: 'Phê duyệt' });
    await eventuallyVisible(officer, approve);
    await approve.first().click();
    await officer.getByText('Đã phê duyệt đăng ký').waitFor();
  });
  await withFailureScreenshot(enterprise, 'enterprise-completion', async () => {
    await eventuallyVisible(enterprise, enterprise.getByRole('row').filter({ hasText: ngokBay.id }).getByText('Đã phê duyệt'));
    await enterprise.getByRole('row').filter({ hasText: ngokBay.id }).getByRole('link').click();
    await enterprise.getByRole('button', { name: 'Bắt đầu triển khai' }).click();
    await enterprise.getByTestId('registration-status').getByText('Đang triển khai').waitFor();
    await enterprise.getByRole('button', { name: 'Báo cáo hoàn thành' }).click();
    const done = enterprise.getByRole('dialog', { name: 'Báo cáo hoàn thành' });
    await done.getByLabel('Năng suất tăng (%)').fill('12,5');
    await done.getByLabel('Chứng nhận đạt được').fill('VietGAP');
    await done.getByLabel('Minh chứng', { exact: true }).fill('Biên bản nghiệm thu mô hình điểm');
    await done.getByLabel('Số hiệu văn bản minh chứng').fill('07/BB-VHXH');
    await done.getByRole('button', { name: 'Gửi' }).click();
    await enterprise.getByTestId('registration-status').getByText('Hoàn thành').waitFor();
    await enterprise.getByText(/12,5 %.*VietGAP.*07\/BB-VHXH/).waitFor();
  });
});
