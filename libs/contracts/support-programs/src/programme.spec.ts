import { Conflict, DomainRuleViolation, NotFound, fold } from '@nangsuat/event-sourcing';
import { deciderSpec } from '@nangsuat/event-sourcing/testing';
import { SupportProgrammeCreated, SeatReserved } from './events';
import { CreateProgramme, programmeSnapshot, seatsTaken, supportProgrammeDecider } from './programme';

const spec = deciderSpec(supportProgrammeDecider);

// Ninh Thuận (province code 58) serving plan 4009/KH-UBND of 26/9/2023.
const NOW = '2025-03-10T09:00:00+07:00';
const NOW_UTC = '2025-03-10T02:00:00.000Z';

const create: CreateProgramme = {
  type: 'CreateProgramme',
  programmeId: 'prog-nsc-2025',
  unitCode: '58',
  name: 'Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng sản phẩm, hàng hóa',
  legalBasis: ['Quyết định 1322/QĐ-TTg'],
  planDocumentNumber: '4009/KH-UBND',
  funding: { sources: ['state-budget', 'other-lawful-sources'], amountVnd: 500_000_000 },
  eligibleGroups: ['sme', 'cooperative', 'ocop-producer'],
  toolsOffered: ['5s', 'kaizen', 'lean', 'iso-9001'],
  openingDate: '2025-01-01',
  closingDate: '2025-12-31',
  capacity: 2,
  now: NOW,
};

const created: SupportProgrammeCreated = {
  type: 'SupportProgrammeCreated',
  schemaVersion: 1,
  data: {
    programmeId: 'prog-nsc-2025',
    unitCode: '58',
    name: 'Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng sản phẩm, hàng hóa',
    legalBasis: ['Quyết định 1322/QĐ-TTg'],
    planDocumentNumber: '4009/KH-UBND',
    funding: { sources: ['state-budget', 'other-lawful-sources'], amountVnd: 500_000_000 },
    eligibleGroups: ['sme', 'cooperative', 'ocop-producer'],
    toolsOffered: ['5s', 'kaizen', 'lean', 'iso-9001'],
    openingDate: '2025-01-01',
    closingDate: '2025-12-31',
    capacity: 2,
    createdAt: NOW_UTC,
  },
};

const seat = (registrationId: string, enterpriseId: string, seatsTaken: number): SeatReserved => ({
  type: 'SeatReserved',
  schemaVersion: 1,
  data: { programmeId: 'prog-nsc-2025', unitCode: '58', registrationId, enterpriseId, seatsTaken, capacity: 2, reservedAt: NOW_UTC },
});

describe('SupportProgramme — create', () => {
  it('creates a programme with its terms', () => {
    spec.given([]).when(create).then([created]);
  });

  it('normalises the name to NFC', () => {
    const decomposed = 'Chương trình hỗ trợ'.normalize('NFD');
    const [event] = spec.given([]).when({ ...create, name: decomposed }).events();
    expect((event as SupportProgrammeCreated).data.name).toBe('Chương trình hỗ trợ'.normalize('NFC'));
  });

  it('plan document number is optional', () => {
    const [event] = spec.given([]).when({ ...create, planDocumentNumber: undefined }).events();
    expect((event as SupportProgrammeCreated).data).not.toHaveProperty('planDocumentNumber');
  });

  it('refuses a second create on the same stream', () => {
    spec.given([created]).when(create).thenThrows(Conflict, /already exists/);
  });

  it.each([
    ['an unknown tool', { toolsOffered: ['5s', 'six-sigma'] }, /toolsOffered\[1\] "six-sigma" is not known/],
    ['no tools', { toolsOffered: [] }, /toolsOffered must have at least 1/],
    ['an unknown group', { eligibleGroups: ['sme', 'bank'] }, /eligibleGroups\[1\] "bank" is not known/],
    ['a zero capacity', { capacity: 0 }, /capacity must be a whole number at least 1/],
    ['a negative capacity', { capacity: -3 }, /capacity must be a whole number at least 1/],
    ['a fractional capacity', { capacity: 2.5 }, /capacity must be a whole number/],
    ['a closing date before the opening date', { closingDate: '2024-12-31' }, /closingDate 2024-12-31 is before openingDate 2025-01-01/],
    ['an impossible date', { openingDate: '2025-02-30' }, /openingDate must be a calendar date/],
    ['a dd/mm/yyyy date', { openingDate: '01/01/2025' }, /openingDate must be a calendar date YYYY-MM-DD/],
    ['an empty name', { name: '   ' }, /name must not be empty/],
    ['no legal basis', { legalBasis: [] }, /legalBasis must have at least 1 item/],
    ['a malformed plan document number', { planDocumentNumber: 'KH 4009' }, /planDocumentNumber must be a document number/],
    ['no funding source', { funding: { sources: [] } }, /funding.sources must have at least 1/],
    ['a negative budget', { funding: { sources: ['state-budget'], amountVnd: -1 } }, /funding.amountVnd must be a whole number at least 0/],
    ['a bad unit code', { unitCode: '' }, /unitCode must be the official code/],
    ['an id with a colon', { programmeId: 'a:b' }, /programmeId must be 1–64 letters/],
    ['a time without zone', { now: '2025-03-10T09:00:00' }, /now must be an ISO 8601 date-time with a time zone/],
  ])('refuses %s', (_label, patch, message) => {
    spec
      .given([])
      .when({ ...create, ...(patch as Partial<CreateProgramme>) })
      .thenThrows(DomainRuleViolation, message);
  });
});

