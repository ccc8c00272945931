import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch, principal, renderWith } from '../../test-utils';
import { EnterpriseClaimsPage } from './EnterpriseClaimsPage';
import type { EnterpriseClaim } from './claims';

const claim = (id: string, over: Partial<EnterpriseClaim> = {}): EnterpriseClaim => ({
  id,
  status: 'submitted',
  taxCode: '6101234567',
  enterpriseId: 'mst-6101234567',
  enterpriseName: `HTX ${id}`,
  unitCode: '51-NGOKBAY',
  existing: false,
  claimant: { userId: `u-${id}`, username: `nguoi.${id}`, email: `${id}@example.vn` },
  submittedAt: '2026-11-30T02:00:00.000Z',
  version: 1,
  ...over,
});

afterEach(() => vi.unstubAllGlobals());

describe("the officers' queue of enterprise claims", () => {
  it('lists the waiting claims of the unit and confirms one after a question', async () => {
    const calls = fakeFetch((c) => (c.method === 'POST' ? { status: 200, body: claim('a', { status: 'confirmed' }) } : { status: 200, body: { items: [claim('a'), claim('b')], page: 1, pageSize: 20, total: 2 } }));
    renderWith(<EnterpriseClaimsPage />, { who: principal(['commune-officer']) });
    const row = (await screen.findByText('nguoi.a')).closest('tr')!;
    expect(calls[0].url).toContain('/api/support-programs/enterprise-claims?status=submitted');
    expect(within(row).getByText('Doanh nghiệp mới')).toBeInTheDocument();
    expect(within(row).getByText('30/11/2026')).toBeInTheDocument();
    await userEvent.click(within(row).getByRole('button', { name: 'Xác nhận' }));
    const question = await screen.findByText('Gắn tài khoản nguoi.a với doanh nghiệp HTX a?');
    await userEvent.click(within(question.closest('.ant-popover') as HTMLElement).getByRole('button', { name: 'Xác nhận' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url === '/api/support-programs/enterprise-claims/a/confirm')).toBe(true));
  });

  it('refuses with the reason the person is shown; an empty reason is not sent', async () => {
    const calls = fakeFetch((c) => (c.method === 'POST' ? { status: 200, body: claim('a', { status: 'refused' }) } : { status: 200, body: { items: [claim('a')], page: 1, pageSize: 20, total: 1 } }));
    renderWith(<EnterpriseClaimsPage />, { who: principal(['commune-officer']) });
    await userEvent.click(await screen.findByRole('button', { name: 'Từ chối' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: /Gửi|Submit/ }));
    expect(await within(dialog).findByText('Nêu lý do (ít nhất 3 ký tự)')).toBeInTheDocument();
    await userEvent.type(within(dialog).getByLabelText('Lý do'), 'Không phải người đại diện');
    await userEvent.click(within(dialog).getByRole('button', { name: /Gửi|Submit/ }));
    await waitFor(() => expect(calls.find((c) => c.method === 'POST')).toMatchObject({ url: '/api/support-programs/enterprise-claims/a/refuse', body: { reason: 'Không phải người đại diện' } }));
  });

  it('offers revoking a confirmed link, and shows the API refusal beside the buttons', async () => {
    fakeFetch((c) =>
      c.method === 'POST'
        ? { status: 403, body: { message: 'The record belongs to administrative unit 51-NGOKBAY, outside your unit 51-DAKCAM.' } }
        : { status: 200, body: { items: [claim('c', { status: 'confirmed' }), claim('d')], page: 1, pageSize: 20, total: 2 } },
    );
    renderWith(<EnterpriseClaimsPage />, { who: principal(['commune-officer']), path: '/?status=' });
    const confirmedRow = (await screen.findByText('nguoi.c')).closest('tr')!;
    expect(within(confirmedRow).getByRole('button', { name: 'Thu hồi liên kết' })).toBeInTheDocument();
    expect(within(confirmedRow).queryByRole('button', { name: 'Xác nhận' })).not.toBeInTheDocument();
    const waitingRow = screen.getByText('nguoi.d').closest('tr')!;
    await userEvent.click(within(waitingRow).getByRole('button', { name: 'Xác nhận' }));
    await userEvent.click(within((await screen.findByText(/Gắn tài khoản nguoi.d/)).closest('.ant-popover') as HTMLElement).getByRole('button', { name: 'Xác nhận' }));
    expect(await within(waitingRow).findByText(/outside your unit 51-DAKCAM/)).toBeInTheDocument();
  });

  it("a person acting for an enterprise sees colleagues' claims and may confirm those naming their enterprise", async () => {
    fakeFetch(() => ({ status: 200, body: { items: [claim('e', { existing: true, enterpriseAccountId: 'MST-6101234567' })], page: 1, pageSize: 20, total: 1 } }));
    renderWith(<EnterpriseClaimsPage />, { who: { ...principal(['enterprise'], '51-NGOKBAY', 'nguoi.a'), enterpriseId: 'MST-6101234567' } });
    expect(await screen.findByText(/Những người xin cùng đại diện doanh nghiệp của bạn/)).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Xác nhận' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Thu hồi liên kết' })).not.toBeInTheDocument();
  });

  it('is not for a person without a deciding role', () => {
    fakeFetch(() => ({ status: 200, body: { items: [], page: 1, pageSize: 20, total: 0 } }));
    renderWith(<EnterpriseClaimsPage />, { who: principal(['trainer']) });
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
