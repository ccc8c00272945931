import { RecordedEvent } from '@nangsuat/event-sourcing';
import { LedgerDocument } from '../ledger/ledger.repository';
import { TimelineEntry, toTimelineEntry } from '../domain/timeline';

export const eventOf = (doc: LedgerDocument): RecordedEvent => doc.event;
export const entryOf = (doc: LedgerDocument): TimelineEntry => toTimelineEntry(doc.context, doc.event);

/** Flat columns of a timeline entry, for CSV. */
export const TIMELINE_COLUMNS = [
  { header: 'context', value: (e: TimelineEntry) => e.context },
  { header: 'streamId', value: (e: TimelineEntry) => e.streamId },
  { header: 'streamVersion', value: (e: TimelineEntry) => e.streamVersion },
  { header: 'globalPosition', value: (e: TimelineEntry) => e.globalPosition },
  { header: 'eventId', value: (e: TimelineEntry) => e.eventId },
  { header: 'type', value: (e: TimelineEntry) => e.type },
  { header: 'recordedAt', value: (e: TimelineEntry) => e.recordedAt },
  { header: 'occurredAt', value: (e: TimelineEntry) => e.occurredAt },
  { header: 'username', value: (e: TimelineEntry) => e.who.username },
  { header: 'userId', value: (e: TimelineEntry) => e.who.id },
  { header: 'actorUnit', value: (e: TimelineEntry) => e.who.unit },
  { header: 'roles', value: (e: TimelineEntry) => e.who.roles.join(' ') },
  { header: 'unit', value: (e: TimelineEntry) => e.unit },
  { header: 'reason', value: (e: TimelineEntry) => e.reason },
  { header: 'correlationId', value: (e: TimelineEntry) => e.correlationId },
  { header: 'data', value: (e: TimelineEntry) => e.data },
  { header: 'hash', value: (e: TimelineEntry) => e.hash },
] as const;
