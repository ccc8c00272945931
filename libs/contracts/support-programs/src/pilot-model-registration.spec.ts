import { Conflict, DomainRuleViolation, NotFound } from '@nangsuat/event-sourcing';
import { deciderSpec } from '@nangsuat/event-sourcing/testing';
import { EnterpriseSnapshot } from './enterprise';
import {
  RegistrationApproved,
  RegistrationCompleted,
  RegistrationImplementationStarted,
  RegistrationRef,
  RegistrationReviewStarted,
  RegistrationSubmitted,
  registrationIdFor,
  registrationStreamId,
} from './events';
import { RegistrationCommand, SubmitRegistration, pilotModelRegistrationDecider } from './pilot-model-registration';
import { ProgrammeSnapshot } from './programme';

const spec = deciderSpec(pilotModelRegistrationDecider);
const NOW = '2025-03-10T09:00:00+07:00';
const NOW_UTC = '2025-03-10T02:00:00.000Z';

const programme: ProgrammeSnapshot = {
  programmeId: 'prog-nsc-2025',
  unitCode: '58',
  status: 'open',
  planDocumentNumber: '4009/KH-UBND',
  eligibleGroups: ['sme', 'cooperative', 'ocop-producer'],
  toolsOffered: ['5s', 'kaizen', 'lean', 'iso-9001'],
  openingDate: '2025-01-01',
  closingDate: '2025-12-31',
};

const enterprise: EnterpriseSnapshot = {
  enterpriseId: 'mst-4500123455',
  taxCode: '4500123455',
  name: 'Hợp tác xã Nho Thái An',
  unitCode: '58',
  group: 'cooperative',
};

const REG_ID = 'prog-nsc-2025:mst-4500123455';

const submit: SubmitRegistration = {
  type: 'SubmitRegistration',
  registrationId: REG_ID,
  programme,
  enterprise,
  tools: ['5s', 'kaizen'],
  description: 'Áp dụng 5S và Kaizen tại xưởng sơ chế nho',
  now: NOW,
};

const ref: RegistrationRef = {
  registrationId: REG_ID,
  programmeId: 'prog-nsc-2025',
  enterpriseId: 'mst-4500123455',
  unitCode: '58',
  programmeUnitCode: '58',
  planDocumentNumber: '4009/KH-UBND',
};

const submitted: RegistrationSubmitted = {
  type: 'RegistrationSubmitted',
  schemaVersion: 1,
  data: {
    ...ref,
    taxCode: '4500123455',
    enterpriseName: 'Hợp tác xã Nho Thái An',
    group: 'cooperative',
    tools: ['5s', 'kaizen'],
    description: 'Áp dụng 5S và Kaizen tại xưởng sơ chế nho',
    submittedAt: NOW_UTC,
  },
};
const reviewStarted: RegistrationReviewStarted = { type: 'RegistrationReviewStarted', schemaVersion: 1, data: { ...ref, reviewerId: 'officer-1', startedAt: NOW_UTC } };
const approved: RegistrationApproved = {
  type: 'RegistrationApproved',
  schemaVersion: 1,
  data: { ...ref, reviewerId: 'officer-1', tools: ['5s', 'kaizen'], seatReservedAtProgrammeVersion: 3, approvedAt: NOW_UTC },
};
const implementationStarted: RegistrationImplementationStarted = {
  type: 'RegistrationImplementationStarted',
  schemaVersion: 1,
  data: { ...ref, startedOn: '2025-04-01', startedAt: NOW_UTC },
};
const rejected = { type: 'RegistrationRejected', schemaVersion: 1, data: { ...ref, reviewerId: 'officer-1', reason: 'Hồ sơ thiếu', rejectedAt: NOW_UTC } } as const;
const outcome = {
  productivityGainPercent: 12.5,
  certificatesObtained: ['ISO 9001:2015'],
  evidence: [{ title: 'Báo cáo đánh giá năng suất', reference: '12/BC-HTX' }],
};
const completed: RegistrationCompleted = { type: 'RegistrationCompleted', schemaVersion: 1, data: { ...ref, tools: ['5s', 'kaizen'], outcome, completedAt: NOW_UTC } };
const withdrawn = { type: 'RegistrationWithdrawn', schemaVersion: 1, data: { ...ref, reason: 'x', seatHeld: false, withdrawnAt: NOW_UTC } } as const;

describe('PilotModelRegistration — stream ids', () => {
  it('is deterministic per (programme, enterprise)', () => {
    expect(registrationIdFor('prog-nsc-2025', 'mst-4500123455')).toBe(REG_ID);
    expect(registrationStreamId('prog-nsc-2025', 'mst-4500123455')).toBe(`pilot-model-registration-${REG_ID}`);
  });
});

