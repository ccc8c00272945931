import { describe, expect, it } from 'vitest';
import { toHistoryEntries } from './history';

describe('history in one shape', () => {
  const event = { type: 'RegistrationApproved', recordedAt: '2026-11-30T05:23:59Z', actor: { username: 'ngokbay.officer', unit: '51-NGOKBAY' } };
  it('reads a plain list with streamVersion (plans)', () => expect(toHistoryEntries([{ ...event, streamVersion: 3 }])[0].streamVersion).toBe(3));
  it('reads {events} with version (support programmes)', () => {
    const [e] = toHistoryEntries({ registrationId: 'x', events: [{ ...event, version: 4 }] });
    expect(e.streamVersion).toBe(4);
    expect(e.actor?.username).toBe('ngokbay.officer');
  });
  it('reads {items} with who (audit timeline)', () => {
    const [e] = toHistoryEntries({ items: [{ type: 'PlanDrafted', streamVersion: 1, occurredAt: '2026-01-01T00:00:00Z', who: { username: 'a', unit: '56' } }] });
    expect(e.actor?.unit).toBe('56');
    expect(e.recordedAt).toBe('2026-01-01T00:00:00Z');
  });
  it('gives nothing for nothing', () => expect(toHistoryEntries(undefined)).toEqual([]));
});
