import { CommitLogStore } from './commit-log-store';
import { fold } from '@nangsuat/event-sourcing';
import { storeAdapters, TestStore } from './testing/adapters';
import { testMetadata } from './testing/mongo';

describe.each(storeAdapters)('Reads, versioning and tamper evidence ($name)', (adapter) => {
  let opened: TestStore;
  let now: Date;
  let store: CommitLogStore;

  beforeAll(async () => {
    now = new Date('2025-03-01T08:00:00.000Z');
    opened = await adapter.open('reads', { clock: () => now });
    store = opened.store;
  });
  afterAll(() => opened.drop());

  const ev = (type: string, data: object = {}) => ({ type, data });
  const md = testMetadata;

  describe('stream reads', () => {
    beforeAll(async () => {
      await store.append('plan-r', [ev('A', { n: 1 }), ev('B', { n: 2 })], { expectedVersion: 'no-stream', metadata: md });
      await store.append('plan-r', [ev('C', { n: 3 })], { expectedVersion: 2, metadata: md });
      await store.append('plan-r', [ev('D', { n: 4 }), ev('E', { n: 5 })], { expectedVersion: 3, metadata: md });
    });

    it('reads forwards and backwards from a version, with a maximum count', async () => {
      const versions = async (o: Parameters<CommitLogStore['readStream']>[1]) => (await store.readStream('plan-r', o)).map((e) => e.streamVersion);
      expect(await versions({})).toEqual([1, 2, 3, 4, 5]);
      expect(await versions({ fromVersion: 2, maxCount: 3 })).toEqual([2, 3, 4]);
      expect(await versions({ direction: 'backwards' })).toEqual([5, 4, 3, 2, 1]);
      expect(await versions({ direction: 'backwards', fromVersion: 4, maxCount: 2 })).toEqual([4, 3]);
      expect(await versions({ asOfVersion: 4 })).toEqual([1, 2, 3, 4]);
      expect(await store.readStream('plan-unknown')).toEqual([]);
    });
  });

  it('reads as of a time return the state of that time', async () => {
    type Target = { value: number };
    const decider = { initialState: (): Target => ({ value: 0 }), evolve: (s: Target, e: { data: object }) => ({ value: (e.data as Target).value }) };
    now = new Date('2025-01-10T00:00:00.000Z');
    await store.append('target-t', [ev('TargetSet', { value: 10 })], { expectedVersion: 'no-stream', metadata: md });
    now = new Date('2025-02-10T00:00:00.000Z');
    await store.append('target-t', [ev('TargetAmended', { value: 20 })], { expectedVersion: 1, metadata: md });
    now = new Date('2025-03-10T00:00:00.000Z');
    await store.append('target-t', [ev('TargetAmended', { value: 30 })], { expectedVersion: 2, metadata: md });

    const asOf = async (t: string) => fold(decider, await store.readStream('target-t', { asOfTime: t }));
    expect(await asOf('2025-01-09T23:59:59.999Z')).toEqual({ value: 0 });
    expect(await asOf('2025-01-10T00:00:00.000Z')).toEqual({ value: 10 });
    expect(await asOf('2025-02-28T00:00:00.000Z')).toEqual({ value: 20 });
    expect(await asOf('2026-01-01T00:00:00.000Z')).toEqual({ value: 30 });
  });

  it('reads all events after a global position, filtered by type or stream prefix', async () => {
    await store.append('award-1', [ev('Nominated'), ev('Evaluated')], { expectedVersion: 'no-stream', metadata: md });
    await store.append('course-1', [ev('Opened')], { expectedVersion: 'no-stream', metadata: md });
    await store.append('award-2', [ev('Nominated')], { expectedVersion: 'no-stream', metadata: md });

    const all = await store.readAll();
    const positions = all.map((e) => e.globalPosition);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(new Set(positions).size).toBe(positions.length);

    const awards = await store.readAll({ streamPrefix: 'award-' });
    expect(awards.map((e) => `${e.streamId}:${e.type}`)).toEqual(['award-1:Nominated', 'award-1:Evaluated', 'award-2:Nominated']);
    const nominated = await store.readAll({ types: ['Nominated'] });
    expect(nominated.map((e) => e.streamId)).toEqual(['award-1', 'award-2']);
    const afterFirst = await store.readAll({ afterPosition: awards[0].globalPosition, streamPrefix: 'award-', limit: 1 });
    expect(afterFirst.map((e) => e.type)).toEqual(['Evaluated']);
  });

  it('an event stored as schema version 1 is read as version 2', async () => {
    await store.append('enterprise-1', [{ type: 'EnterpriseRegistered', schemaVersion: 1, data: { name: 'HTX Nông nghiệp', taxCode: '0101' } }], {
      expectedVersion: 'no-stream',
      metadata: md,
    });
    const upcasting = opened.sibling({
      upcasters: [
        { type: 'EnterpriseRegistered', fromSchemaVersion: 1, upcast: (d: { name: string; taxCode: string }) => ({ legalName: d.name, taxCode: d.taxCode, size: 'unknown' }) },
      ],
    });
    const [event] = await upcasting.readStream('enterprise-1');
    expect(event).toMatchObject({ schemaVersion: 2, data: { legalName: 'HTX Nông nghiệp', taxCode: '0101', size: 'unknown' } });
    expect((await upcasting.readAll({ types: ['EnterpriseRegistered'] }))[0].schemaVersion).toBe(2);
    // Stored bytes are untouched, so the chain still verifies.
    expect(await upcasting.verifyStream('enterprise-1')).toMatchObject({ ok: true });
  });

  describe('verification of the hash chain', () => {
    const seed = async (streamId: string) => {
      await store.append(streamId, [ev('A', { n: 1 }), ev('B', { n: 2 })], { expectedVersion: 'no-stream', metadata: md });
      await store.append(streamId, [ev('C', { n: 3 })], { expectedVersion: 2, metadata: md });
      await store.append(streamId, [ev('D', { n: 4 })], { expectedVersion: 3, metadata: md });
      const events = await store.readStream(streamId);
      expect(await store.verifyStream(streamId)).toEqual({ ok: true, streamId, events: 4, lastHash: events[3].hash });
      return events;
    };

    it('names an event edited directly in the database', async () => {
      const events = await seed('plan-edit');
      await opened.tamper.editEventData('plan-edit', 3, { n: 300 });
      expect(await store.verifyStream('plan-edit')).toEqual({
        ok: false,
        streamId: 'plan-edit',
        brokenAt: { streamVersion: 3, eventId: events[2].id, reason: expect.stringMatching(/edited/) },
      });
    });

    it('a read with verifyChain refuses an edited history, naming the event (what every command folds)', async () => {
      const events = await seed('plan-edit-fold');
      expect(await store.readStream('plan-edit-fold', { verifyChain: true })).toHaveLength(4);
      await opened.tamper.editEventData('plan-edit-fold', 2, { n: 200 });
      await expect(store.readStream('plan-edit-fold', { verifyChain: true })).rejects.toMatchObject({
        code: 'integrity-violation',
        details: { streamId: 'plan-edit-fold', streamVersion: 2, eventId: events[1].id },
      });
      // From version 3 on the chain still holds: a fold from a snapshot there is unaffected.
      expect(await store.readStream('plan-edit-fold', { fromVersion: 3, verifyChain: true })).toHaveLength(2);
    });

    it('names an event whose commit metadata was edited', async () => {
      const events = await seed('plan-edit-meta');
      await opened.tamper.editActorUsername('plan-edit-meta', 1, 'someone.else');
      expect(await store.verifyStream('plan-edit-meta')).toMatchObject({ ok: false, brokenAt: { streamVersion: 1, eventId: events[0].id } });
    });

    it('names the event after a deleted one', async () => {
      const events = await seed('plan-delete');
      await opened.tamper.deleteCommit('plan-delete', 3);
      expect(await store.verifyStream('plan-delete')).toMatchObject({
        ok: false,
        brokenAt: { streamVersion: 4, eventId: events[3].id, reason: expect.stringMatching(/version 3 is missing/) },
      });
    });

    it('names reordered events', async () => {
      const events = await seed('plan-reorder');
      await opened.tamper.swapFirstTwoEvents('plan-reorder', 1);
      expect(await store.verifyStream('plan-reorder')).toMatchObject({ ok: false, brokenAt: { eventId: events[1].id } });
    });
  });
});
