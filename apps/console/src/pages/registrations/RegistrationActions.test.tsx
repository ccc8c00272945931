import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Registration } from '../../lib/types';
import { fakeFetch, principal, renderWith } from '../../test-utils';
import { RegistrationActions } from './RegistrationActions';

const registration = (status: string): Registration => ({
  id: 'ctht-1:mst-5800000128',
  programmeId: 'ctht-1',
  enterpriseId: 'mst-5800000128',
  enterpriseName: 'Công ty TNHH Nông sản Phan Rang',
  unitCode: '56-PHANRANG',
  status,
  tools: ['5s'],
  submittedAt: '2026-11-30T05:00:00Z',
  updatedAt: '2026-11-30T05:00:00Z',
  updatedBy: 'ent.phanrang',
});

afterEach(() => vi.unstubAllGlobals());

describe('RegistrationActions', () => {
  it('offers a commune officer approve and reject on a registration under review', () => {
    renderWith(<RegistrationActions registration={registration('under-review')} />, { who: principal(['commune-officer']) });
    expect(screen.getByRole('button', { name: 'Phê duyệt' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Từ chối' })).toBeInTheDocument();
  });

  it('offers an enterprise no approval of its own registration', () => {
    renderWith(<RegistrationActions registration={registration('under-review')} />, { who: principal(['enterprise']) });
    expect(screen.queryByRole('button', { name: 'Phê duyệt' })).toBeNull();
  });

  it('approves through the API with an Idempotency-Key', async () => {
    const calls = fakeFetch(() => ({ status: 200, body: registration('approved') }));
    renderWith(<RegistrationActions registration={registration('under-review')} />, { who: principal(['commune-officer']) });
    await userEvent.click(screen.getByRole('button', { name: 'Phê duyệt' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toMatchObject({ method: 'POST', url: '/api/support-programs/registrations/ctht-1%3Amst-5800000128/approve' });
    expect(calls[0].headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("shows the API's refusal beside the buttons", async () => {
    fakeFetch(() => ({ status: 409, body: { statusCode: 409, message: 'The programme has no seat left (2 of 2 taken).' } }));
    renderWith(<RegistrationActions registration={registration('under-review')} />, { who: principal(['commune-officer']) });
    await userEvent.click(screen.getByRole('button', { name: 'Phê duyệt' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The programme has no seat left (2 of 2 taken).');
  });

  it('asks for a reason before rejecting, and sends it', async () => {
    const calls = fakeFetch(() => ({ status: 200, body: registration('rejected') }));
    renderWith(<RegistrationActions registration={registration('under-review')} />, { who: principal(['commune-officer']) });
    await userEvent.click(screen.getByRole('button', { name: 'Từ chối' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Gửi' }));
    expect(await screen.findByText('Bắt buộc')).toBeInTheDocument();
    expect(calls).toHaveLength(0);
    await userEvent.type(screen.getByLabelText('Lý do'), 'Chưa đủ hồ sơ');
    await userEvent.click(screen.getByRole('button', { name: 'Gửi' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0].body).toEqual({ reason: 'Chưa đủ hồ sơ' });
  });
});
