import type { HistoryEntry } from './types';

/** The services answer history in three shapes (a list, {items}, {events} with `version`); one shape for the table. */
export function toHistoryEntries(raw: unknown): HistoryEntry[] {
  const list: unknown[] = Array.isArray(raw)
    ? raw
    : raw && typeof raw === 'object'
      ? (((raw as { items?: unknown[] }).items ?? (raw as { events?: unknown[] }).events ?? []) as unknown[])
      : [];
  return list.map((e) => {
    const r = e as Record<string, unknown> & { version?: number; streamVersion?: number; who?: { username: string; unit: string } };
    return {
      ...(r as unknown as HistoryEntry),
      streamVersion: Number(r.streamVersion ?? r.version ?? 0),
      recordedAt: String(r.recordedAt ?? r.occurredAt ?? ''),
      actor: (r.actor as HistoryEntry['actor']) ?? r.who,
    };
  });
}
