import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch, principal, renderWith } from '../../test-utils';
import { backfillPercent, BackfillPage } from './BackfillPage';

const run = (status: string, read: number) => ({ id: 'run-1', context: 'training', topic: 'nangsuat.training', status, startedAt: '2026-11-30T02:00:00Z', expected: 40, read, counts: { stored: 3, duplicate: read - 3, conflict: 0, failed: 0 }, anomalies: 0, failures: [] });

afterEach(() => vi.unstubAllGlobals());

describe('audit ledger backfill', () => {
  it('shows progress as the share of the topic read', () => {
    expect(backfillPercent({ status: 'running', expected: 40, read: 10 })).toBe(25);
    expect(backfillPercent({ status: 'running', expected: 0, read: 0 })).toBe(0);
    expect(backfillPercent({ status: 'done', expected: 40, read: 39 })).toBe(100);
  });

  it('a province administrator starts a run for the chosen context and follows it until it is done', async () => {
    let polls = 0;
    const calls = fakeFetch((c) => {
      if (c.method === 'POST') return { status: 202, body: { id: 'run-1', context: 'training', topic: 'nangsuat.training', status: 'running', startedAt: '2026-11-30T02:00:00Z' } };
      if (c.url.includes('/runs?')) return { status: 200, body: { items: [], page: 1, pageSize: 10, total: 0 } };
      polls++;
      return { status: 200, body: polls < 2 ? run('running', 10) : run('done', 40) };
    });
    renderWith(<BackfillPage />, { who: principal(['province-admin'], '51', 'qn.admin') });
    await userEvent.click(screen.getByRole('button', { name: 'Bắt đầu nạp lại' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Gửi' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'POST')?.url).toBe('/api/audit/audit/backfill/plans'));
    const card = await screen.findByTestId('backfill-run');
    expect(await within(card).findByText('Đã xong', {}, { timeout: 8000 })).toBeInTheDocument();
    expect(within(card).getByText('40 / 40')).toBeInTheDocument();
  }, 60_000);

  it('an auditor cannot start one but looks a run up by its id', async () => {
    const calls = fakeFetch((c) => (c.url.includes('/runs?') ? { status: 200, body: { items: [], page: 1, pageSize: 10, total: 0 } } : { status: 200, body: run('running', 10) }));
    renderWith(<BackfillPage />, { who: principal(['auditor'], 'VN', 'auditor.vn') });
    expect(screen.queryByRole('button', { name: 'Bắt đầu nạp lại' })).toBeNull();
    fireEvent.change(screen.getByRole('searchbox', { name: 'Mã lần nạp lại' }), { target: { value: 'run-1' } });
    await userEvent.click(screen.getByRole('button', { name: 'Mở' }));
    expect(await screen.findByText('10 / 40')).toBeInTheDocument();
    expect(calls.map((c) => c.url)).toContain('/api/audit/audit/backfill/runs/run-1');
  });

  it('lists the runs newest first, each opening to its card', async () => {
    const older = { ...run('done', 40), id: 'run-0', context: 'awards', startedAt: '2026-11-29T02:00:00Z', counts: { stored: 0, duplicate: 40, conflict: 2, failed: 0 } };
    const calls = fakeFetch((c) => (c.url.includes('/runs?') ? { status: 200, body: { items: [run('running', 10), older], page: 1, pageSize: 10, total: 2 } } : { status: 200, body: older }));
    renderWith(<BackfillPage />, { who: principal(['auditor'], 'VN', 'auditor.vn') });
    const table = await screen.findByRole('table');
    await within(table).findByText('awards');
    const rows = within(table).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('training');
    expect(rows[2]).toHaveTextContent('awards');
    expect(rows[2]).toHaveTextContent('29/11/2026');
    await userEvent.click(within(rows[2]!).getByRole('button'));
    expect(await screen.findByTestId('backfill-run')).toHaveTextContent('40 / 40');
    expect(calls.map((c) => c.url)).toContain('/api/audit/audit/backfill/runs/run-0');
  }, 60_000);

  it('is not for a commune officer', () => {
    renderWith(<BackfillPage />, { who: principal(['commune-officer']) });
    expect(screen.getByText('Bạn không có quyền thực hiện thao tác này')).toBeInTheDocument();
  });
});
