import { Decider, DomainEvent, RecordedEvent } from '@nangsuat/event-sourcing';
import { parseInstantInput } from '@nangsuat/domain-values';

/** One line of an entity's history: what happened, who did it, when, for which unit and why (reason, as everywhere). */
export interface TimelineEntry {
  readonly context: string;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly globalPosition: number;
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly who: { readonly id: string; readonly username: string; readonly unit: string; readonly roles: readonly string[] };
  readonly unit: string;
  readonly reason?: string;
  readonly correlationId: string;
  readonly causationId?: string;
  readonly data: object;
  readonly hash: string;
}

export function toTimelineEntry(context: string, event: RecordedEvent): TimelineEntry {
  const actor = event.metadata?.actor;
  return {
    context,
    streamId: event.streamId,
    streamVersion: event.streamVersion,
    globalPosition: event.globalPosition,
    eventId: event.id,
    type: event.type,
    schemaVersion: event.schemaVersion,
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
    who: { id: actor?.id ?? '', username: actor?.username ?? '', unit: actor?.unit ?? '', roles: [...(actor?.roles ?? [])] },
    unit: event.metadata?.unit ?? '',
    reason: event.metadata?.reason,
    correlationId: event.metadata?.correlationId ?? '',
    causationId: event.metadata?.causationId,
    data: event.data,
    hash: event.hash,
  };
}

/**
 * The instant an "as of" parameter means, in the forms every service accepts (parseInstantInput):
 * a calendar date (dd/mm/yyyy or yyyy-mm-dd) is the end of that day in Vietnam, an ISO timestamp is
 * itself. Returns an ISO string in UTC (Z), the form recordedAt is stored in, so that string
 * comparison is time comparison. Throws (400) naming the parameter when it is neither.
 */
export function asOfInstant(value: string, field = 'asOf'): string {
  return parseInstantInput(value, field).instant;
}

export interface AsOf {
  /** ISO instant: only events recorded at or before it. */
  readonly time?: string;
  /** Only events up to this stream version. */
  readonly version?: number;
}

/** The events of a stream (in version order) that the stream had as of a time and/or version. */
export function eventsAsOf<E extends Pick<RecordedEvent, 'recordedAt' | 'streamVersion'>>(events: readonly E[], asOf: AsOf): E[] {
  const time = asOf.time === undefined ? undefined : Date.parse(asOf.time);
  return events.filter((e) => (time === undefined || Date.parse(e.recordedAt) <= time) && (asOf.version === undefined || e.streamVersion <= asOf.version));
}

export interface ReplayedState<S = unknown> {
  readonly streamId: string;
  /** Version of the last event folded (0: the entity did not exist yet). */
  readonly version: number;
  readonly exists: boolean;
  readonly lastEvent?: { readonly eventId: string; readonly type: string; readonly recordedAt: string; readonly who: string };
  readonly state: S;
}

/**
 * State of an entity as of a time/version, rebuilt by folding its events through the owning
 * domain's `evolve` — the same function the service's command handler uses.
 */
export function replayState<S>(
  decider: Pick<Decider<unknown, DomainEvent, S>, 'evolve' | 'initialState'>,
  streamId: string,
  events: readonly RecordedEvent[],
  asOf: AsOf = {},
): ReplayedState<S> {
  const included = eventsAsOf([...events].sort((a, b) => a.streamVersion - b.streamVersion), asOf);
  let state = decider.initialState();
  for (const event of included) state = decider.evolve(state, event);
  const last = included[included.length - 1];
  return {
    streamId,
    version: last?.streamVersion ?? 0,
    exists: included.length > 0,
    lastEvent: last && { eventId: last.id, type: last.type, recordedAt: last.recordedAt, who: last.metadata?.actor?.username ?? '' },
    state: JSON.parse(JSON.stringify(state ?? null)) as S,
  };
}
