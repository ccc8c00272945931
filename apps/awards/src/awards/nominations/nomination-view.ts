import type { ReadModelStore } from '@nangsuat/read-models';
import type { Decider, EventStorePort } from '@nangsuat/event-store';
import { StreamStateProjection } from '@nangsuat/projections';
import { formatDate, searchKey } from '@nangsuat/vietnamese';
import { AwardOutcome, NOMINATION_STREAM_PREFIX, NominationCommand, nominationDecider, NominationEvent, NominationState, Nominator } from '@nangsuat/contracts/awards';

/** The nomination as the API shows it: the decider's state plus who nominated, achievements, dates, the decision and withdrawal. */
export interface NominationViewState {
  readonly nomination: NominationState;
  readonly nominatedBy?: Nominator;
  readonly achievements: readonly string[];
  readonly submittedAt?: string;
  readonly evaluatedAt: Readonly<Record<string, string>>;
  readonly decision?: {
    readonly outcome: AwardOutcome;
    readonly decisionDocumentNumber: string;
    readonly decisionDate: string;
    readonly decidedBy: string;
    readonly averageScore: number;
    readonly evaluationCount: number;
    readonly decidedAt: string;
  };
  readonly withdrawal?: { readonly reason: string; readonly withdrawnAt: string };
  readonly closedAt?: string;
}

export const nominationViewDecider: Decider<NominationCommand, NominationEvent, NominationViewState> = {
  initialState: () => ({ nomination: nominationDecider.initialState(), achievements: [], evaluatedAt: {} }),
  decide: (command, state) => nominationDecider.decide(command, state.nomination),
  evolve: (state, event) => {
    const nomination = nominationDecider.evolve(state.nomination, event);
    switch (event.type) {
      case 'NominationSubmitted':
        return { ...state, nomination, nominatedBy: event.data.nominatedBy, achievements: event.data.achievements, submittedAt: event.data.submittedAt };
      case 'NominationEvaluated':
        return { ...state, nomination, evaluatedAt: { ...state.evaluatedAt, [event.data.memberId]: event.data.evaluatedAt } };
      case 'NominationDecided': {
        const { outcome, decisionDocumentNumber, decisionDate, decidedBy, averageScore, evaluationCount, decidedAt } = event.data;
        return { ...state, nomination, decision: { outcome, decisionDocumentNumber, decisionDate, decidedBy, averageScore, evaluationCount, decidedAt } };
      }
      case 'NominationWithdrawn':
        return { ...state, nomination, withdrawal: { reason: event.data.reason, withdrawnAt: event.data.withdrawnAt } };
      case 'NominationClosed':
        return { ...state, nomination, closedAt: event.data.closedAt };
      default:
        return { ...state, nomination };
    }
  },
};

export function nominationView(view: NominationViewState, version: number) {
  const n = view.nomination;
  const ref = n.ref;
  return {
    nominationId: ref?.nominationId,
    categoryId: ref?.categoryId,
    unitCode: ref?.unitCode,
    status: n.status,
    nominee: ref
      ? { kind: ref.nomineeKind, name: ref.nomineeName, ...(ref.enterpriseId ? { enterpriseId: ref.enterpriseId } : {}), ...(ref.personId ? { personId: ref.personId } : {}) }
      : undefined,
    nominatedBy: view.nominatedBy,
    achievements: view.achievements,
    submittedAt: view.submittedAt,
    council: n.councilMemberIds,
    evaluations: n.evaluations.map((e) => ({ ...e, evaluatedAt: view.evaluatedAt[e.memberId] })),
    awaitingEvaluationFrom: n.status === 'under-evaluation' ? n.councilMemberIds.filter((m) => !n.evaluations.some((e) => e.memberId === m)) : [],
    ...(view.decision ? { decision: { ...view.decision, display: { decisionDate: formatDate(view.decision.decisionDate) } } } : {}),
    ...(view.withdrawal ? { withdrawal: view.withdrawal } : {}),
    ...(view.closedAt ? { closedAt: view.closedAt } : {}),
    version,
  };
}

export const NOMINATIONS_COLLECTION = 'nominations_view';

export const nominationProjection = (store: EventStorePort, readModels: ReadModelStore) =>
  new StreamStateProjection<NominationViewState>(store, readModels, {
    name: 'awards.nominations',
    collection: NOMINATIONS_COLLECTION,
    indexes: [{ submittedAt: -1, nominationId: 1 }, { unitCode: 1 }, { categoryId: 1 }],
    fields: ['status', 'decision.outcome'],
    textSearch: ['searchKey'],
    streamPrefix: NOMINATION_STREAM_PREFIX,
    decider: nominationViewDecider as Decider<unknown, NominationEvent, NominationViewState>,
    toDocument: (state, stream) => {
      if (state.nomination.status === 'none') return null;
      const view = nominationView(state, stream.version);
      return {
        ...view,
        searchKey: searchKey(`${view.nominee?.name ?? ''} ${view.nominatedBy?.name ?? ''} ${view.decision?.decisionDocumentNumber ?? ''} ${view.nominationId}`),
      };
    },
  });
