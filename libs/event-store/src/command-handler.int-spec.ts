import { Test } from '@nestjs/testing';
import { MongooseModule, getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { SnapshottableDecider, EventSourcedCommandHandler } from './command-handler';
import { DomainRuleViolation, VersionConflict } from '@nangsuat/event-sourcing';
import { EventStoreModule } from './event-store.module';
import { MongoEventStore } from './mongo-event-store';
import { COMMAND_HANDLER, CommandHandlerPort, EVENT_STORE, EventStore } from './ports';
import { PostgresEventStore } from './postgres/postgres-event-store';
import { storeAdapters, testPostgresUrl, TestStore } from './testing/adapters';
import { testMetadata } from './testing/mongo';

type Cmd = { kind: 'register'; seats: number } | { kind: 'enrol'; person: string };
type Ev = { type: 'CourseRegistered'; data: { seats: number } } | { type: 'PersonEnrolled'; data: { person: string } };
type Course = { seats: number; enrolled: string[]; folds: number };

const course: SnapshottableDecider<Cmd, Ev, Course> = {
  initialState: () => ({ seats: 0, enrolled: [], folds: 0 }),
  evolve: (s, e) =>
    e.type === 'CourseRegistered'
      ? { ...s, seats: e.data.seats, folds: s.folds + 1 }
      : { ...s, enrolled: [...s.enrolled, e.data.person], folds: s.folds + 1 },
  decide: (c, s) => {
    if (c.kind === 'register') return [{ type: 'CourseRegistered', data: { seats: c.seats } }];
    if (s.enrolled.includes(c.person)) return [];
    if (s.enrolled.length >= s.seats) throw new DomainRuleViolation('The course is full');
    return [{ type: 'PersonEnrolled', data: { person: c.person } }];
  },
  snapshot: { schemaVersion: 1, isValid: (x): x is Course => typeof x === 'object' && x !== null && Array.isArray((x as Course).enrolled) },
};

describe.each(storeAdapters)('EventSourcedCommandHandler ($name)', (adapter) => {
  let opened: TestStore;
  let store: EventStore;
  let handler: EventSourcedCommandHandler;
  const opts = { metadata: testMetadata };

  beforeAll(async () => {
    opened = await adapter.open('handler', { boundedContext: 'training' });
    store = opened.store;
    handler = new EventSourcedCommandHandler(store, { snapshotEvery: 3, conflictRetries: 10 });
  });
  afterAll(() => opened.drop());

  it('folds, decides and appends; a refused command writes nothing', async () => {
    const r = await handler.handle('course-1', course, { kind: 'register', seats: 1 }, opts);
    expect(r).toMatchObject({ version: 1, state: { seats: 1 }, duplicate: false });
    await handler.handle('course-1', course, { kind: 'enrol', person: 'an' }, opts);
    await expect(handler.handle('course-1', course, { kind: 'enrol', person: 'binh' }, opts)).rejects.toBeInstanceOf(DomainRuleViolation);
    expect(await store.streamVersion('course-1')).toBe(2);
  });

  it('concurrent commands without an expected version are retried against fresh state: no lost update', async () => {
    await handler.handle('course-2', course, { kind: 'register', seats: 100 }, opts);
    const people = Array.from({ length: 8 }, (_, i) => `p${i}`);
    await Promise.all(people.map((person) => handler.handle('course-2', course, { kind: 'enrol', person }, opts)));
    const { state, version } = await handler.load('course-2', course);
    expect(version).toBe(9);
    expect([...state.enrolled].sort()).toEqual(people);
  });

  it('an explicit expected version (If-Match) surfaces the conflict instead of retrying', async () => {
    await handler.handle('course-3', course, { kind: 'register', seats: 5 }, opts);
    await handler.handle('course-3', course, { kind: 'enrol', person: 'an' }, { ...opts, expectedVersion: 1 });
    await expect(handler.handle('course-3', course, { kind: 'enrol', person: 'binh' }, { ...opts, expectedVersion: 1 })).rejects.toBeInstanceOf(VersionConflict);
  });

  it('a repeated command id returns the first result', async () => {
    await handler.handle('course-4', course, { kind: 'register', seats: 5 }, opts);
    const first = await handler.handle('course-4', course, { kind: 'enrol', person: 'an' }, { ...opts, commandId: 'c-77' });
    const again = await handler.handle('course-4', course, { kind: 'enrol', person: 'chi' }, { ...opts, commandId: 'c-77' });
    expect(again.duplicate).toBe(true);
    expect(again.events.map((e) => e.id)).toEqual(first.events.map((e) => e.id));
    expect(await store.streamVersion('course-4')).toBe(2);
  });

  it('tells its after-commit listeners of each commit before answering (not of refusals, no-ops or repeats); a failing listener does not undo the command', async () => {
    const told: { streamId: string; types: string[] }[] = [];
    const warnings: string[] = [];
    const observed = new EventSourcedCommandHandler(store, { logger: { warn: (m) => warnings.push(m) } });
    observed.afterCommit(async (streamId, events) => {
      told.push({ streamId, types: events.map((e) => e.type) });
    });
    observed.afterCommit(async () => {
      throw new Error('read model away');
    });
    await observed.handle('course-9', course, { kind: 'register', seats: 1 }, opts);
    const enrolled = await observed.handle('course-9', course, { kind: 'enrol', person: 'an' }, { ...opts, commandId: 'c-9' });
    expect(told).toEqual([
      { streamId: 'course-9', types: ['CourseRegistered'] },
      { streamId: 'course-9', types: ['PersonEnrolled'] },
    ]);
    await observed.handle('course-9', course, { kind: 'enrol', person: 'an' }, opts); // no-op: already enrolled
    await observed.handle('course-9', course, { kind: 'enrol', person: 'an' }, { ...opts, commandId: 'c-9' }); // repeat
    await expect(observed.handle('course-9', course, { kind: 'enrol', person: 'binh' }, opts)).rejects.toBeInstanceOf(DomainRuleViolation);
    expect(told).toHaveLength(2);
    expect(enrolled).toMatchObject({ version: 2, duplicate: false });
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('course-9');
  });

  it('decides on the stream its caller has just read (no second read), tells listeners the whole stream, and a stale read costs only a retry', async () => {
    const plain = new EventSourcedCommandHandler(store, { conflictRetries: 3 });
    const told: number[][] = [];
    plain.afterCommit(async (_streamId, _events, stream) => {
      told.push((stream?.events ?? []).map((e) => e.streamVersion));
    });
    await plain.handle('course-6', course, { kind: 'register', seats: 5 }, opts);
    expect(told).toEqual([[1]]);
    const loaded = await plain.load('course-6', course);
    expect(loaded.history?.map((e) => e.streamVersion)).toEqual([1]);
    const reads = jest.spyOn(store, 'readStream');
    try {
      await plain.handle('course-6', course, { kind: 'enrol', person: 'an' }, { ...opts, history: loaded.history });
      expect(reads).not.toHaveBeenCalled();
      expect(told.at(-1)).toEqual([1, 2]);
      // Stale: a command got in after the read. The append refuses it, the retry reads, nothing is lost.
      await plain.handle('course-6', course, { kind: 'enrol', person: 'binh' }, opts);
      reads.mockClear();
      const late = await plain.handle('course-6', course, { kind: 'enrol', person: 'chi' }, { ...opts, history: loaded.history });
      expect(reads).toHaveBeenCalled();
      expect(late.state.enrolled).toEqual(['an', 'binh', 'chi']);
      expect(told.at(-1)).toEqual([1, 2, 3, 4]);
      // If-Match that the caller's read already contradicts: the stream is read, and the conflict is real.
      await expect(plain.handle('course-6', course, { kind: 'enrol', person: 'dung' }, { ...opts, expectedVersion: 4, history: loaded.history })).resolves.toMatchObject({ version: 5 });
    } finally {
      reads.mockRestore();
    }
  });

  it('refuses to decide on a history edited in the database (409 integrity-violation naming the event)', async () => {
    await handler.handle('course-edited', course, { kind: 'register', seats: 1 }, opts);
    const first = (await store.readStream('course-edited'))[0];
    await opened.tamper.editEventData('course-edited', 1, { seats: 100 });
    await expect(handler.handle('course-edited', course, { kind: 'enrol', person: 'an' }, opts)).rejects.toMatchObject({
      code: 'integrity-violation',
      details: { streamVersion: 1, eventId: first.id },
    });
    expect(await store.streamVersion('course-edited')).toBe(1);
  });

  it('uses a snapshot every N events, but never over the events: unknown or stale snapshots are ignored', async () => {
    await handler.handle('course-5', course, { kind: 'register', seats: 10 }, opts);
    for (const person of ['a', 'b', 'c']) await handler.handle('course-5', course, { kind: 'enrol', person }, opts);
    const snap = await store.snapshots.load('course-5');
    expect(snap).toMatchObject({ version: 3, schemaVersion: 1 });

    // Folding from the snapshot evolves only the events after it.
    const fromSnapshot = await handler.load('course-5', course);
    expect(fromSnapshot).toMatchObject({ version: 4, state: { enrolled: ['a', 'b', 'c'], folds: 4 } });
    await opened.tamper.editSnapshot('course-5', { state: { ...(snap!.state as Course), folds: 100 } });
    expect((await handler.load('course-5', course)).state.folds).toBe(101);

    // Unknown shape, unknown schema version, or a snapshot the events contradict: folded from scratch.
    await opened.tamper.editSnapshot('course-5', { state: { something: 'else' } });
    expect((await handler.load('course-5', course)).state).toEqual({ seats: 10, enrolled: ['a', 'b', 'c'], folds: 4 });
    await opened.tamper.editSnapshot('course-5', { state: { seats: 1, enrolled: [], folds: 100 }, schemaVersion: 2 });
    expect((await handler.load('course-5', course)).state.folds).toBe(4);
    await opened.tamper.editSnapshot('course-5', { schemaVersion: 1, eventHash: 'f'.repeat(64) });
    expect((await handler.load('course-5', course)).state).toEqual({ seats: 10, enrolled: ['a', 'b', 'c'], folds: 4 });
  });
});

describe('EventStoreModule.forRoot', () => {
  const savedUrl = process.env.EVENT_STORE_URL;
  afterEach(() => (savedUrl === undefined ? delete process.env.EVENT_STORE_URL : (process.env.EVENT_STORE_URL = savedUrl)));

  it('with EVENT_STORE_URL=postgres://… provides the PostgreSQL store in a schema named like the service database', async () => {
    process.env.EVENT_STORE_URL = testPostgresUrl();
    const uri = process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017';
    const dbName = `test_module_pg_${Date.now().toString(36)}`;
    const moduleRef = await Test.createTestingModule({
      imports: [MongooseModule.forRoot(uri, { dbName }), EventStoreModule.forRoot({ boundedContext: 'awards' })],
    }).compile();
    const app = moduleRef.createNestApplication();
    await app.init();
    const store = app.get<PostgresEventStore>(EVENT_STORE);
    try {
      expect(store).toBeInstanceOf(PostgresEventStore);
      expect(store.schema).toBe(dbName);
      const r = await app.get<CommandHandlerPort>(COMMAND_HANDLER).handle('course-pg', course, { kind: 'register', seats: 2 }, { metadata: testMetadata });
      expect(r.version).toBe(1);
      const { rows } = await store.pool.query(`SELECT version FROM "${dbName}".schema_version`);
      expect(rows).toEqual([{ version: 1 }]);
      await store.drop();
    } finally {
      await app.close();
    }
  });

  it('without EVENT_STORE_URL provides EVENT_STORE and COMMAND_HANDLER over the default mongoose connection', async () => {
    delete process.env.EVENT_STORE_URL;
    const uri = process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017';
    const dbName = `test_module_${Date.now().toString(36)}`;
    const moduleRef = await Test.createTestingModule({
      imports: [MongooseModule.forRoot(uri, { dbName }), EventStoreModule.forRoot({ boundedContext: 'awards', snapshotEvery: 50 })],
    }).compile();
    const app = moduleRef.createNestApplication();
    await app.init();
    try {
      const store = app.get<MongoEventStore>(EVENT_STORE);
      const handler = app.get<CommandHandlerPort>(COMMAND_HANDLER);
      expect(store).toBeInstanceOf(MongoEventStore);
      expect(store.boundedContext).toBe('awards');
      const r = await handler.handle('course-m', course, { kind: 'register', seats: 2 }, { metadata: testMetadata });
      expect(r.version).toBe(1);
      const indexes = (await store.commits.listIndexes().toArray()).map((i) => i.name);
      expect(indexes).toEqual(expect.arrayContaining(['stream_version_unique', 'command_id_unique']));
      await app.get<Connection>(getConnectionToken()).dropDatabase();
    } finally {
      await app.close();
    }
  });
});
