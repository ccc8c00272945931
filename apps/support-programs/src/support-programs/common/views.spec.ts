import { fold, RecordedEvent } from '@nangsuat/event-sourcing';
import { PilotModelRegistrationEvent, RegistrationRef } from '@nangsuat/contracts/support-programs';
import { registrationIdParam } from './http';
import { historyOf, registrationViewDecider } from './views';

const ref: RegistrationRef = { registrationId: 'p1:mst-0100107518', programmeId: 'p1', enterpriseId: 'mst-0100107518', unitCode: '51-NGOKBAY', programmeUnitCode: '51' };

describe('registration view', () => {
  it('folds everything the events said: who reviewed, the outcome, the withdrawal reason', () => {
    const events: PilotModelRegistrationEvent[] = [
      { type: 'RegistrationSubmitted', data: { ...ref, taxCode: '0100107518', enterpriseName: 'HTX Sâm Ngọc Linh', enterpriseAccountId: 'DN-51-0001', group: 'cooperative', tools: ['5s'], submittedAt: 't1' } },
      { type: 'RegistrationReviewStarted', data: { ...ref, reviewerId: 'o1', startedAt: 't2' } },
      { type: 'RegistrationApproved', data: { ...ref, reviewerId: 'o1', tools: ['5s'], seatReservedAtProgrammeVersion: 2, note: 'Đạt', approvedAt: 't3' } },
      { type: 'RegistrationWithdrawn', data: { ...ref, reason: 'Thiếu nhân lực', seatHeld: true, withdrawnAt: 't4' } },
    ];
    expect(fold(registrationViewDecider, events)).toMatchObject({
      id: ref.registrationId,
      enterpriseAccountId: 'DN-51-0001',
      status: 'withdrawn',
      seatHeld: false,
      reviewerId: 'o1',
      note: 'Đạt',
      reason: 'Thiếu nhân lực',
      approvedAt: 't3',
      withdrawnAt: 't4',
    });
    expect(fold(registrationViewDecider, [])).toBeNull();
  });

  it('history shows who, for which unit, when and why — not the whole token', () => {
    const event = {
      id: 'e-3', type: 'RegistrationRejected', streamVersion: 3, occurredAt: 'o', recordedAt: 'r', data: {},
      metadata: { actor: { id: 'u1', username: 'ngokbay.officer', unit: '51-NGOKBAY', roles: ['commune-officer'] }, unit: '51-NGOKBAY', reason: 'Hồ sơ thiếu', correlationId: 'c1' },
    } as unknown as RecordedEvent;
    expect(historyOf([event])).toEqual([
      { eventId: 'e-3', version: 3, type: 'RegistrationRejected', occurredAt: 'o', recordedAt: 'r', actor: { id: 'u1', username: 'ngokbay.officer', unit: '51-NGOKBAY' }, unit: '51-NGOKBAY', reason: 'Hồ sơ thiếu', correlationId: 'c1', data: {} },
    ]);
  });
});

describe('ids in paths', () => {
  it('parses registration ids and treats anything else as not found', () => {
    expect(registrationIdParam('p-1:mst-0100107518-001')).toEqual({ programmeId: 'p-1', enterpriseId: 'mst-0100107518-001' });
    expect(() => registrationIdParam('p-1')).toThrow(/No pilot-model registration/);
    expect(() => registrationIdParam('p 1:mst-0100107518')).toThrow(/No pilot-model registration/);
  });
});
