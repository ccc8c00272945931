import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { CONSOLE_URL, eventuallyVisible, launchBrowser, newContext, signIn, withFailureScreenshot } from './browser';
import { checkMainPage } from './page-check';

// A trainer schedules a course, registers trainees one by one and by pasted rows (a bad row stops
// everything until corrected), sees the waiting list move up when a registration is cancelled,
// records attendance and completions, and sees the person-times.
let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => browser?.close());

const todayVn = () => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date());

test('trainer: course, trainees (one and pasted), attendance, completion, person-times', async () => {
  const page = await (await newContext(browser)).newPage();
  await withFailureScreenshot(page, 'trainer', async () => {
  await signIn(page, 'ngokbay.trainer');
  await page.waitForURL(`${CONSOLE_URL}/courses`);
  await page.getByTestId('person-times').waitFor();
  await checkMainPage(page, 'trainer-courses');

  const stamp = Date.now();
  const topic = `Tập huấn Lean cho hợp tác xã (kiểm thử ${stamp})`;
  await page.getByRole('button', { name: 'Lên lịch khóa học' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Chủ đề').fill(topic);
  await dialog.getByLabel('Số chỗ').fill('2');
  const today = todayVn();
  await dialog.locator('#dates').click();
  await dialog.locator('#dates').fill(today);
  await page.keyboard.press('Enter');
  await dialog.locator('.ant-picker-input').nth(1).locator('input').fill(today);
  await page.keyboard.press('Enter');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await page.getByText('Đã lên lịch khóa học').waitFor();
  // The search ignores diacritics, as the API does.
  const search = async () => {
    await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill(`tap huan lean kiem thu ${stamp}`);
    await page.keyboard.press('Enter');
  };
  await search();
  await eventuallyVisible(page, page.getByRole('link', { name: topic }), 30, async () => {
    await page.reload();
    await search();
  });
  await page.getByRole('link', { name: topic }).click();
  await page.getByTestId('course-person-times').waitFor();

  // One by one.
  await page.getByLabel('Họ và tên').fill('Y Blăng');
  await page.getByLabel('Loại đơn vị').click();
  await page.locator('.ant-select-item-option[title="Hợp tác xã"]').click();
  await page.getByLabel('Tên đơn vị').fill('HTX Sâm Ngọc Linh Ngọk Bay');
  await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();
  await page.getByText('Đã đăng ký học viên').waitFor();

  // Pasted rows: the invalid row is named and nothing is written.
  const paste = page.getByRole('textbox', { name: 'Dán danh sách từ bảng tính' });
  await paste.fill('Họ và tên\tLoại\tĐơn vị\tCCCD\nA Thuận\tHợp tác xã\tHTX Sâm Ngọc Linh\t\nNguyễn Thị Hoa\tnông dân\tPhòng Văn hóa – Xã hội\t123');
  await page.getByRole('button', { name: 'Kiểm tra' }).click();
  await page.getByText('Có 1 dòng chưa hợp lệ').waitFor();
  await page.getByText('Loại đơn vị không rõ').waitFor();
  await page.getByText('Số CCCD phải có 12 chữ số').waitFor();
  assert.equal(await page.getByRole('button', { name: /Ghi 2 học viên/ }).isDisabled(), true);
  await paste.fill('A Thuận\tHợp tác xã\tHTX Sâm Ngọc Linh\t\nNguyễn Thị Hoa\tSở, ngành\tPhòng Văn hóa – Xã hội\t');
  await page.getByRole('button', { name: 'Kiểm tra' }).click();
  await page.getByRole('button', { name: /Ghi 2 học viên/ }).click();
  // Two seats: the third person waits; cancelling a registration gives the seat to the first waiting.
  await page.getByText('Danh sách chờ (1)').waitFor({ timeout: 30_000 });
  await page.getByRole('tab', { name: /Học viên \(2\)/ }).waitFor();
  await checkMainPage(page, 'trainer-course');
  await page.getByRole('row').filter({ hasText: 'A Thuận' }).getByRole('button', { name: 'Hủy đăng ký' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: 'Hủy đăng ký' }).click();
  await page.getByText('Danh sách chờ (0)').waitFor();
  await page.getByRole('row').filter({ hasText: 'Nguyễn Thị Hoa' }).getByText('Đã đăng ký').waitFor();

  // Attendance today, then completion: one person-time.
  await page.getByRole('tab', { name: 'Điểm danh' }).click();
  await page.getByRole('button', { name: `Ghi có mặt: Y Blăng, ${today}` }).click();
  await page.getByRole('tabpanel').getByText('Có mặt', { exact: true }).first().waitFor();
  await page.getByRole('tab', { name: /Hoàn thành/ }).click();
  await page.getByRole('button', { name: 'Ghi hoàn thành: Y Blăng' }).click();
  await page.getByRole('tab', { name: 'Hoàn thành (1)' }).waitFor();
  assert.equal(await page.getByTestId('course-person-times').innerText(), '1');
  });
});