describe('PilotModelRegistration — submit', () => {
  it('submits a registration within the open dates, for offered tools and an eligible group', () => {
    spec.given([]).when(submit).then([submitted]);
  });

  it('uses the Vietnam calendar date for the open dates (UTC+7)', () => {
    // 31/12/2024 18:00 UTC is already 1/1/2025 01:00 in Vietnam: the programme is open.
    expect(spec.given([]).when({ ...submit, now: '2024-12-31T18:00:00Z' }).events()).toHaveLength(1);
    // 31/12/2025 17:00 UTC is 1/1/2026 00:00 in Vietnam: closed.
    spec.given([]).when({ ...submit, now: '2025-12-31T17:00:00Z' }).thenThrows(DomainRuleViolation, /from 2025-01-01 to 2025-12-31; today is 2026-01-01/);
  });

  it('refuses a registration before the programme opens', () => {
    spec.given([]).when({ ...submit, now: '2024-12-31T09:00:00+07:00' }).thenThrows(DomainRuleViolation, /accepts registrations from 2025-01-01 to 2025-12-31; today is 2024-12-31/);
  });

  it('refuses a registration to a closed programme', () => {
    spec.given([]).when({ ...submit, programme: { ...programme, status: 'closed' } }).thenThrows(DomainRuleViolation, /programme is closed/);
  });

  it('refuses a tool the programme does not offer', () => {
    spec.given([]).when({ ...submit, tools: ['5s', 'iso-56000'] }).thenThrows(DomainRuleViolation, /does not offer iso-56000/);
  });

  it('refuses an unknown tool', () => {
    spec.given([]).when({ ...submit, tools: ['six-sigma' as never] }).thenThrows(DomainRuleViolation, /tools\[0\] "six-sigma" is not known/);
  });

  it('refuses a registration with no tool', () => {
    spec.given([]).when({ ...submit, tools: [] }).thenThrows(DomainRuleViolation, /tools must have at least 1/);
  });

  it('refuses an ineligible group', () => {
    spec
      .given([])
      .when({ ...submit, enterprise: { ...enterprise, group: 'startup' } })
      .thenThrows(DomainRuleViolation, /group startup are not eligible for this programme \(eligible: sme, cooperative, ocop-producer\)/);
  });

  it('refuses a registration id that is not programme:enterprise', () => {
    spec.given([]).when({ ...submit, registrationId: 'r-1' }).thenThrows(DomainRuleViolation, /registrationId must be prog-nsc-2025:mst-4500123455/);
  });

  it('refuses when the programme does not exist', () => {
    spec.given([]).when({ ...submit, programme: { ...programme, status: 'none' } }).thenThrows(NotFound, /programme does not exist/);
  });

  it.each([
    ['submitted', [submitted]],
    ['rejected', [submitted, reviewStarted, rejected]],
    ['withdrawn', [submitted, withdrawn]],
    ['completed', [submitted, reviewStarted, approved, implementationStarted, completed]],
  ])('refuses a second registration of the same enterprise to the same programme (first is %s)', (_status, given) => {
    spec.given(given as never).when(submit).thenThrows(Conflict, /has already registered for programme prog-nsc-2025.*second registration is refused/);
  });
});

describe('PilotModelRegistration — review', () => {
  it('starts the review', () => {
    spec.given([submitted]).when({ type: 'StartReview', reviewerId: 'officer-1', now: NOW }).then([reviewStarted]);
  });

  it('approving an approved registration again changes nothing (repeated or retried approval)', () => {
    spec.given([submitted, reviewStarted, approved]).when({ type: 'ApproveRegistration', reviewerId: 'officer-2', seatReservedAtProgrammeVersion: 3, now: NOW }).then([]);
  });

  it('approves with the programme version of the seat reservation', () => {
    spec.given([submitted, reviewStarted]).when({ type: 'ApproveRegistration', reviewerId: 'officer-1', seatReservedAtProgrammeVersion: 3, now: NOW }).then([approved]);
  });

  it('refuses an approval without a seat reservation', () => {
    spec
      .given([submitted, reviewStarted])
      .when({ type: 'ApproveRegistration', reviewerId: 'officer-1', seatReservedAtProgrammeVersion: 0, now: NOW })
      .thenThrows(DomainRuleViolation, /seatReservedAtProgrammeVersion must be a whole number at least 1/);
  });

  it('rejects with a reason', () => {
    spec.given([submitted, reviewStarted]).when({ type: 'RejectRegistration', reviewerId: 'officer-1', reason: 'Hồ sơ thiếu', now: NOW }).then([rejected]);
  });

  it('refuses a rejection without a reason', () => {
    spec.given([submitted, reviewStarted]).when({ type: 'RejectRegistration', reviewerId: 'officer-1', reason: '  ', now: NOW }).thenThrows(DomainRuleViolation, /reason must not be empty/);
  });
});

