import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch, principal, renderWith } from '../../test-utils';
import { AwardCategoriesPage, categoryPhase, mayCreateCategory } from './AwardCategoriesPage';

const category = { categoryId: 'ns-2026-dn', unitCode: '51', name: 'Doanh nghiệp tiêu biểu trong nâng cao năng suất năm 2026', eligibleNomineeKinds: ['enterprise', 'organisation'], period: { from: '2026-01-01', to: '2099-12-31' } };
const page = (items: unknown[]) => ({ items, page: 1, pageSize: 20, total: items.length });

afterEach(() => vi.unstubAllGlobals());

describe('award categories', () => {
  it('tells whether nominations are accepted on a day', () => {
    const c = { period: { from: '2026-09-01', to: '2026-10-31' } };
    expect(categoryPhase(c, '2026-08-31')).toBe('upcoming');
    expect(categoryPhase(c, '2026-09-01')).toBe('open');
    expect(categoryPhase(c, '2026-10-31')).toBe('open');
    expect(categoryPhase(c, '2026-11-01')).toBe('ended');
  });

  it('only the province and its departments create categories', () => {
    expect(mayCreateCategory(principal(['province-admin'], '51'))).toBe(true);
    expect(mayCreateCategory(principal(['department-officer'], '51'))).toBe(true);
    expect(mayCreateCategory(principal(['commune-officer']))).toBe(false);
    expect(mayCreateCategory(principal(['award-council'], '51'))).toBe(false);
  });

  it('lists categories with who may be nominated, the period as dd/mm/yyyy, and asks the API for those open today', async () => {
    const calls = fakeFetch(() => ({ status: 200, body: page([category]) }));
    renderWith(<AwardCategoriesPage />, { who: principal(['award-council'], '51', 'qn.council') });
    expect(await screen.findByText('doanh nghiệp, tập thể')).toBeInTheDocument();
    expect(screen.getByText('01/01/2026 – 31/12/2099')).toBeInTheDocument();
    expect(screen.getByText('Đang nhận đề cử')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Tạo danh hiệu khen thưởng' })).toBeNull();
    await userEvent.click(screen.getByRole('switch'));
    await waitFor(() => expect(calls.at(-1)!.url).toMatch(/openOn=\d{4}-\d{2}-\d{2}/));
  });

  it('checks the form before anything is sent', async () => {
    const calls = fakeFetch(() => ({ status: 200, body: page([]) }));
    renderWith(<AwardCategoriesPage />, { who: principal(['province-admin'], '51', 'qn.admin') });
    await userEvent.click(await screen.findByRole('button', { name: 'Tạo danh hiệu khen thưởng' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Gửi' }));
    expect(await within(dialog).findAllByText('Bắt buộc')).toHaveLength(2);
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });
});
