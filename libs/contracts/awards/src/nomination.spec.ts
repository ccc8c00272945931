import { Conflict, DomainRuleViolation, NotFound } from '@nangsuat/event-sourcing';
import { deciderSpec } from '@nangsuat/event-sourcing/testing';
import { AwardCategorySnapshot } from './award-category';
import { NominationDecided, NominationEvaluated, NominationEvaluationStarted, NominationEvent, NominationRef, NominationSubmitted, nominationStreamId } from './events';
import { DecideNomination, Nominate, NominationCommand, nominationDecider } from './nomination';

const spec = deciderSpec(nominationDecider);
const NOW = '2025-09-15T09:00:00+07:00';
const NOW_UTC = '2025-09-15T02:00:00.000Z';
const LATER = '2025-11-20T09:00:00+07:00';
const LATER_UTC = '2025-11-20T02:00:00.000Z';

const category: AwardCategorySnapshot = {
  categoryId: 'nang-suat-2025',
  unitCode: '58',
  name: 'Tôn vinh năng suất 2025',
  eligibleNomineeKinds: ['organisation', 'enterprise'],
  period: { from: '2025-09-01', to: '2025-10-31' },
};

const nominate: Nominate = {
  type: 'Nominate',
  nominationId: 'nom-001',
  category,
  nominee: { kind: 'enterprise', name: 'Công ty TNHH Muối Cà Ná', enterpriseId: 'mst-4500123455' },
  nominatedBy: { kind: 'enterprise-association', name: 'Hiệp hội Doanh nghiệp tỉnh Ninh Thuận' },
  unitCode: '58',
  achievements: ['Áp dụng Lean, tăng năng suất lao động 15%', 'Đạt chứng nhận ISO 9001:2015'],
  now: NOW,
};

const ref: NominationRef = {
  nominationId: 'nom-001',
  categoryId: 'nang-suat-2025',
  unitCode: '58',
  nomineeKind: 'enterprise',
  nomineeName: 'Công ty TNHH Muối Cà Ná',
  enterpriseId: 'mst-4500123455',
};

const submitted: NominationSubmitted = {
  type: 'NominationSubmitted',
  schemaVersion: 1,
  data: {
    ...ref,
    nominatedBy: { kind: 'enterprise-association', name: 'Hiệp hội Doanh nghiệp tỉnh Ninh Thuận' },
    achievements: ['Áp dụng Lean, tăng năng suất lao động 15%', 'Đạt chứng nhận ISO 9001:2015'],
    submittedAt: NOW_UTC,
  },
};
const started: NominationEvaluationStarted = {
  type: 'NominationEvaluationStarted',
  schemaVersion: 1,
  data: { ...ref, councilMemberIds: ['m-1', 'm-2', 'm-3'], startedAt: NOW_UTC },
};
const evaluation = (memberId: string, score: number): NominationEvaluated => ({
  type: 'NominationEvaluated',
  schemaVersion: 1,
  data: { ...ref, memberId, score, comment: 'Thành tích rõ ràng', evaluatedAt: NOW_UTC },
});
const evaluated: NominationEvent[] = [submitted, started, evaluation('m-1', 90), evaluation('m-2', 85), evaluation('m-3', 78)];

const decideCmd: DecideNomination = {
  type: 'DecideNomination',
  outcome: 'awarded',
  decisionDocumentNumber: '1234/QĐ-UBND',
  decisionDate: '2025-11-20',
  decidedBy: 'chairman-ubnd-58',
  now: LATER,
};
const decided: NominationDecided = {
  type: 'NominationDecided',
  schemaVersion: 1,
  data: {
    ...ref,
    outcome: 'awarded',
    decisionDocumentNumber: '1234/QĐ-UBND',
    decisionDate: '2025-11-20',
    decidedBy: 'chairman-ubnd-58',
    averageScore: 84.33,
    evaluationCount: 3,
    decidedAt: LATER_UTC,
  },
};

