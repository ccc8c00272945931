import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch, principal, renderWith } from '../../test-utils';
import { AuditPage, metricOptions } from './AuditPage';

const auditor = principal(['auditor'], 'VN', 'auditor.vn');
const empty = { items: [], page: 1, pageSize: 15, total: 0 };

afterEach(() => vi.unstubAllGlobals());

describe('the auditor compares two version numbers of an entity', () => {
  it('asks the audit service for the difference between the two versions and lists the events between them', async () => {
    const calls = fakeFetch((c) =>
      c.url.includes('/diff')
        ? {
            status: 200,
            body: {
              from: { version: 2 },
              to: { version: 4 },
              changes: [{ op: 'changed', path: 'content.targets[0].max', before: 2, after: 3 }],
              events: [{ eventId: 'e4', streamId: 'plan-p1', streamVersion: 4, type: 'PlanAmended', recordedAt: '2026-06-01T02:00:00Z', who: { username: 'ngokbay.officer', unit: '51-NGOKBAY' }, unit: '51-NGOKBAY', reason: 'Tăng chỉ tiêu' }],
            },
          }
        : { status: 200, body: empty },
    );
    renderWith(<AuditPage />, { who: auditor, path: '/audit' });
    fireEvent.change(screen.getByRole('searchbox', { name: 'Mã đối tượng' }), { target: { value: 'plan-p1' } });
    await userEvent.click(screen.getByRole('button', { name: 'Mở' }));
    await userEvent.click(await screen.findByRole('tab', { name: 'So sánh hai trạng thái' }));
    await userEvent.click(screen.getByText('Hai số phiên bản'));
    expect(screen.getByRole('button', { name: 'So sánh' })).toBeDisabled();
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Từ phiên bản' }), { target: { value: '4' } });
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Đến phiên bản' }), { target: { value: '2' } });
    await userEvent.click(screen.getByRole('button', { name: 'So sánh' }));
    expect(await screen.findByText('Từ phiên bản 2 đến phiên bản 4')).toBeInTheDocument();
    expect(screen.getByText('content.targets[0].max')).toBeInTheDocument();
    expect(screen.getByText('1 sự kiện giữa hai trạng thái')).toBeInTheDocument();
    expect(screen.getByText('Tăng chỉ tiêu')).toBeInTheDocument();
    await waitFor(() => expect(calls.map((c) => c.url)).toContain('/api/audit/audit/streams/plan-p1/diff?from=2&to=4'));
  }, 60_000);
});

describe('what a count trail can be asked for', () => {
  const t = (key: string) => `«${key}»`;
  const entry = (code: string, from: string, vi: string, en: string) => ({ code, entry: { name: { vi, en }, feed: { from } } });
  const catalogue = [
    entry('trained-person-times', 'service-events', 'Lượt người', 'Person-times'),
    entry('productivity-clubs', 'recorded-achievements', 'Câu lạc bộ cải tiến năng suất', 'Productivity-improvement clubs'),
    entry('labour-productivity-growth', 'reported-statistics', 'Tăng năng suất lao động', 'Labour productivity growth'),
  ];

  it("offers the services' indicators, then the catalogue's indicators fed by recorded achievements, in the reader's language", () => {
    expect(metricOptions(t, 'vi', catalogue).map((o) => o.value)).toEqual(['pilot-model-enterprises', 'trained-person-times', 'certified-experts', 'productivity-clubs']);
    expect(metricOptions(t, 'vi', catalogue).at(-1)!.label).toBe('Câu lạc bộ cải tiến năng suất');
    expect(metricOptions(t, 'en', catalogue).at(-1)!.label).toBe('Productivity-improvement clubs');
    expect(metricOptions(t, 'vi', undefined)).toHaveLength(3);
  });
});
