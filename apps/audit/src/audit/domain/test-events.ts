import { DomainEvent, RecordedEvent, withHash } from '@nangsuat/event-sourcing';

/** Builds a correctly hash-chained stream of recorded events for tests (no store needed). */
export function chainedStream(
  streamId: string,
  events: readonly DomainEvent[],
  options: { firstPosition?: number; positionStep?: number; start?: string; minutesApart?: number; username?: string; unit?: string; reasons?: (string | undefined)[] } = {},
): RecordedEvent[] {
  const start = Date.parse(options.start ?? '2025-07-01T01:00:00.000Z');
  let prevHash = '';
  return events.map((event, i) => {
    const at = new Date(start + i * (options.minutesApart ?? 60) * 60_000).toISOString();
    const recorded = withHash({
      id: `${streamId}#${i + 1}`,
      type: event.type,
      schemaVersion: event.schemaVersion ?? 1,
      data: event.data,
      streamId,
      streamVersion: i + 1,
      globalPosition: (options.firstPosition ?? 1) + i * (options.positionStep ?? 1),
      occurredAt: at,
      recordedAt: at,
      metadata: {
        actor: { id: `id-${options.username ?? 'kh.admin'}`, username: options.username ?? 'kh.admin', unit: options.unit ?? '56', roles: ['province-admin'] },
        unit: options.unit ?? '56',
        reason: options.reasons?.[i],
        correlationId: `corr-${i + 1}`,
      },
      prevHash,
    });
    prevHash = recorded.hash;
    return recorded;
  });
}
