import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { CONSOLE_URL, eventuallyVisible, launchBrowser, newContext, signIn, withFailureScreenshot } from './browser';
import { checkMainPage } from './page-check';
import { callApi } from './platform-api';

// The records officers and enterprises keep up to date: award categories, a programme's terms, a
// course that will not take place, an enterprise's profile, a certificate's validity. Each record a
// test changes is made for the run (through the API) or gets a value unique to the run.
let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => browser?.close());

const todayVn = () => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date());
const isoDay = (offset: number) => new Date(Date.now() + 7 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);

test('province: an award category created and open for nominations, a programme’s capacity changed with its reason', async () => {
  const stamp = Date.now();
  const programmeName = `Chương trình hỗ trợ năng suất tỉnh Quảng Ngãi (kiểm thử ${stamp})`;
  await callApi('qn.admin', 'support-programs', 'POST', '/programmes', {
    name: programmeName, unitCode: '51', legalBasis: ['Kế hoạch 138/KH-UBND ngày 19/6/2025 của UBND tỉnh Quảng Ngãi'], funding: { sources: ['state-budget'] },
    eligibleGroups: ['sme'], toolsOffered: ['5s'], openingDate: isoDay(0), closingDate: '2030-12-31', capacity: 3,
  });
  const page = await (await newContext(browser)).newPage();
  await withFailureScreenshot(page, 'province-records', async () => {
    await signIn(page, 'qn.admin');
    await page.getByRole('navigation').getByRole('link', { name: 'Danh hiệu khen thưởng' }).click();
    await page.waitForURL(`${CONSOLE_URL}/award-categories`);
    const name = `Hợp tác xã tiêu biểu về năng suất (kiểm thử ${stamp})`;
    await page.getByRole('button', { name: 'Tạo danh hiệu khen thưởng' }).click();
    const form = page.getByRole('dialog', { name: 'Tạo danh hiệu khen thưởng' });
    await form.getByLabel('Tên danh hiệu').fill(name);
    await form.getByText('tập thể', { exact: true }).click();
    await form.locator('#period').click();
    await form.locator('#period').fill(todayVn());
    await page.keyboard.press('Enter');
    await form.locator('.ant-picker-input').nth(1).locator('input').fill('31/12/2030');
    await page.keyboard.press('Enter');
    await form.getByRole('button', { name: 'Gửi' }).click();
    await page.getByText('Đã tạo danh hiệu khen thưởng').waitFor();
    const search = async () => {
      await page.reload();
      await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill(`kiem thu ${stamp}`);
      await page.keyboard.press('Enter');
    };
    await search();
    const row = page.getByRole('row').filter({ hasText: name });
    await eventuallyVisible(page, row, 30, search);
    await row.getByText('Đang nhận đề cử').waitFor();
    await row.getByText('doanh nghiệp, tập thể').waitFor();
    await checkMainPage(page, 'award-categories');

    await page.getByRole('navigation').getByRole('link', { name: 'Chương trình hỗ trợ' }).click();
    const findProgramme = async () => {
      await page.reload();
      await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill(`kiem thu ${stamp}`);
      await page.keyboard.press('Enter');
    };
    await findProgramme();
    const programme = page.getByRole('row').filter({ hasText: programmeName });
    await eventuallyVisible(page, programme, 30, findProgramme);
    await programme.getByRole('button', { name: 'Sửa' }).click();
    const edit = page.getByRole('dialog', { name: `Sửa — ${programmeName}` });
    await edit.getByLabel('Số mô hình điểm hỗ trợ').fill('5');
    await edit.getByLabel('Lý do thay đổi').fill('Bổ sung chỉ tiêu theo kế hoạch điều chỉnh');
    await edit.getByRole('button', { name: 'Gửi' }).click();
    await page.getByText('Đã sửa chương trình').waitFor();
    await eventuallyVisible(page, programme.getByRole('cell', { name: '0/5', exact: true }), 30, findProgramme);
    await checkMainPage(page, 'programme-edited');
  });
});

test('commune officer cancels a course that will not take place; the assessor sees how long a certificate is valid', async () => {
  const stamp = Date.now();
  const topic = `Tập huấn ISO 9001 cho hợp tác xã (kiểm thử hủy ${stamp})`;
  const courseId = `cancel-${stamp}`;
  await callApi('ngokbay.officer', 'training', 'POST', '/courses', { courseId, unitCode: '51-NGOKBAY', topic, startDate: isoDay(7), endDate: isoDay(8), capacity: 10, trainerId: 'ngokbay.trainer' });
  const officer = await (await newContext(browser)).newPage();
  await withFailureScreenshot(officer, 'course-cancel', async () => {
    await signIn(officer, 'ngokbay.officer');
    await officer.getByRole('navigation').getByRole('link', { name: 'Khóa đào tạo' }).click();
    await officer.goto(`${CONSOLE_URL}/courses/${courseId}`);
    await officer.getByRole('button', { name: 'Hủy khóa đào tạo' }).click();
    const dialog = officer.getByRole('dialog', { name: 'Hủy khóa đào tạo' });
    await dialog.getByLabel('Lý do').fill('Giảng viên không đến được do mưa lũ');
    await dialog.getByRole('button', { name: 'Gửi' }).click();
    await officer.getByText('Đã hủy khóa đào tạo').waitFor();
    await officer.getByTestId('course-status').getByText('Đã hủy').waitFor();
    await officer.getByText('Khóa đào tạo đã bị hủy: Giảng viên không đến được do mưa lũ').waitFor();
    assert.equal(await officer.getByRole('button', { name: 'Hủy khóa đào tạo' }).count(), 0);
    await checkMainPage(officer, 'course-cancelled');
  });

  const assessor = await (await newContext(browser)).newPage();
  await withFailureScreenshot(assessor, 'certificate-validity', async () => {
    await signIn(assessor, 'qn.assessor');
    await assessor.waitForURL(`${CONSOLE_URL}/certifications`);
    await assessor.getByRole('combobox', { name: 'Trạng thái' }).click();
    await assessor.locator('.ant-select-item-option[title="Còn hiệu lực"]').click();
    await assessor.getByRole('cell', { name: /Còn \d+ ngày|Sắp hết hạn: còn \d+ ngày/ }).first().waitFor();
    await checkMainPage(assessor, 'certificates-in-force');
  });
});

test('enterprise corrects its profile; the tax code stays', async () => {
  const page = await (await newContext(browser)).newPage();
  await withFailureScreenshot(page, 'enterprise-profile', async () => {
    await signIn(page, 'ent.ngokbay');
    await page.waitForURL(`${CONSOLE_URL}/enterprise`);
    const sector = `Nông nghiệp — dược liệu (cập nhật ${Date.now()})`;
    await page.getByRole('button', { name: 'Sửa hồ sơ' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sửa hồ sơ' });
    await dialog.getByText('Mã số thuế 6101000014 không thay đổi được.').waitFor();
    await dialog.getByLabel('Ngành, lĩnh vực').fill(sector);
    await dialog.getByRole('button', { name: 'Gửi' }).click();
    await page.getByText('Đã lưu hồ sơ doanh nghiệp').waitFor();
    await eventuallyVisible(page, page.getByText(sector), 30);
    await checkMainPage(page, 'enterprise-profile');
  });
});
