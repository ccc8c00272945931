import { asOfInstant, eventsAsOf, replayState, toTimelineEntry } from './timeline';
import { DeciderRegistry } from './decider-registry';
import { chainedStream } from './test-events';

const enterprise = chainedStream(
  'enterprise-mst-0100107518',
  [
    {
      type: 'EnterpriseRegistered',
      data: { enterpriseId: 'mst-0100107518', taxCode: '0100107518', name: 'Công ty Cà phê Ngọk Bay', unitCode: '51-NGOKBAY', sector: 'cà phê', size: 'small', group: 'sme', registeredAt: '2025-07-01T08:00:00+07:00' },
    },
    { type: 'EnterpriseProfileUpdated', data: { enterpriseId: 'mst-0100107518', unitCode: '51-NGOKBAY', changes: { size: 'medium' }, updatedAt: '2025-07-02T08:00:00+07:00' } },
    { type: 'EnterpriseProfileUpdated', data: { enterpriseId: 'mst-0100107518', unitCode: '51-NGOKBAY', changes: { name: 'Công ty CP Cà phê Ngọk Bay' }, updatedAt: '2025-07-03T08:00:00+07:00' } },
  ],
  { start: '2025-07-01T01:00:00.000Z', minutesApart: 24 * 60, username: 'ngokbay.officer', unit: '51-NGOKBAY', reasons: [undefined, 'mở rộng sản xuất', undefined] },
);

describe('timeline entries', () => {
  it('say who, when, for which unit and why', () => {
    expect(toTimelineEntry('support-programs', enterprise[1])).toMatchObject({
      context: 'support-programs',
      streamId: 'enterprise-mst-0100107518',
      streamVersion: 2,
      type: 'EnterpriseProfileUpdated',
      recordedAt: '2025-07-02T01:00:00.000Z',
      who: { username: 'ngokbay.officer', unit: '51-NGOKBAY' },
      unit: '51-NGOKBAY',
      reason: 'mở rộng sản xuất',
    });
  });
});

describe('as of', () => {
  it('reads a calendar date as the end of that day in Vietnam', () => {
    expect(asOfInstant('2025-07-01')).toBe('2025-07-01T16:59:59.999Z');
    expect(asOfInstant('2025-07-01T08:00:00+07:00')).toBe('2025-07-01T01:00:00.000Z');
    expect(asOfInstant('01/07/2025')).toBe('2025-07-01T16:59:59.999Z'); // the forms every service accepts
    expect(() => asOfInstant('yesterday')).toThrow(/asOf "yesterday" is neither a date/);
  });

  it('keeps the events recorded by then and up to a version', () => {
    expect(eventsAsOf(enterprise, { time: asOfInstant('2025-07-02') }).map((e) => e.streamVersion)).toEqual([1, 2]);
    expect(eventsAsOf(enterprise, { time: '2025-07-02T00:59:59.999Z' }).map((e) => e.streamVersion)).toEqual([1]);
    expect(eventsAsOf(enterprise, { version: 1 }).map((e) => e.streamVersion)).toEqual([1]);
  });

  it('rebuilds the state through the owning decider', () => {
    const kind = new DeciderRegistry().find('enterprise-mst-0100107518')!;
    expect(kind.entity).toBe('enterprise');
    const before = replayState(kind.decider, 'enterprise-mst-0100107518', enterprise, { time: '2025-06-30T00:00:00.000Z' });
    expect(before).toMatchObject({ version: 0, exists: false, state: { status: 'none' } });
    const july2 = replayState(kind.decider, 'enterprise-mst-0100107518', enterprise, { time: asOfInstant('2025-07-02') });
    expect(july2).toMatchObject({ version: 2, exists: true, lastEvent: { type: 'EnterpriseProfileUpdated', who: 'ngokbay.officer' } });
    expect(july2.state).toMatchObject({ status: 'registered', profile: { size: 'medium', name: 'Công ty Cà phê Ngọk Bay' } });
    const now = replayState(kind.decider, 'enterprise-mst-0100107518', [...enterprise].reverse());
    expect(now.state).toMatchObject({ profile: { size: 'medium', name: 'Công ty CP Cà phê Ngọk Bay' } });
  });
});

describe('decider registry', () => {
  it('finds the owning decider by the longest matching prefix and context', () => {
    const registry = new DeciderRegistry();
    expect(registry.find('pilot-model-registration-p1:mst-1')?.entity).toBe('pilot-model registration');
    expect(registry.find('support-programme-p1', 'support-programs')?.entity).toBe('support programme');
    expect(registry.find('support-programme-p1', 'plans')).toBeUndefined();
    expect(registry.find('unknown-1')).toBeUndefined();
  });
});