describe('SupportProgramme — update and close', () => {
  it('records only the fields that changed', () => {
    spec
      .given([created])
      .when({ type: 'UpdateProgramme', changes: { capacity: 5, name: created.data.name }, reason: 'Bổ sung kinh phí', now: NOW })
      .then([
        {
          type: 'SupportProgrammeUpdated',
          schemaVersion: 1,
          data: { programmeId: 'prog-nsc-2025', unitCode: '58', changes: { capacity: 5 }, reason: 'Bổ sung kinh phí', updatedAt: NOW_UTC },
        },
      ]);
  });

  it('writes nothing when nothing changes', () => {
    spec.given([created]).when({ type: 'UpdateProgramme', changes: { capacity: 2 }, now: NOW }).then([]);
  });

  it('refuses a capacity below the seats already reserved', () => {
    spec
      .given([created, seat('prog-nsc-2025:mst-4500123455', 'mst-4500123455', 1), seat('prog-nsc-2025:mst-4500123462', 'mst-4500123462', 2)])
      .when({ type: 'UpdateProgramme', changes: { capacity: 1 }, now: NOW })
      .thenThrows(DomainRuleViolation, /capacity 1 is below the 2 seats already reserved/);
  });

  it('checks dates against the other, unchanged date', () => {
    spec
      .given([created])
      .when({ type: 'UpdateProgramme', changes: { openingDate: '2026-01-01' }, now: NOW })
      .thenThrows(DomainRuleViolation, /closingDate 2025-12-31 is before openingDate 2026-01-01/);
  });

  it('refuses an update to a programme that does not exist', () => {
    spec.given([]).when({ type: 'UpdateProgramme', changes: { capacity: 3 }, now: NOW }).thenThrows(NotFound, /does not exist/);
  });

  it('closes with a reason', () => {
    spec
      .given([created])
      .when({ type: 'CloseProgramme', reason: 'Hết kinh phí', now: NOW })
      .then([{ type: 'SupportProgrammeClosed', schemaVersion: 1, data: { programmeId: 'prog-nsc-2025', unitCode: '58', reason: 'Hết kinh phí', closedAt: NOW_UTC } }]);
  });

  it('refuses to close without a reason', () => {
    spec.given([created]).when({ type: 'CloseProgramme', reason: '', now: NOW }).thenThrows(DomainRuleViolation, /reason must not be empty/);
  });

  const closed = { type: 'SupportProgrammeClosed', schemaVersion: 1, data: { programmeId: 'prog-nsc-2025', unitCode: '58', reason: 'Hết kinh phí', closedAt: NOW_UTC } } as const;

  it('refuses to close twice, or to update once closed', () => {
    spec.given([created, closed]).when({ type: 'CloseProgramme', reason: 'again', now: NOW }).thenThrows(DomainRuleViolation, /already closed/);
    spec.given([created, closed]).when({ type: 'UpdateProgramme', changes: { capacity: 9 }, now: NOW }).thenThrows(DomainRuleViolation, /closed/);
  });

  it('refuses new seats once closed', () => {
    spec
      .given([created, closed])
      .when({ type: 'ReserveSeat', registrationId: 'prog-nsc-2025:mst-4500123455', enterpriseId: 'mst-4500123455', now: NOW })
      .thenThrows(DomainRuleViolation, /closed/);
  });
});

