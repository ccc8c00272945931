import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import dayjs from 'dayjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Programme } from '../../lib/types';
import { fakeFetch, principal, renderWith } from '../../test-utils';
import { EditProgramme, programmeChanges, type ProgrammeEditForm } from './EditProgramme';

const programme: Programme & { funding: { sources: string[]; amountVnd?: number } } = {
  id: 'ctht-1',
  name: 'Chương trình hỗ trợ mô hình điểm xã Ngọk Bay',
  unitCode: '51-NGOKBAY',
  status: 'open',
  openingDate: '2026-08-01',
  closingDate: '2030-12-31',
  capacity: 2,
  seatsTaken: 1,
  seatsAvailable: 1,
  toolsOffered: ['5s', 'kaizen'],
  eligibleGroups: ['sme', 'cooperative'],
  legalBasis: ['Kế hoạch 138/KH-UBND'],
  planDocumentNumber: '138/KH-UBND',
  funding: { sources: ['state-budget'], amountVnd: 1_500_000_000 },
};
const unchanged: ProgrammeEditForm = {
  name: programme.name,
  legalBasis: 'Kế hoạch 138/KH-UBND',
  planDocumentNumber: '138/KH-UBND',
  toolsOffered: ['kaizen', '5s'],
  eligibleGroups: ['sme', 'cooperative'],
  dates: [dayjs('2026-08-01'), dayjs('2030-12-31')],
  capacity: 2,
  amountVnd: 1_500_000_000,
};

afterEach(() => vi.unstubAllGlobals());

describe('editing a programme', () => {
  it('sends only what changed, with the reason', () => {
    expect(programmeChanges(programme, unchanged)).toEqual({});
    expect(programmeChanges(programme, { ...unchanged, capacity: 4, legalBasis: 'Kế hoạch 138/KH-UBND\nVăn bản 336/SKHCN-TĐC', reason: 'Bổ sung chỉ tiêu' })).toEqual({
      capacity: 4,
      legalBasis: ['Kế hoạch 138/KH-UBND', 'Văn bản 336/SKHCN-TĐC'],
      reason: 'Bổ sung chỉ tiêu',
    });
    expect(programmeChanges(programme, { ...unchanged, dates: [dayjs('2026-08-01'), dayjs('2031-06-30')], amountVnd: 2_000_000_000 })).toEqual({
      closingDate: '2031-06-30',
      funding: { sources: ['state-budget'], amountVnd: 2_000_000_000 },
    });
  });

  it('PATCHes the programme and shows the refusal inside the form', async () => {
    const calls = fakeFetch(() => ({ status: 409, body: { statusCode: 409, message: 'Capacity 0 is below the 1 seat(s) taken.' } }));
    renderWith(<EditProgramme programme={programme} onDone={async () => undefined} />, { who: principal(['province-admin'], '51', 'qn.admin') });
    await userEvent.click(screen.getByRole('button', { name: 'Sửa' }));
    const dialog = await screen.findByRole('dialog');
    const name = within(dialog).getByLabelText('Tên chương trình');
    await userEvent.clear(name);
    await userEvent.type(name, 'Chương trình hỗ trợ mô hình điểm xã Ngọk Bay 2026');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Gửi' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toMatchObject({ method: 'PATCH', url: '/api/support-programs/programmes/ctht-1', body: { name: 'Chương trình hỗ trợ mô hình điểm xã Ngọk Bay 2026' } });
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Capacity 0 is below the 1 seat(s) taken.');
  }, 60_000);

  it('says so when nothing changed, and sends nothing', async () => {
    const calls = fakeFetch(() => ({ status: 200, body: programme }));
    renderWith(<EditProgramme programme={programme} onDone={async () => undefined} />, { who: principal(['province-admin'], '51', 'qn.admin') });
    await userEvent.click(screen.getByRole('button', { name: 'Sửa' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Gửi' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Chưa có gì thay đổi so với chương trình hiện tại.');
    expect(calls).toHaveLength(0);
  }, 60_000);
});
