import fc from 'fast-check';
import { canonicalJson, canonicalJsonWith } from './canonical';
import { RecordedEvent } from './event';
import { hashEvent, withHash, withHashes } from './hashing';
import { verifyChain } from './verification';
import { Upcasters } from './upcasting';

const base = {
  type: 'TargetSet',
  schemaVersion: 1,
  streamId: 's-1',
  occurredAt: '2025-01-01T00:00:00.000Z',
  recordedAt: '2025-01-01T00:00:00.000Z',
  metadata: { actor: { id: 'u', username: 'u', unit: '01' }, unit: '01', correlationId: 'c' },
};

function chain(count: number): RecordedEvent[] {
  const events: RecordedEvent[] = [];
  for (let v = 1; v <= count; v++) {
    events.push(withHash({ ...base, id: `e${v}`, data: { v }, streamVersion: v, globalPosition: 10 + v, prevHash: events[v - 2]?.hash ?? '' }));
  }
  return events;
}

describe('canonical serialisation and hashing', () => {
  it('does not depend on key order and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: undefined }], c: 'ư' } })).toBe('{"a":{"c":"ư","d":[1,{"y":2}]},"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  it('covers the previous hash', () => {
    const [event] = chain(1);
    expect(hashEvent({ ...event, prevHash: 'x' })).not.toBe(event.hash);
  });
});

describe('verifyChain', () => {
  it('accepts an intact chain', () => {
    expect(verifyChain('s-1', chain(3))).toEqual({ ok: true, streamId: 's-1', events: 3, lastHash: chain(3)[2].hash });
  });

  it('names an edited event', () => {
    const events = chain(3);
    events[1] = { ...events[1], data: { v: 99 } };
    expect(verifyChain('s-1', events)).toMatchObject({ ok: false, brokenAt: { streamVersion: 2, eventId: 'e2', reason: expect.stringMatching(/edited/) } });
  });

  it('names the event after an edit whose hash was recomputed', () => {
    const events = chain(3);
    events[1] = withHash({ ...events[1], data: { v: 99 } });
    expect(verifyChain('s-1', events)).toMatchObject({ ok: false, brokenAt: { streamVersion: 3, eventId: 'e3' } });
  });

  it('names the event after a deleted one, and reordered events', () => {
    const events = chain(4);
    expect(verifyChain('s-1', [events[0], events[2], events[3]])).toMatchObject({ ok: false, brokenAt: { eventId: 'e3', reason: expect.stringMatching(/version 2 is missing/) } });
    expect(verifyChain('s-1', [events[0], events[2], events[1], events[3]])).toMatchObject({ ok: false, brokenAt: { eventId: 'e3' } });
  });
});

describe('Upcasters', () => {
  it('brings an event through a chain of versions to the newest shape', () => {
    const upcasters = new Upcasters([
      { type: 'TargetSet', fromSchemaVersion: 1, upcast: (d: { v: number }) => ({ value: d.v }) },
      { type: 'TargetSet', fromSchemaVersion: 2, upcast: (d: { value: number }) => ({ ...d, unit: 'người' }) },
    ]);
    const [event] = chain(1);
    expect(upcasters.apply(event)).toMatchObject({ schemaVersion: 3, data: { value: 1, unit: 'người' }, hash: event.hash });
    expect(upcasters.apply({ ...event, type: 'Other' })).toEqual({ ...event, type: 'Other' });
  });

  it('refuses two upcasters for the same type and version', () => {
    const u = { type: 'A', fromSchemaVersion: 1, upcast: (d: object) => d };
    expect(() => new Upcasters([u, u])).toThrow(/Two upcasters/);
  });
});

describe('a commit hashed at once (withHashes)', () => {
  const json = fc.jsonValue({ maxDepth: 3 });
  it('gives byte for byte the chain withHash gives event by event, whatever the data and metadata', () => {
    fc.assert(
      fc.property(fc.array(fc.dictionary(fc.string(), json), { minLength: 1, maxLength: 10 }), fc.dictionary(fc.string(), json), fc.string(), (datas, extra, prev) => {
        const metadata = JSON.parse(JSON.stringify({ ...extra, ...base.metadata }));
        const events = datas.map((data, i) => ({ ...base, metadata, id: `e${i}`, data: JSON.parse(JSON.stringify(data)), streamVersion: i + 1, globalPosition: 100 + i }));
        let prevHash = prev;
        const oneByOne = events.map((e) => {
          const recorded = withHash({ ...e, prevHash });
          prevHash = recorded.hash;
          return recorded;
        });
        expect(withHashes(events, prev)).toEqual(oneByOne);
      }),
      { numRuns: 200 },
    );
  });

  it('canonicalJsonWith is canonicalJson with the known members taken as given', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), json), (value) => {
        const known = Object.fromEntries(Object.entries(value).slice(0, 2).map(([k, v]) => [k, canonicalJson(v)]));
        expect(canonicalJsonWith(value, known)).toBe(canonicalJson(value));
      }),
      { numRuns: 200 },
    );
  });
});
