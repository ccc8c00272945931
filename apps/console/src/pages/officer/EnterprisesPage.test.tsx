import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Enterprise } from '../../lib/types';
import { fakeFetch, principal, renderWith } from '../../test-utils';
import { EnterprisesPage } from './EnterprisesPage';

const claimed: Enterprise = { id: 'mst-6101000014', taxCode: '6101000014', accountId: 'ent-ngokbay', name: 'Hợp tác xã Sâm Ngọc Linh Ngọk Bay', unitCode: '51-NGOKBAY', sector: 'Dược liệu', size: 'small', group: 'cooperative' };
const unclaimed: Enterprise = { id: 'mst-6101000022', taxCode: '6101000022', name: 'Tổ hợp tác Cà phê Đăk Tơ', unitCode: '51-NGOKBAY', sector: 'Cà phê', size: 'micro', group: 'sme' };
const officer = principal(['commune-officer'], '51-NGOKBAY', 'cb.ngokbay');

afterEach(() => vi.unstubAllGlobals());

describe("an officer's list of the unit's enterprises", () => {
  it('lists them with whether someone acts for them, and searches and filters on the server', async () => {
    const calls = fakeFetch(() => ({ status: 200, body: { items: [claimed, unclaimed], page: 1, pageSize: 20, total: 2 } }));
    renderWith(<EnterprisesPage />, { who: officer, path: '/enterprises' });
    const table = await screen.findByRole('table');
    await within(table).findByText('Hợp tác xã Sâm Ngọc Linh Ngọk Bay');
    expect(within(table).getByText('Đã có tài khoản')).toBeInTheDocument();
    expect(within(table).getByText('Chưa có tài khoản')).toBeInTheDocument();
    expect(within(table).getByText('Hợp tác xã')).toBeInTheDocument();
    expect(calls[0]!.url).toContain('/api/support-programs/enterprises?');
    expect(calls[0]!.url).toContain('unit=51-NGOKBAY');

    await userEvent.type(screen.getByRole('searchbox', { name: 'Tìm kiếm' }), 'dak to{Enter}');
    await waitFor(() => expect(calls.at(-1)!.url).toContain('q=dak+to'));
  }, 60_000);

  it("corrects an enterprise's profile from its row (the tax code stays)", async () => {
    const calls = fakeFetch((c) => (c.method === 'PATCH' ? { status: 200, body: { ...unclaimed, sector: 'Cà phê đặc sản' } } : { status: 200, body: { items: [unclaimed], page: 1, pageSize: 20, total: 1 } }));
    renderWith(<EnterprisesPage />, { who: officer, path: '/enterprises' });
    const row = (await screen.findByText(unclaimed.name)).closest('tr')!;
    await userEvent.click(within(row).getByRole('button', { name: 'Sửa hồ sơ' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByLabelText('Ngành, lĩnh vực'));
    await userEvent.paste(' đặc sản');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Gửi' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true));
    expect(calls.find((c) => c.method === 'PATCH')).toMatchObject({ url: '/api/support-programs/enterprises/mst-6101000022', body: { sector: 'Cà phê đặc sản' } });
  }, 60_000);

  it("registers an enterprise of the unit for the officer's visitor", async () => {
    const calls = fakeFetch((c) => (c.method === 'POST' ? { status: 201, body: unclaimed } : { status: 200, body: { items: [], page: 1, pageSize: 20, total: 0 } }));
    renderWith(<EnterprisesPage />, { who: officer, path: '/enterprises' });
    await userEvent.click(await screen.findByRole('button', { name: 'Đăng ký doanh nghiệp' }));
    const dialog = await screen.findByRole('dialog');
    // Pasted rather than typed key by key: the same form events, a fraction of the time on a busy machine.
    for (const [label, value] of [['Tên doanh nghiệp', unclaimed.name], ['Mã số thuế', unclaimed.taxCode], ['Ngành, lĩnh vực', unclaimed.sector]]) {
      await userEvent.click(within(dialog).getByLabelText(label!));
      await userEvent.paste(value!);
    }
    await userEvent.click(within(dialog).getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')).toMatchObject({
      url: '/api/support-programs/enterprises',
      body: { name: unclaimed.name, taxCode: unclaimed.taxCode, unitCode: '51-NGOKBAY', sector: 'Cà phê', size: 'small', group: 'sme' },
    });
  }, 60_000);

  it('is not for enterprises', () => {
    fakeFetch(() => ({ status: 200, body: {} }));
    renderWith(<EnterprisesPage />, { who: principal(['enterprise'], '51-NGOKBAY', 'ent.ngokbay'), path: '/enterprises' });
    expect(screen.queryByRole('table')).toBeNull();
  });
});