describe('Nomination — nominate', () => {
  it('nominates an eligible nominee within the category period', () => {
    expect(nominationStreamId('nom-001')).toBe('nomination-nom-001');
    spec.given([]).when(nominate).then([submitted]);
  });

  it('refuses a nominee kind the category does not accept', () => {
    spec
      .given([])
      .when({ ...nominate, nominee: { kind: 'individual', name: 'Nguyễn Văn A' } })
      .thenThrows(DomainRuleViolation, /does not accept individual nominees \(accepts: organisation, enterprise\)/);
  });

  it('refuses a nomination outside the category period', () => {
    spec.given([]).when({ ...nominate, now: '2025-11-01T09:00:00+07:00' }).thenThrows(DomainRuleViolation, /accepts nominations from 2025-09-01 to 2025-10-31; today is 2025-11-01/);
  });

  it.each([
    ['an unknown nominee kind', { nominee: { kind: 'robot', name: 'R2' } }, /nominee.kind "robot" is not known/],
    ['an unknown nominator', { nominatedBy: { kind: 'press', name: 'Báo Ninh Thuận' } }, /nominatedBy.kind "press" is not known; expected one of: officer, cooperative-alliance, enterprise-association/],
    ['no achievements', { achievements: [] }, /achievements must have at least 1 item/],
    ['an empty nominee name', { nominee: { kind: 'enterprise', name: '' } }, /nominee.name must not be empty/],
    ['a person id on an enterprise', { nominee: { kind: 'enterprise', name: 'X', personId: 'p-1' } }, /personId is only for an individual/],
  ])('refuses %s', (_label, patch, message) => {
    spec
      .given([])
      .when({ ...nominate, ...(patch as Partial<Nominate>) })
      .thenThrows(DomainRuleViolation, message);
  });

  it('refuses a second nomination on the same stream', () => {
    spec.given([submitted]).when(nominate).thenThrows(Conflict, /already exists/);
  });
});

describe('Nomination — evaluation by the award council', () => {
  it('starts the evaluation with the council', () => {
    spec.given([submitted]).when({ type: 'StartEvaluation', councilMemberIds: ['m-1', 'm-2', 'm-3'], now: NOW }).then([started]);
  });

  it('refuses an empty council or a member listed twice', () => {
    spec.given([submitted]).when({ type: 'StartEvaluation', councilMemberIds: [], now: NOW }).thenThrows(DomainRuleViolation, /at least one award council member/);
    spec.given([submitted]).when({ type: 'StartEvaluation', councilMemberIds: ['m-1', 'm-1'], now: NOW }).thenThrows(DomainRuleViolation, /m-1 is listed twice/);
  });

  it('records a member’s score and comment', () => {
    spec.given([submitted, started]).when({ type: 'EvaluateNomination', memberId: 'm-1', score: 90, comment: 'Thành tích rõ ràng', now: NOW }).then([evaluation('m-1', 90)]);
  });

  it('a member cannot evaluate twice', () => {
    spec
      .given([submitted, started, evaluation('m-1', 90)])
      .when({ type: 'EvaluateNomination', memberId: 'm-1', score: 50, comment: 'Đổi ý', now: NOW })
      .thenThrows(Conflict, /m-1 has already evaluated/);
  });

  it('only council members evaluate', () => {
    spec.given([submitted, started]).when({ type: 'EvaluateNomination', memberId: 'm-9', score: 90, comment: 'x', now: NOW }).thenThrows(DomainRuleViolation, /m-9 is not a member/);
  });

  it.each([
    ['a negative score', -1],
    ['a score above 100', 101],
    ['a fractional score', 85.5],
  ])('refuses %s', (_label, score) => {
    spec.given([submitted, started]).when({ type: 'EvaluateNomination', memberId: 'm-1', score, comment: 'x', now: NOW }).thenThrows(DomainRuleViolation, /score must be a whole number between 0 and 100/);
  });

  it('refuses an evaluation without a comment, or before the evaluation started', () => {
    spec.given([submitted, started]).when({ type: 'EvaluateNomination', memberId: 'm-1', score: 90, comment: ' ', now: NOW }).thenThrows(DomainRuleViolation, /comment must not be empty/);
    spec.given([submitted]).when({ type: 'EvaluateNomination', memberId: 'm-1', score: 90, comment: 'x', now: NOW }).thenThrows(DomainRuleViolation, /Cannot evaluate: the nomination is nominated/);
  });
});

