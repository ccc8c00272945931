import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { CONSOLE_URL, launchBrowser, newContext, signIn, withFailureScreenshot } from './browser';
import { checkMainPage } from './page-check';

// A commune officer drafts a plan, adds a target, issues it, then amends the target with reason and
// legal basis — seeing what changes before sending — and finds version 2 with its reason.
let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => browser?.close());

const todayVn = () => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date());

test('commune officer: draft, target, issue, amend with the change shown first', async () => {
  const stamp = Date.now();
  const title = `Kế hoạch nâng cao năng suất thôn bản xã Ngọk Bay (kiểm thử ${stamp})`;
  const page = await (await newContext(browser)).newPage();
  await withFailureScreenshot(page, 'plan-authoring', async () => {
    await signIn(page, 'ngokbay.officer');
    await page.getByRole('navigation').getByRole('link', { name: 'Kế hoạch', exact: true }).click();
    await page.getByRole('button', { name: 'Soạn kế hoạch mới' }).click();
    const draft = page.getByRole('dialog', { name: 'Soạn kế hoạch mới' });
    await draft.getByLabel('Tên kế hoạch').fill(title);
    await draft.getByLabel('Thực hiện kế hoạch (số hiệu)').fill('138/KH-UBND');
    await draft.getByLabel('Mục tiêu tổng quát').fill('Đưa năng suất trở thành động lực phát triển của xã\nHỗ trợ hợp tác xã áp dụng công cụ cải tiến');
    await draft.getByRole('button', { name: 'Gửi' }).click();
    await page.getByTestId('plan-status').getByText('Dự thảo').waitFor();

    await page.getByRole('button', { name: 'Thêm mục tiêu cụ thể' }).click();
    const target = page.getByRole('dialog', { name: 'Thêm mục tiêu cụ thể' });
    await target.getByLabel('Tên mục tiêu (tiếng Việt)').fill('Doanh nghiệp xây dựng mô hình điểm');
    await target.getByLabel('Tên mục tiêu (tiếng Anh)').fill('Enterprises building pilot models');
    await target.locator('#indicator').click();
    await page.locator('.ant-select-item-option[title="Doanh nghiệp có mô hình điểm"]').click();
    await target.getByText('Khoảng', { exact: true }).click();
    await target.getByLabel('Từ').fill('1');
    await target.getByLabel('Đến').fill('2');
    await target.getByRole('button', { name: 'Gửi' }).click();
    await page.getByText('Đã thêm mục tiêu').waitFor();

    await page.getByRole('button', { name: 'Ban hành' }).click();
    const issue = page.getByRole('dialog', { name: 'Ban hành' });
    await issue.getByLabel('Số hiệu').fill(`${stamp % 100000}/KH-UBND`);
    await issue.getByLabel('Ngày ban hành').fill(todayVn());
    await page.keyboard.press('Enter');
    await issue.getByLabel('Người ký', { exact: true }).fill('A Thịnh');
    await issue.getByRole('button', { name: 'Gửi' }).click();
    await page.getByTestId('plan-status').getByText('Đã ban hành').waitFor();

    await page.getByRole('button', { name: 'Điều chỉnh kế hoạch' }).click();
    const amend = page.getByRole('dialog', { name: 'Điều chỉnh kế hoạch' });
    await amend.locator('#targetId').click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'Doanh nghiệp xây dựng mô hình điểm' }).click();
    await amend.getByLabel('Đến').fill('3');
    // The change is shown before anything is sent.
    await amend.getByTestId('amendment-preview').getByRole('row').filter({ hasText: 'Cận trên' }).getByRole('cell', { name: '3', exact: true }).waitFor();
    await amend.getByLabel('Lý do điều chỉnh').fill('Nhiều hợp tác xã đăng ký hơn dự kiến');
    await amend.getByLabel('Căn cứ pháp lý').fill('Nghị quyết số 12/NQ-HĐND');
    await amend.getByLabel('Ngày có hiệu lực').fill(todayVn());
    await page.keyboard.press('Enter');
    await amend.getByRole('button', { name: 'Gửi điều chỉnh' }).click();
    await page.getByTestId('plan-status').getByText('Đã điều chỉnh').waitFor();

    await page.getByRole('tab', { name: 'Các phiên bản' }).click();
    await page.getByText('Nhiều hợp tác xã đăng ký hơn dự kiến').waitFor();
    await checkMainPage(page, 'plan-amended');

    // Versions 1 and 2 side by side: the upper bound went from 2 to 3, with the amendment's reason.
    await page.getByRole('tab', { name: 'So sánh phiên bản' }).click();
    const differences = page.getByTestId('version-differences');
    await differences.getByText('1 điểm khác nhau giữa phiên bản 1 và phiên bản 2').waitFor();
    const row = differences.getByRole('row').filter({ hasText: 'Cận trên' });
    assert.deepEqual(await row.getByRole('cell').allInnerTexts(), ['Mục tiêu cụ thể', 'Sửa', 'Doanh nghiệp xây dựng mô hình điểm', 'Cận trên', '2', '3']);
    await page.getByText('Nhiều hợp tác xã đăng ký hơn dự kiến · Nghị quyết số 12/NQ-HĐND').waitFor();
    await checkMainPage(page, 'plan-versions-compared');

    // After its final review the plan is closed, with the day and the reason.
    await page.getByRole('button', { name: 'Kết thúc kế hoạch' }).click();
    const close = page.getByRole('dialog', { name: 'Kết thúc kế hoạch' });
    await close.getByLabel('Lý do').fill('Tổng kết thực hiện kế hoạch (kiểm thử)');
    await close.getByRole('button', { name: 'Gửi' }).click();
    await page.getByText('Đã kết thúc kế hoạch').waitFor();
    await page.getByTestId('plan-status').getByText('Đã kết thúc', { exact: true }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Điều chỉnh kế hoạch' }).count(), 0);
    assert.match(page.url(), new RegExp(`^${CONSOLE_URL}/plans/`));
  });
});
