import { hashEvent, RecordedEvent } from '@nangsuat/event-sourcing';

/**
 * Compares a service's copy of a stream (read through its EventStorePort, as stored) with the
 * ledger's copy, version by version, and names every event that differs. The ledger's copy is what
 * was published when the event was committed, so a difference is a change made in the service's
 * store afterwards (or in the ledger: the hash chains and checkpoints say which side).
 */
export type StreamDifference =
  | { readonly kind: 'missing-in-source'; readonly streamVersion: number; readonly eventId: string }
  | { readonly kind: 'missing-in-ledger'; readonly streamVersion: number; readonly eventId: string }
  | { readonly kind: 'different-event'; readonly streamVersion: number; readonly eventId: string; readonly sourceEventId: string }
  | {
      readonly kind: 'content-differs';
      readonly streamVersion: number;
      readonly eventId: string;
      /** Top-level envelope members that differ (data, metadata, recordedAt, globalPosition…). */
      readonly fields: readonly string[];
      readonly ledgerHash: string;
      readonly sourceHash: string;
      /** True when the source's hash field was recomputed to match its edited content. */
      readonly sourceHashRecomputed: boolean;
    };

export function reconcileStream(ledger: readonly RecordedEvent[], source: readonly RecordedEvent[]): StreamDifference[] {
  const byVersion = (events: readonly RecordedEvent[]) => new Map(events.map((e) => [e.streamVersion, e]));
  const l = byVersion(ledger);
  const s = byVersion(source);
  const versions = [...new Set([...l.keys(), ...s.keys()])].sort((a, b) => a - b);
  const out: StreamDifference[] = [];
  for (const v of versions) {
    const a = l.get(v);
    const b = s.get(v);
    if (a && !b) out.push({ kind: 'missing-in-source', streamVersion: v, eventId: a.id });
    else if (!a && b) out.push({ kind: 'missing-in-ledger', streamVersion: v, eventId: b.id });
    else if (a && b) {
      if (a.id !== b.id) {
        out.push({ kind: 'different-event', streamVersion: v, eventId: a.id, sourceEventId: b.id });
        continue;
      }
      const sourceHash = hashEvent(b);
      if (sourceHash === hashEvent(a) && b.hash === a.hash) continue;
      const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
      const fields = keys.filter((k) => JSON.stringify((a as any)[k]) !== JSON.stringify((b as any)[k]) && canonicalDiffers((a as any)[k], (b as any)[k]));
      out.push({ kind: 'content-differs', streamVersion: v, eventId: a.id, fields, ledgerHash: a.hash, sourceHash, sourceHashRecomputed: b.hash === sourceHash && b.hash !== a.hash });
    }
  }
  return out;
}

function canonicalDiffers(x: unknown, y: unknown): boolean {
  const sort = (v: unknown): unknown =>
    v === null || typeof v !== 'object' ? v : Array.isArray(v) ? v.map(sort) : Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort((v as any)[k])]));
  return JSON.stringify(sort(x)) !== JSON.stringify(sort(y));
}
