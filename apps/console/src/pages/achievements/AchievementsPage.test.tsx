import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch, principal, renderWith } from '../../test-utils';
import { AchievementsPage } from './AchievementsPage';
import { IndicatorCataloguePage } from './IndicatorCataloguePage';

/** Lists load over a faked API; on a busy machine that takes longer than findBy's default second. */
const wait = { timeout: 10_000 };

const pending = {
  achievementId: 'a1',
  status: 'recorded',
  indicator: 'schools-5s',
  organisationName: 'Trường Tiểu học Kon Rờ Lòng',
  unitCode: '51-NGOKBAY-KONRLONG',
  unitName: 'thôn Kon Rờ Lòng',
  achievedOnDisplay: '01/09/2025',
  description: 'Áp dụng 5S tại điểm trường',
  evidence: 'Biên bản kiểm tra 5S',
  recordedBy: 'konrlong.officer',
  recordedByUnit: '51-NGOKBAY-KONRLONG',
};

afterEach(() => vi.unstubAllGlobals());

describe('AchievementsPage', { timeout: 60_000 }, () => {
  it('lists what awaits verification and lets the commune verify it through the API', async () => {
    const calls = fakeFetch((c) => (c.method === 'POST' ? { status: 200, body: { ...pending, status: 'verified' } } : { status: 200, body: { items: [pending], page: 1, pageSize: 100, total: 1 } }));
    renderWith(<AchievementsPage />, { who: principal(['commune-officer']) });
    expect(await screen.findByText('Trường Tiểu học Kon Rờ Lòng (thôn Kon Rờ Lòng)', {}, wait)).toBeInTheDocument();
    expect(calls.map((c) => c.url)).toContain('/api/plans/achievements?unit=51-NGOKBAY&status=recorded&pageSize=100');
    await userEvent.click(screen.getByRole('button', { name: 'Xác nhận' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true), wait);
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.url).toBe('/api/plans/achievements/a1/verification');
    expect(post.headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('asks for the reason before refusing, and sends it', async () => {
    const calls = fakeFetch((c) => (c.method === 'POST' ? { status: 200, body: { ...pending, status: 'refused' } } : { status: 200, body: { items: [pending], page: 1, pageSize: 100, total: 1 } }));
    renderWith(<AchievementsPage />, { who: principal(['commune-officer']) });
    await userEvent.click(await screen.findByRole('button', { name: 'Từ chối' }, wait));
    const dialog = await screen.findByRole('dialog', {}, wait);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Gửi' }));
    expect(await within(dialog).findByText('Bắt buộc', {}, wait)).toBeInTheDocument();
    await userEvent.type(within(dialog).getByLabelText('Lý do'), 'Thiếu minh chứng');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Gửi' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true), wait);
    expect(calls.find((c) => c.method === 'POST')).toMatchObject({ url: '/api/plans/achievements/a1/refusal', body: { reason: 'Thiếu minh chứng' } });
  });

  it('offers the village that recorded it no verification of its own record', async () => {
    fakeFetch(() => ({ status: 200, body: { items: [pending], page: 1, pageSize: 100, total: 1 } }));
    renderWith(<AchievementsPage />, { who: principal(['village-officer'], '51-NGOKBAY-KONRLONG', 'konrlong.officer') });
    expect(await screen.findByText('Trường Tiểu học Kon Rờ Lòng (thôn Kon Rờ Lòng)', {}, wait)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Xác nhận' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Rút lại' })).toBeInTheDocument();
  });
});

describe('IndicatorCataloguePage', { timeout: 60_000 }, () => {
  it('shows the catalogue and finds an indicator without diacritics', async () => {
    const entry = (code: string, vi: string) => ({
      code,
      origin: 'seed',
      changedInVersion: 0,
      unitOfMeasureName: { vi: 'trường học', en: 'schools' },
      entry: { name: { vi, en: code }, counting: { rule: 'distinct-subjects' }, feed: { from: 'recorded-achievements' }, levels: ['province', 'commune'] },
    });
    fakeFetch(() => ({ status: 200, body: { catalogueVersion: 2, indicators: [entry('schools-5s', 'Trường học áp dụng công cụ 5S'), entry('st-tasks', 'Nhiệm vụ khoa học và công nghệ')] } }));
    renderWith(<IndicatorCataloguePage />);
    expect(await screen.findByText('Trường học áp dụng công cụ 5S', {}, wait)).toBeInTheDocument();
    expect(screen.getByText(/v2/)).toBeInTheDocument();
    await userEvent.type(screen.getByPlaceholderText('Tìm (không cần dấu)'), 'truong hoc');
    expect(screen.queryByText('Nhiệm vụ khoa học và công nghệ')).toBeNull();
    expect(screen.getByText('Trường học áp dụng công cụ 5S')).toBeInTheDocument();
  });
});