describe('PilotModelRegistration — implementation and outcome', () => {
  const underway = [submitted, reviewStarted, approved, implementationStarted];

  it('starts implementation once approved', () => {
    spec.given([submitted, reviewStarted, approved]).when({ type: 'StartImplementation', startedOn: '2025-04-01', now: NOW }).then([implementationStarted]);
  });

  it('completes with the outcome', () => {
    spec.given(underway).when({ type: 'CompleteRegistration', outcome, now: NOW }).then([completed]);
  });

  it('accepts a zero gain and no certificates', () => {
    const [event] = spec.given(underway).when({ type: 'CompleteRegistration', outcome: { ...outcome, productivityGainPercent: 0, certificatesObtained: [] }, now: NOW }).events();
    expect((event as RegistrationCompleted).data.outcome.productivityGainPercent).toBe(0);
  });

  it('refuses a negative gain', () => {
    spec
      .given(underway)
      .when({ type: 'CompleteRegistration', outcome: { ...outcome, productivityGainPercent: -3 }, now: NOW })
      .thenThrows(DomainRuleViolation, /productivityGainPercent must not be negative \(got -3\)/);
  });

  it('refuses an absurd or missing gain', () => {
    spec.given(underway).when({ type: 'CompleteRegistration', outcome: { ...outcome, productivityGainPercent: 5000 }, now: NOW }).thenThrows(DomainRuleViolation, /between 0 and 1000/);
    spec.given(underway).when({ type: 'CompleteRegistration', outcome: { ...outcome, productivityGainPercent: Number.NaN }, now: NOW }).thenThrows(DomainRuleViolation, /between 0 and 1000/);
  });

  it('refuses an outcome without evidence', () => {
    spec.given(underway).when({ type: 'CompleteRegistration', outcome: { ...outcome, evidence: [] }, now: NOW }).thenThrows(DomainRuleViolation, /at least one piece of evidence/);
    spec
      .given(underway)
      .when({ type: 'CompleteRegistration', outcome: { ...outcome, evidence: [{ title: 'Ảnh', reference: '' }] }, now: NOW })
      .thenThrows(DomainRuleViolation, /outcome.evidence\[0\].reference must not be empty/);
  });
});

describe('PilotModelRegistration — withdrawal', () => {
  it('withdraws before approval without a seat to release', () => {
    spec.given([submitted, reviewStarted]).when({ type: 'WithdrawRegistration', reason: 'Không đủ nhân lực', now: NOW }).then([
      { type: 'RegistrationWithdrawn', schemaVersion: 1, data: { ...ref, reason: 'Không đủ nhân lực', seatHeld: false, withdrawnAt: NOW_UTC } },
    ]);
  });

  it('withdraws during implementation and says a seat must be released', () => {
    spec.given([submitted, reviewStarted, approved, implementationStarted]).when({ type: 'WithdrawRegistration', reason: 'Không đủ nhân lực', now: NOW }).then([
      { type: 'RegistrationWithdrawn', schemaVersion: 1, data: { ...ref, reason: 'Không đủ nhân lực', seatHeld: true, withdrawnAt: NOW_UTC } },
    ]);
  });

  it('refuses a withdrawal without a reason', () => {
    spec.given([submitted]).when({ type: 'WithdrawRegistration', reason: '', now: NOW }).thenThrows(DomainRuleViolation, /reason must not be empty/);
  });
});

describe('PilotModelRegistration — impossible transitions', () => {
  const approve: RegistrationCommand = { type: 'ApproveRegistration', reviewerId: 'o', seatReservedAtProgrammeVersion: 1, now: NOW };
  const reject: RegistrationCommand = { type: 'RejectRegistration', reviewerId: 'o', reason: 'r', now: NOW };
  const start: RegistrationCommand = { type: 'StartImplementation', startedOn: '2025-04-01', now: NOW };
  const complete: RegistrationCommand = { type: 'CompleteRegistration', outcome, now: NOW };
  const review: RegistrationCommand = { type: 'StartReview', reviewerId: 'o', now: NOW };
  const withdraw: RegistrationCommand = { type: 'WithdrawRegistration', reason: 'r', now: NOW };

  it.each([
    ['approve a submitted registration (not yet under review)', [submitted], approve, /Cannot approve: the registration is submitted/],
    ['reject a submitted registration', [submitted], reject, /Cannot reject: the registration is submitted/],
    ['review twice', [submitted, reviewStarted], review, /Cannot start the review: the registration is under-review/],
    ['approve a rejected registration', [submitted, reviewStarted, rejected], approve, /Cannot approve: the registration is rejected/],
    ['start implementation before approval', [submitted, reviewStarted], start, /Cannot start implementation: the registration is under-review/],
    ['complete before implementation', [submitted, reviewStarted, approved], complete, /Cannot record the outcome: the registration is approved/],
    ['complete twice', [submitted, reviewStarted, approved, implementationStarted, completed], complete, /Cannot record the outcome: the registration is completed/],
    ['withdraw a completed registration', [submitted, reviewStarted, approved, implementationStarted, completed], withdraw, /Cannot withdraw: the registration is completed/],
    ['withdraw a rejected registration', [submitted, reviewStarted, rejected], withdraw, /Cannot withdraw: the registration is rejected/],
    ['withdraw twice', [submitted, withdrawn], withdraw, /Cannot withdraw: the registration is withdrawn/],
  ])('refuses to %s', (_label, given, command, message) => {
    spec.given(given as never).when(command).thenThrows(DomainRuleViolation, message);
  });

  it('answers NotFound for a registration that does not exist', () => {
    spec.given([]).when(review).thenThrows(NotFound, /does not exist/);
  });
});
