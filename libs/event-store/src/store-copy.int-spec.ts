import { Conflict } from '@nangsuat/event-sourcing';
import { compareEventStores, copyEventStore } from './store-copy';
import { mongoAdapter, postgresAdapter, TestStore } from './testing/adapters';
import { testMetadata } from './testing/mongo';

/** Moving a province's history between adapters loses nothing and changes nothing. */
describe('copying a store between adapters (FerretDB ⇄ PostgreSQL)', () => {
  const opened: TestStore[] = [];
  afterAll(async () => {
    for (const o of opened) await o.drop();
  });
  const open = async (adapter: typeof mongoAdapter, label: string) => {
    const o = await adapter.open(label);
    opened.push(o);
    return o;
  };

  async function seed(o: TestStore) {
    const { store } = o;
    await store.append('plan-ngokbay', [{ type: 'PlanDrafted', data: { title: 'Kế hoạch nâng cao năng suất xã Ngọk Bay' } }, { type: 'TargetSet', data: { n: 12 } }], {
      expectedVersion: 'no-stream',
      metadata: testMetadata,
      commandId: 'key-1',
    });
    const { firstPosition } = await store.allocatePositions(1); // a writer that died: its position is claimed as void
    await store.append('course-1', [{ type: 'CourseScheduled', data: { seats: 30 } }], { expectedVersion: 'no-stream', metadata: { ...testMetadata, reason: 'đợt 1' }, occurredAt: '2025-07-01T01:00:00.000Z' });
    expect(await store.voidAbandonedPositions(firstPosition, firstPosition)).toBe(1);
    for (let i = 0; i < 5; i++) await store.append('plan-ngokbay', [{ type: 'TargetSet', data: { n: i } }], { expectedVersion: 2 + i, metadata: testMetadata });
  }

  it('copies MongoDB → PostgreSQL → MongoDB keeping ids, positions and hashes; the copy takes new appends on its chain', async () => {
    const mongo = await open(mongoAdapter, 'copy_src');
    await seed(mongo);
    const pg = await open(postgresAdapter, 'copy_pg');
    const progress: number[] = [];
    const report = await copyEventStore(mongo.store, pg.store, { batchSize: 2, onProgress: (p) => progress.push(p.commits) });
    expect(report.copied).toMatchObject({ commits: 8, events: 8 });
    expect(progress.length).toBeGreaterThan(1);
    expect(report.verification).toMatchObject({ identical: true, brokenChains: [] });
    expect(report.verification.source).toEqual(report.verification.target);
    expect(report.verification.target).toMatchObject({ commits: 7, voidPositions: 1, events: 8 });
    for (const stream of ['plan-ngokbay', 'course-1']) expect(await pg.store.readStream(stream)).toEqual(await mongo.store.readStream(stream));
    // The Idempotency-Key came along: the same key returns the first result on the copy.
    expect(await pg.store.previousResult('plan-ngokbay', 'key-1')).toMatchObject({ duplicate: true, nextExpectedVersion: 2 });

    const back = await open(mongoAdapter, 'copy_back');
    expect((await copyEventStore(pg.store, back.store)).verification.identical).toBe(true);

    const next = await pg.store.append('plan-ngokbay', [{ type: 'TargetSet', data: { n: 99 } }], { expectedVersion: 7, metadata: testMetadata });
    expect(next.events[0].globalPosition).toBeGreaterThan(report.copied.position);
    expect(await pg.store.verifyStream('plan-ngokbay')).toMatchObject({ ok: true, events: 8 });
  });

  it('names what differs when a copy was edited, and refuses to copy into a store that is not empty', async () => {
    const source = await open(postgresAdapter, 'copy_src2');
    await seed(source);
    const target = await open(mongoAdapter, 'copy_dst2');
    await copyEventStore(source.store, target.store);
    const edited = (await target.store.readStream('plan-ngokbay'))[3];
    await target.tamper.editEventData('plan-ngokbay', 4, { n: 1000 });

    const comparison = await compareEventStores(source.store, target.store);
    expect(comparison.identical).toBe(false);
    expect(comparison.firstDifference).toMatchObject({ reason: 'the commits differ' });
    expect(comparison.brokenChains).toEqual([expect.objectContaining({ streamId: 'plan-ngokbay', streamVersion: 4, eventId: edited.id, reason: expect.stringMatching(/edited/) })]);
    expect(comparison.source.digest).not.toBe(comparison.target.digest);

    await expect(copyEventStore(source.store, target.store)).rejects.toBeInstanceOf(Conflict);
  });
});
