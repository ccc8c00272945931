import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { todayInVietnam } from '../../lib/format';
import type { PlanDetail } from '../../lib/types';
import { fakeFetch, principal, renderWith } from '../../test-utils';
import { ClosePlanAction } from './PlanDetailPage';

const plan = { planId: 'p1', status: 'issued', version: 1, streamVersion: 3, content: { title: 'Kế hoạch', issuingUnit: '51-NGOKBAY', horizonYears: [2030], generalObjectives: [], targets: [], tasks: [] } } as PlanDetail;

afterEach(() => vi.unstubAllGlobals());

describe('closing a plan', () => {
  it('asks for a reason of at least five characters, then sends the day and the reason', async () => {
    const calls = fakeFetch(() => ({ status: 201, body: { ...plan, status: 'closed' } }));
    renderWith(<ClosePlanAction plan={plan} />, { who: principal(['commune-officer']) });
    await userEvent.click(screen.getByRole('button', { name: 'Kết thúc kế hoạch' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText('Lý do'), 'Xong');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Gửi' }));
    expect(await within(dialog).findByText('Nêu lý do (ít nhất 5 ký tự)')).toBeInTheDocument();
    expect(calls).toHaveLength(0);
    await userEvent.type(within(dialog).getByLabelText('Lý do'), ' tổng kết giai đoạn');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Gửi' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toMatchObject({ method: 'POST', url: '/api/plans/plans/p1/close', body: { closedOn: todayInVietnam(), reason: 'Xong tổng kết giai đoạn' } });
  }, 60_000);
});