describe('Nomination — decision', () => {
  it('decides with the decision document number and the council’s mean score', () => {
    spec.given(evaluated).when(decideCmd).then([decided]);
  });

  it('may decide not to award', () => {
    const [event] = spec.given(evaluated).when({ ...decideCmd, outcome: 'not-awarded' }).events();
    expect((event as NominationDecided).data.outcome).toBe('not-awarded');
  });

  it('refuses a decision before every council member evaluated', () => {
    spec.given(evaluated.slice(0, 3)).when(decideCmd).thenThrows(DomainRuleViolation, /waiting for m-2, m-3/);
  });

  it.each([
    ['a malformed decision number', { decisionDocumentNumber: 'QĐ 1234' }, /not a decision number such as 123\/QĐ-UBND/],
    ['an ASCII QD', { decisionDocumentNumber: '1234/QD-UBND' }, /write 'QĐ'/],
    ['an unknown outcome', { outcome: 'maybe' }, /outcome "maybe" is not known/],
    ['a decision date in the future', { decisionDate: '2025-12-01' }, /decisionDate 2025-12-01 is in the future/],
  ])('refuses %s', (_label, patch, message) => {
    spec
      .given(evaluated)
      .when({ ...decideCmd, ...(patch as Partial<DecideNomination>) })
      .thenThrows(DomainRuleViolation, message);
  });

  it('closes a decided nomination', () => {
    spec.given([...evaluated, decided]).when({ type: 'CloseNomination', now: LATER }).then([{ type: 'NominationClosed', schemaVersion: 1, data: { ...ref, closedAt: LATER_UTC } }]);
  });
});

describe('Nomination — withdrawal and impossible transitions', () => {
  it('withdraws with a reason', () => {
    spec
      .given([submitted, started])
      .when({ type: 'WithdrawNomination', reason: 'Doanh nghiệp xin rút', now: NOW })
      .then([{ type: 'NominationWithdrawn', schemaVersion: 1, data: { ...ref, reason: 'Doanh nghiệp xin rút', withdrawnAt: NOW_UTC } }]);
  });

  it('refuses a withdrawal without a reason', () => {
    spec.given([submitted]).when({ type: 'WithdrawNomination', reason: '', now: NOW }).thenThrows(DomainRuleViolation, /reason must not be empty/);
  });

  const withdrawn = { type: 'NominationWithdrawn', schemaVersion: 1, data: { ...ref, reason: 'x', withdrawnAt: NOW_UTC } } as const;
  const closed = { type: 'NominationClosed', schemaVersion: 1, data: { ...ref, closedAt: LATER_UTC } } as const;

  it.each<[string, NominationEvent[], NominationCommand, RegExp]>([
    ['decide before evaluation', [submitted], decideCmd, /Cannot decide: the nomination is nominated/],
    ['decide twice', [...evaluated, decided], decideCmd, /Cannot decide: the nomination is decided/],
    ['withdraw after the decision', [...evaluated, decided], { type: 'WithdrawNomination', reason: 'x', now: NOW }, /Cannot withdraw: the nomination is decided/],
    ['close before the decision', evaluated, { type: 'CloseNomination', now: LATER }, /Cannot close: the nomination is under-evaluation/],
    ['close twice', [...evaluated, decided, closed], { type: 'CloseNomination', now: LATER }, /Cannot close: the nomination is closed/],
    ['evaluate a withdrawn nomination', [submitted, started, withdrawn], { type: 'EvaluateNomination', memberId: 'm-1', score: 1, comment: 'x', now: NOW }, /Cannot evaluate: the nomination is withdrawn/],
    ['start the evaluation twice', [submitted, started], { type: 'StartEvaluation', councilMemberIds: ['m-1'], now: NOW }, /Cannot start the evaluation: the nomination is under-evaluation/],
  ])('refuses to %s', (_label, given, command, message) => {
    spec.given(given).when(command).thenThrows(DomainRuleViolation, message);
  });

  it('answers NotFound for a nomination that does not exist', () => {
    spec.given([]).when({ type: 'CloseNomination', now: LATER }).thenThrows(NotFound, /does not exist/);
  });
});