describe('SupportProgramme — seats (capacity under concurrent approvals)', () => {
  const r1 = 'prog-nsc-2025:mst-4500123455';
  const r2 = 'prog-nsc-2025:mst-4500123462';
  const r3 = 'prog-nsc-2025:mst-0100233488';

  it('reserves a seat while seats remain', () => {
    spec.given([created]).when({ type: 'ReserveSeat', registrationId: r1, enterpriseId: 'mst-4500123455', now: NOW }).then([seat(r1, 'mst-4500123455', 1)]);
  });

  it('refuses a seat when capacity is full (the loser of a race re-decides to this)', () => {
    spec
      .given([created, seat(r1, 'mst-4500123455', 1), seat(r2, 'mst-4500123462', 2)])
      .when({ type: 'ReserveSeat', registrationId: r3, enterpriseId: 'mst-0100233488', now: NOW })
      .thenThrows(Conflict, /The programme is full: all 2 seats are taken/);
  });

  it('is idempotent for a registration that already holds a seat (retried approval)', () => {
    spec.given([created, seat(r1, 'mst-4500123455', 1), seat(r2, 'mst-4500123462', 2)]).when({ type: 'ReserveSeat', registrationId: r1, enterpriseId: 'mst-4500123455', now: NOW }).then([]);
  });

  it('refuses a seat whose registration is held by another enterprise', () => {
    spec.given([created, seat(r1, 'mst-4500123455', 1)]).when({ type: 'ReserveSeat', registrationId: r1, enterpriseId: 'mst-x', now: NOW }).thenThrows(DomainRuleViolation, /held by another enterprise/);
  });

  it('releases a seat, which frees capacity', () => {
    const released = {
      type: 'SeatReleased',
      schemaVersion: 1,
      data: { programmeId: 'prog-nsc-2025', unitCode: '58', registrationId: r1, enterpriseId: 'mst-4500123455', reason: 'Doanh nghiệp rút đăng ký', seatsTaken: 1, releasedAt: NOW_UTC },
    } as const;
    spec.given([created, seat(r1, 'mst-4500123455', 1), seat(r2, 'mst-4500123462', 2)]).when({ type: 'ReleaseSeat', registrationId: r1, reason: 'Doanh nghiệp rút đăng ký', now: NOW }).then([released]);
    spec
      .given([created, seat(r1, 'mst-4500123455', 1), seat(r2, 'mst-4500123462', 2), released])
      .when({ type: 'ReserveSeat', registrationId: r3, enterpriseId: 'mst-0100233488', now: NOW })
      .then([{ ...seat(r3, 'mst-0100233488', 2) }]);
  });

  it('releasing a seat that is not held writes nothing', () => {
    spec.given([created]).when({ type: 'ReleaseSeat', registrationId: r1, reason: 'compensation', now: NOW }).then([]);
  });

  it('exposes a snapshot for registrations and the seat count', () => {
    const state = fold(supportProgrammeDecider, [created, seat(r1, 'mst-4500123455', 1)]);
    expect(seatsTaken(state)).toBe(1);
    expect(programmeSnapshot(state)).toEqual({
      programmeId: 'prog-nsc-2025',
      unitCode: '58',
      status: 'open',
      planDocumentNumber: '4009/KH-UBND',
      eligibleGroups: ['sme', 'cooperative', 'ocop-producer'],
      toolsOffered: ['5s', 'kaizen', 'lean', 'iso-9001'],
      openingDate: '2025-01-01',
      closingDate: '2025-12-31',
    });
    expect(() => programmeSnapshot(supportProgrammeDecider.initialState())).toThrow(NotFound);
  });
});
