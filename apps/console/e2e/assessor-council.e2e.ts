import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { eventuallyVisible, launchBrowser, newContext, signIn, withFailureScreenshot } from './browser';
import { checkMainPage } from './page-check';

// Expert assessor: a province officer records an application, the assessor assesses it and grants
// the certificate. Award council: the province officer records a nomination and sets the council,
// the council member evaluates it and decides. Everything through the console.
let browser: Browser;
const stamp = Date.now();
const expertName = `Lê Thị Năng Suất ${stamp}`;
const nomineeName = `Hợp tác xã Cà phê Đăk Cấm ${stamp}`;
before(async () => {
  browser = await launchBrowser();
});
after(async () => browser?.close());

test('province officer records an expert application and a nomination, and sets the council', async () => {
  const page = await (await newContext(browser)).newPage();
  await withFailureScreenshot(page, 'officer-expert-nomination', async () => {
    await signIn(page, 'qn.admin');
    await page.getByRole('navigation').getByRole('link', { name: 'Chứng nhận chuyên gia' }).click();
    await page.getByRole('button', { name: 'Nộp hồ sơ chứng nhận' }).click();
    const apply = page.getByRole('dialog', { name: 'Nộp hồ sơ chứng nhận' });
    await apply.getByLabel('Họ và tên').fill(expertName);
    await apply.getByLabel('Tên đơn vị').fill('Trung tâm Năng suất Quảng Ngãi');
    await apply.getByLabel('Bằng tốt nghiệp đại học').fill('Bằng kỹ sư quản lý công nghiệp');
    await apply.getByLabel('Chứng chỉ đào tạo chuyên gia năng suất').fill('Chứng chỉ chuyên gia năng suất');
    await apply.getByLabel('Xác nhận kinh nghiệm công tác').fill('Xác nhận 4 năm tư vấn cải tiến');
    const references = apply.getByLabel('Số hiệu văn bản minh chứng');
    for (const [i, ref] of ['SH-2020-042', 'CC-2025-031', 'XN-2026-11'].entries()) await references.nth(i).fill(ref);
    await apply.getByRole('button', { name: 'Gửi' }).click();
    await page.getByText('Đã ghi hồ sơ chứng nhận').waitFor();

    await page.getByRole('navigation').getByRole('link', { name: 'Đề cử khen thưởng' }).click();
    await page.getByRole('button', { name: 'Đề cử', exact: true }).click();
    const nominate = page.getByRole('dialog', { name: 'Đề cử' });
    await nominate.locator('#categoryId').click();
    await page.locator('.ant-select-item-option').first().click();
    await nominate.getByText('tập thể', { exact: true }).click();
    await nominate.getByLabel('Đối tượng được đề cử').fill(nomineeName);
    await nominate.getByText('Liên minh Hợp tác xã', { exact: true }).click();
    await nominate.getByLabel('Đơn vị đề cử', { exact: true }).fill('Liên minh Hợp tác xã tỉnh Quảng Ngãi');
    await nominate.getByLabel('Thành tích').fill('Áp dụng Kaizen, năng suất lao động tăng 12 %');
    await nominate.getByRole('button', { name: 'Gửi' }).click();
    await page.getByText('Đã ghi đề cử').waitFor();
    const search = async () => {
      await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill(`ca phe dak cam ${stamp}`);
      await page.keyboard.press('Enter');
    };
    await search();
    await eventuallyVisible(page, page.getByRole('button', { name: nomineeName }), 30, async () => {
      await page.reload();
      await search();
    });
    await page.getByRole('button', { name: nomineeName }).click();
    await page.getByRole('button', { name: 'Bắt đầu đánh giá' }).click();
    const council = page.getByRole('dialog', { name: 'Bắt đầu đánh giá' });
    await council.getByLabel('Thành viên hội đồng').fill('qn.council');
    await council.getByRole('button', { name: 'Gửi' }).click();
    await page.getByTestId('nomination-status').getByText('Đang đánh giá').waitFor();
  });
});

test('expert assessor assesses an application and grants the certificate', async () => {
  const page = await (await newContext(browser)).newPage();
  await withFailureScreenshot(page, 'assessor', async () => {
    await signIn(page, 'qn.assessor');
    await page.getByRole('heading', { name: 'Chứng nhận chuyên gia' }).waitFor();
    await checkMainPage(page, 'assessor-certifications');
    const search = async () => {
      await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill(`le thi nang suat ${stamp}`);
      await page.keyboard.press('Enter');
    };
    await search();
    await eventuallyVisible(page, page.getByRole('button', { name: expertName }), 30, async () => {
      await page.reload();
      await search();
    });
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
    const search = async () => {
      await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill(`ca phe dak cam ${stamp}`);
      await page.keyboard.press('Enter');
    };
    await search();
    await eventuallyVisible(page, page.getByRole('button', { name: nomineeName }), 30, async () => {
      await page.reload();
      await search();
    });
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
