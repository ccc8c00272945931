import { RecordedEvent } from '@nangsuat/event-store';

/**
 * How a target's count was reached, event by event. A counting rule says how one event moves a
 * metric: +1/-1, and (for "distinct" metrics) the key that must not be counted twice.
 *
 * The rules mirror what the plans service's progress projection counts (docs/domain/*.md of each
 * context, e.g. support-programs' COUNTED_EVENT_TYPES). TODO(plans): import the projection's own rule
 * table once apps/plans' progress projection lands, so the two can never disagree.
 */
export interface CountEffect {
  /** +1: the thing becomes counted (or active); -1: it stops. */
  readonly delta: 1 | -1;
  /** For distinct metrics: what is counted once (an enterprise, a person-course, a person). */
  readonly key?: string;
  /**
   * For distinct metrics: what makes the key count (a completed registration, a certification);
   * the key counts while at least one of its subjects is active. Defaults to the stream id.
   */
  readonly subject?: string;
  /** The unit the count is credited to. */
  readonly unit: string;
}

export interface CountingRule {
  readonly metric: string;
  readonly description: string;
  readonly context: string;
  readonly types: readonly string[];
  readonly distinct: boolean;
  readonly effect: (event: Pick<RecordedEvent, 'type' | 'data' | 'metadata' | 'streamId'>) => CountEffect | undefined;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
const dataOf = (e: Pick<RecordedEvent, 'data'>) => e.data as Record<string, unknown>;
const unitOf = (e: Pick<RecordedEvent, 'data' | 'metadata'>) => str(dataOf(e).unitCode) ?? e.metadata?.unit ?? '';

export const COUNTING_RULES: readonly CountingRule[] = [
  {
    metric: 'pilot-models',
    description: 'Enterprises with a completed pilot productivity model (distinct enterprise), credited to the enterprise\'s unit',
    context: 'support-programs',
    types: ['RegistrationCompleted'],
    distinct: true,
    effect: (e) => (e.type === 'RegistrationCompleted' ? { delta: 1, key: str(dataOf(e).enterpriseId), unit: unitOf(e) } : undefined),
  },
  {
    metric: 'person-times-trained',
    description: 'Person-times trained (lượt người): one per (course, person) completion, credited to the course\'s unit',
    context: 'training',
    types: ['TraineeCompleted'],
    distinct: true,
    effect: (e) => ({ delta: 1, key: `${str(dataOf(e).courseId) ?? e.streamId}:${str(dataOf(e).personId) ?? ''}`, unit: unitOf(e) }),
  },
  {
    metric: 'experts-certified',
    description: 'Productivity experts with a certification in force (distinct person), credited to the certification\'s unit',
    context: 'training',
    types: ['CertificationGranted', 'CertificationRenewed', 'CertificationExpired', 'CertificationRevoked'],
    distinct: true,
    effect: (e) => ({
      delta: e.type === 'CertificationGranted' || e.type === 'CertificationRenewed' ? 1 : -1,
      key: str(dataOf(e).personId),
      subject: str(dataOf(e).certificationId) ?? e.streamId,
      unit: unitOf(e),
    }),
  },
  {
    metric: 'pilot-models-under-way',
    description: 'Approved pilot-model registrations, less approvals withdrawn while holding a seat',
    context: 'support-programs',
    types: ['RegistrationApproved', 'RegistrationWithdrawn'],
    distinct: false,
    effect: (e) => {
      if (e.type === 'RegistrationApproved') return { delta: 1, unit: unitOf(e) };
      if (e.type === 'RegistrationWithdrawn' && dataOf(e).seatHeld === true) return { delta: -1, unit: unitOf(e) };
      return undefined;
    },
  },
];

export function countingRule(metric: string): CountingRule | undefined {
  return COUNTING_RULES.find((r) => r.metric === metric);
}

export interface CountStep {
  readonly eventId: string;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly globalPosition: number;
  readonly type: string;
  readonly recordedAt: string;
  readonly who: string;
  readonly unit: string;
  readonly delta: number;
  /** Why an event of a counted type did not move the count (already counted, outside the subtree). */
  readonly note?: string;
  readonly runningCount: number;
}

/**
 * Walks the events (in the order given: global order within a context) and returns one step per
 * event of a counted type, with the running count. `inScope` says whether the credited unit lies
 * within the target's unit subtree.
 */
export function countTrail(rule: CountingRule, events: readonly RecordedEvent[], inScope: (unit: string) => boolean): { steps: CountStep[]; count: number } {
  const steps: CountStep[] = [];
  const active = new Map<string, Set<string>>();
  let count = 0;
  for (const event of events) {
    if (!rule.types.includes(event.type)) continue;
    const effect = rule.effect(event);
    if (!effect || !inScope(effect.unit)) continue;
    let delta: number = effect.delta;
    let note: string | undefined;
    if (rule.distinct) {
      const key = effect.key ?? event.streamId;
      const subject = effect.subject ?? event.streamId;
      const subjects = active.get(key) ?? new Set<string>();
      active.set(key, subjects);
      const wasCounted = subjects.size > 0;
      if (effect.delta > 0) subjects.add(subject);
      else subjects.delete(subject);
      const isCounted = subjects.size > 0;
      delta = Number(isCounted) - Number(wasCounted);
      if (delta === 0) note = effect.delta > 0 ? `${key} already counted` : isCounted ? `${key} still counted` : `${key} was not counted`;
    }
    count += delta;
    steps.push({
      eventId: event.id,
      streamId: event.streamId,
      streamVersion: event.streamVersion,
      globalPosition: event.globalPosition,
      type: event.type,
      recordedAt: event.recordedAt,
      who: event.metadata?.actor?.username ?? '',
      unit: effect.unit,
      delta,
      note,
      runningCount: count,
    });
  }
  return { steps, count };
}
