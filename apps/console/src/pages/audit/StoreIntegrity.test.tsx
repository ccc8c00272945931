import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch, principal, renderWith } from '../../test-utils';
import { StoreIntegrity } from './StoreIntegrity';

const auditor = principal(['auditor'], 'VN', 'auditor.vn');
const HEAD = 'a'.repeat(64);
const anomaly = { id: 'an-1', context: 'plans', status: 'open', detectedAt: '2026-11-30T03:00:00Z', kind: 'edited-in-store', eventId: 'e9', streamId: 'plan-p1', streamVersion: 2, detail: 'data.content.title differs' };

afterEach(() => vi.unstubAllGlobals());

function answers(url: string) {
  if (url.includes('/chain')) return { status: 200, body: { days: 3, head: HEAD, consistent: false, firstBroken: { date: '2026-11-28', reason: 'a past day was rewritten' }, matchesExportedHead: false } };
  if (url.includes('/reconcile')) return { status: 200, body: { context: 'plans', checkedAt: '2026-11-30T03:00:00Z', compared: 120, findings: [anomaly] } };
  return { status: 200, body: { items: [anomaly], page: 1, pageSize: 10, total: 1 } };
}

describe("a context's store integrity", () => {
  it('lists the open anomalies of the context, each naming its event', async () => {
    const calls = fakeFetch((c) => answers(c.url));
    renderWith(<StoreIntegrity />, { who: auditor });
    expect((await screen.findAllByText('Bị sửa trong kho phân hệ')).length).toBeGreaterThan(0);
    expect(screen.getByText('plan-p1 #2')).toBeInTheDocument();
    expect(calls[0].url).toBe('/api/audit/audit/anomalies?context=plans&status=open&page=1&pageSize=10');
  });

  it('checks the chain of days against a head exported earlier and says where it breaks', async () => {
    const calls = fakeFetch((c) => answers(c.url));
    renderWith(<StoreIntegrity />, { who: auditor });
    const input = screen.getByRole('textbox', { name: 'Đầu chuỗi đã xuất trước đây (không bắt buộc)' });
    fireEvent.change(input, { target: { value: 'not-a-head' } });
    expect(screen.getByRole('button', { name: 'Kiểm tra chuỗi' })).toBeDisabled();
    fireEvent.change(input, { target: { value: HEAD } });
    await userEvent.click(screen.getByRole('button', { name: 'Kiểm tra chuỗi' }));
    const chain = await screen.findByTestId('chain-of-days');
    expect(chain).toHaveTextContent('Chuỗi bị đứt từ ngày 28/11/2026: a past day was rewritten');
    expect(chain).toHaveTextContent('Đầu chuỗi đã xuất không còn nằm trên chuỗi');
    await waitFor(() => expect(calls.some((c) => c.url === `/api/audit/audit/checkpoints/chain?context=plans&head=${HEAD}`)).toBe(true));
  });

  it('reconciles the service’s store with the ledger on request', async () => {
    fakeFetch((c) => answers(c.url));
    renderWith(<StoreIntegrity />, { who: auditor });
    await userEvent.click(screen.getByRole('button', { name: 'Đối chiếu ngay' }));
    expect(await screen.findByTestId('reconciliation')).toHaveTextContent('Phát hiện 1 khác biệt giữa kho của phân hệ và sổ cái');
  });
});
