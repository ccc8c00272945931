import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch, principal, renderWith, type RecordedCall } from '../../test-utils';
import { mayGrantLateException, ReportingPeriodPage, type ReportingPeriodDetail } from './ReportingPeriodPage';

const LATE = 'evt-late-1';
const figure = { targetId: 'pilot-model-enterprises-2030', indicator: 'pilot-model-enterprises', label: { vi: 'Doanh nghiệp xây dựng mô hình điểm', en: 'Pilot models' }, unitOfMeasure: 'enterprises', milestoneYear: 2030, required: 2, status: 'on-track', source: 'counted' as const };
const period = (status: string, over: Partial<ReportingPeriodDetail> = {}): ReportingPeriodDetail => ({
  periodId: 'rp-1',
  planId: 'plan-1',
  plan: { documentNumber: '12/KH-UBND', title: 'Kế hoạch năng suất xã Ngọk Bay', issuingUnit: '51-NGOKBAY' },
  unit: '51-NGOKBAY',
  unitName: 'Xã Ngọk Bay',
  year: 2026,
  status,
  display: { periodStart: '01/01/2026', periodEnd: '31/12/2026', dueDate: '15/01/2027' },
  locked: status === 'submitted' || status === 'approved',
  submitted: { submission: 1, submittedBy: 'ngokbay.officer', submittedAt: '2026-11-30T02:00:00Z', late: false, figures: [{ ...figure, actual: 0, periodActual: 0, eventIds: [] }] },
  returns: [],
  exceptionEventIds: [],
  current: { asOf: '2026-11-30T03:00:00Z', figures: [{ ...figure, actual: 1, periodActual: 0, eventIds: [] }], lateEventIds: [LATE], carriedInEventIds: [] },
  history: [{ type: 'ReportSubmitted', recordedAt: '2026-11-30T02:00:00Z', actor: { username: 'ngokbay.officer', unit: '51-NGOKBAY' } }],
  ...over,
});

function answer(p: ReportingPeriodDetail) {
  return (call: RecordedCall) => {
    if (call.url.includes('/contributions')) {
      return { status: 200, body: { items: [{ eventId: LATE, type: 'RegistrationApproved', unit: '51-NGOKBAY', unitName: 'Xã Ngọk Bay', occurredAt: '2026-11-30T02:30:00Z', recordedAt: '2026-11-30T02:31:00Z', subjectId: 'mst-6101234567' }], page: 1, pageSize: 100, total: 1 } };
    }
    if (call.method === 'POST') return { status: 200, body: { ...p, exceptionEventIds: [LATE] } };
    return { status: 200, body: p };
  };
}

const show = (who = principal(['province-admin'], '51', 'qn.admin')) =>
  renderWith(
    <Routes>
      <Route path="/reporting/:periodId" element={<ReportingPeriodPage />} />
    </Routes>,
    { who, path: '/reporting/rp-1' },
  );

afterEach(() => vi.unstubAllGlobals());

describe('a reporting period and its late facts', () => {
  it('only the province above a submitted period may let late facts count in it', () => {
    const admin = principal(['province-admin'], '51', 'qn.admin');
    expect(mayGrantLateException({ status: 'submitted', unit: '51-NGOKBAY' }, admin)).toBe(true);
    expect(mayGrantLateException({ status: 'approved', unit: '51-NGOKBAY' }, admin)).toBe(false);
    expect(mayGrantLateException({ status: 'submitted', unit: '56-PHANRANG' }, admin)).toBe(false);
    expect(mayGrantLateException({ status: 'submitted', unit: '51-NGOKBAY' }, principal(['commune-officer']))).toBe(false);
    expect(mayGrantLateException({ status: 'submitted', unit: '51-NGOKBAY' }, principal(['province-admin'], 'VN'))).toBe(false);
  });

  it('names each late fact: what, where, when it happened and when it was recorded', async () => {
    fakeFetch(answer(period('submitted')));
    show();
    const list = await screen.findByTestId('late-facts');
    await waitFor(() => expect(list).toHaveTextContent('Phê duyệt — Xã Ngọk Bay, xảy ra 30/11/2026 09:30, ghi nhận 30/11/2026 09:31'));
    expect(screen.getByText('Số liệu đã khóa trong báo cáo đã nộp')).toBeInTheDocument();
  });

  it('the province grants the exception with the chosen facts and a reason', async () => {
    const calls = fakeFetch(answer(period('submitted')));
    show();
    await userEvent.click(await screen.findByRole('button', { name: 'Cho phép tính vào kỳ này' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Gửi' }));
    expect(await within(dialog).findByText('Bắt buộc')).toBeInTheDocument();
    await userEvent.type(within(dialog).getByLabelText('Lý do'), 'Danh sách gửi chậm do mất điện');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Gửi' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.url).toBe('/api/plans/reporting-periods/rp-1/late-exception');
    expect(post.body).toEqual({ eventIds: [LATE], reason: 'Danh sách gửi chậm do mất điện' });
    expect(post.headers['Idempotency-Key']).toBeTruthy();
  });

  it('offers the commune no exception, and nobody one on an approved period', async () => {
    fakeFetch(answer(period('submitted')));
    const { unmount } = show(principal(['commune-officer']));
    await screen.findByTestId('late-facts');
    expect(screen.queryByRole('button', { name: 'Cho phép tính vào kỳ này' })).toBeNull();
    unmount();
    fakeFetch(answer(period('approved')));
    show();
    await screen.findByTestId('late-facts');
    expect(screen.queryByRole('button', { name: 'Cho phép tính vào kỳ này' })).toBeNull();
    expect(screen.getByText(/Chỉ cho phép ngoại lệ khi báo cáo đang ở trạng thái đã nộp/)).toBeInTheDocument();
  });

  it("shows the API's refusal inside the form", async () => {
    fakeFetch((call) => (call.method === 'POST' ? { status: 422, body: { statusCode: 422, message: 'Not late facts of this period: evt-late-1.' } } : answer(period('submitted'))(call)));
    show();
    await userEvent.click(await screen.findByRole('button', { name: 'Cho phép tính vào kỳ này' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText('Lý do'), 'Lý do');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Gửi' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Not late facts of this period: evt-late-1.');
  });
});
