import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { CONSOLE_URL, eventuallyVisible, launchBrowser, newContext, signIn, withFailureScreenshot } from './browser';
import { checkMainPage } from './page-check';

// Issue 15's screens: the Department records a fact no service produces (an organisation applying a
// productivity tool), the province verifies it, and the catalogue shows where each indicator's facts
// come from. Through the real plans API, with axe and a screenshot on each page.
let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('the department records an achievement, the province verifies it; the indicator catalogue and the inbox', async () => {
  const description = `Áp dụng công cụ 5S tại đơn vị (kiểm thử giao diện ${Date.now()})`;
  const department = await (await newContext(browser)).newPage();
  await withFailureScreenshot(department, 'achievement-record', async () => {
    await signIn(department, 'kh.department');
    await department.getByRole('navigation').getByRole('link', { name: 'Thành tích ghi nhận' }).click();
    await department.waitForURL(`${CONSOLE_URL}/achievements`);
    await department.getByRole('button', { name: 'Ghi nhận thành tích' }).click();
    const dialog = department.getByRole('dialog', { name: 'Ghi nhận thành tích' });
    // The first option of each list, from the keyboard (as a person using only the keyboard would).
    for (const field of ['#indicator', '#organisationId']) {
      await dialog.locator(field).focus();
      await department.keyboard.press('ArrowDown');
      await department.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option-active').first().waitFor();
      await department.keyboard.press('Enter');
      await department.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'detached' }).catch(() => undefined);
    }
    await dialog.locator('#achievedOn').fill('15/03/2025');
    await dialog.locator('#description').fill(description);
    await dialog.locator('#evidence').fill('Biên bản kiểm tra số 12/BB-SKHCN');
    await dialog.getByRole('button', { name: 'Gửi' }).click();
    await department.getByText('Đã ghi nhận').first().waitFor();
    const row = department.getByRole('row').filter({ hasText: description });
    await eventuallyVisible(department, row.getByText('Chờ xác nhận'));
    await checkMainPage(department, 'achievements');
  });

  const province = await (await newContext(browser)).newPage();
  await withFailureScreenshot(province, 'achievement-verify', async () => {
    await signIn(province, 'admin.ninhthuan', '/achievements');
    const row = province.getByRole('row').filter({ hasText: description });
    await eventuallyVisible(province, row.getByRole('button', { name: 'Xác nhận' }));
    await row.getByRole('button', { name: 'Xác nhận' }).click();
    // The list shows what awaits verification; the verified ones are a filter away.
    await province.getByRole('row').filter({ hasText: description }).waitFor({ state: 'detached', timeout: 30_000 });
    await province.getByRole('combobox', { name: 'Trạng thái' }).focus();
    await province.keyboard.press('ArrowDown');
    await province.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="Đã xác nhận"]').click();
    await eventuallyVisible(province, province.getByRole('row').filter({ hasText: description }).getByText('Đã xác nhận'));

    await province.getByRole('navigation').getByRole('link', { name: 'Danh mục chỉ tiêu' }).click();
    await province.waitForURL(`${CONSOLE_URL}/indicators`);
    await province.getByText('Thành tích ghi nhận').first().waitFor();
    await checkMainPage(province, 'indicator-catalogue');

    await province.getByRole('navigation').getByRole('link', { name: 'Thông báo' }).click();
    await province.waitForURL(`${CONSOLE_URL}/inbox`);
    await province.getByRole('heading', { name: /Thông báo/ }).waitFor();
    await checkMainPage(province, 'inbox');
  });
});
