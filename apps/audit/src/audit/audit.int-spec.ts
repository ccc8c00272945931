import { randomBytes } from 'node:crypto';
import { INestApplication, ValidationPipe } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { Kafka, logLevel } from 'kafkajs';
import type { Connection } from 'mongoose';
import { CommitDocument, DomainEvent, EventMetadata, MongoEventStore, RecordedEvent, withHash } from '@nangsuat/event-store';
import { connectTestDatabase } from '@nangsuat/event-store/testing/mongo';
import { eventToMessage } from '@nangsuat/messaging';
import { BackfillService } from './backfill/backfill.service';
import { CheckpointService } from './checkpoints/checkpoint.service';
import { TOPIC_NAMING } from './common/contexts';
import { IngestEventHandler } from './ledger/ingest-event.handler';
import { LedgerRepository } from './ledger/ledger.repository';
import { VerifyStreamHandler } from './stream-verification/verify-stream.handler';
import { StoreReconciliation } from './store-reconciliation/store-reconciliation.service';
import { postgresAdapter } from '@nangsuat/event-store/testing/adapters';

/**
 * The audit service against the real FerretDB, Kafka and Keycloak: ledger ingestion from Kafka,
 * chain verification on arrival, tampering in the ledger and in a service's store detected and
 * named, checkpoints, and access (auditors only, read only) with real Keycloak tokens.
 */
const issuer = process.env.OIDC_ISSUER ?? 'http://127.0.0.1:8080/realms/nangsuat';
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const suffix = randomBytes(4).toString('hex');
const topicOf = (context: string) => `test.audit.${suffix}.${context}.events`;
const auditDb = `test_audit_${suffix}`;

async function tokenFor(username: string): Promise<string> {
  const res = await fetch(`${issuer}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'nangsuat-cli', username, password: 'demo-password' }),
  });
  const body = (await res.json()) as { access_token?: string };
  if (!body.access_token) throw new Error(`no token for ${username}`);
  return body.access_token;
}

const metadata = (username: string, unit: string, reason?: string): EventMetadata => ({
  actor: { id: `id-${username}`, username, unit, roles: ['commune-officer'] },
  unit,
  reason,
  correlationId: `corr-${randomBytes(3).toString('hex')}`,
});

const enterpriseId = `mst-01001075${suffix.slice(0, 2)}`;
const enterpriseStream = `enterprise-${enterpriseId}`;
const registered: DomainEvent = {
  type: 'EnterpriseRegistered',
  data: { enterpriseId, taxCode: '0100107518', name: 'Công ty Cà phê Ngọk Bay', unitCode: '51-NGOKBAY', sector: 'cà phê', size: 'small', group: 'sme', registeredAt: '2025-07-01T08:00:00+07:00' },
};
const updated = (changes: object): DomainEvent => ({ type: 'EnterpriseProfileUpdated', data: { enterpriseId, unitCode: '51-NGOKBAY', changes, updatedAt: new Date().toISOString() } });

describe('audit service (FerretDB, Kafka, Keycloak)', () => {
  let app: INestApplication;
  let source: { connection: Connection; drop: () => Promise<void> };
  let store: MongoEventStore;
  let ledger: LedgerRepository;
  let ingest: IngestEventHandler;
  let kafka: Kafka;
  const tokens: Record<string, string> = {};
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    process.env.PORT ??= '3999';
    process.env.MONGODB_URI ??= 'mongodb://127.0.0.1:27017';
    process.env.KAFKA_BROKERS ??= '127.0.0.1:9092';
    process.env.OIDC_ISSUER ??= issuer;
    process.env.MONGODB_DB = auditDb;
    // This test reconciles the stores it made itself, on request; the periodic pass over the
    // platform's stores (nangsuat_<context>) would find this test's ledger entries missing there.
    process.env.AUDIT_RECONCILE_INTERVAL_MS = '0';
    const { AppModule } = await import('../app.module');
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
      .overrideProvider(TOPIC_NAMING)
      .useValue(topicOf)
      .compile();
    app = moduleRef.createNestApplication();
    app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
    await app.init();
    ledger = app.get(LedgerRepository);
    ingest = app.get(IngestEventHandler);
    await ledger.ensureIndexes();

    source = await connectTestDatabase('audit_source_store');
    store = new MongoEventStore(source.connection, { boundedContext: 'support-programs' });
    kafka = new Kafka({ clientId: 'audit-int-test', brokers, logLevel: logLevel.NOTHING });
    for (const user of ['auditor.vn', 'kh.admin', 'ngokbay.officer']) tokens[user] = await tokenFor(user);
  });

  afterAll(async () => {
    await app?.get<Connection>(getConnectionToken()).dropDatabase().catch(() => undefined);
    await app?.close();
    await source?.drop();
    const admin = kafka?.admin();
    if (admin) {
      await admin.connect();
      await admin.deleteTopics({ topics: [topicOf('support-programs')] }).catch(() => undefined);
      await admin.disconnect();
    }
  });

  describe('ledger fed from Kafka', () => {
    let published: RecordedEvent[];

    beforeAll(async () => {
      await store.append(enterpriseStream, [registered], { expectedVersion: 'no-stream', metadata: metadata('ngokbay.officer', '51-NGOKBAY') });
      await store.append(enterpriseStream, [updated({ size: 'medium' })], { expectedVersion: 1, metadata: metadata('ngokbay.officer', '51-NGOKBAY', 'mở rộng sản xuất') });
      await store.append(enterpriseStream, [updated({ sector: 'cà phê, hồ tiêu' })], { expectedVersion: 2, metadata: metadata('ngokbay.officer', '51-NGOKBAY') });
      published = await store.readStream(enterpriseStream);
      const producer = kafka.producer({ allowAutoTopicCreation: true });
      await producer.connect();
      // Published twice (at-least-once delivery): the ledger keeps one copy of each.
      await producer.send({ topic: topicOf('support-programs'), messages: [...published, ...published].map(eventToMessage) });
      await producer.disconnect();
    });

    it('backfills a topic from offset 0 with a fresh consumer, idempotently', async () => {
      const backfill = app.get(BackfillService);
      const run = await backfill.run('support-programs');
      expect(run).toMatchObject({ status: 'done', expected: 6, read: 6, counts: { stored: 3, duplicate: 3, conflict: 0, failed: 0 }, anomalies: 0 });
      const again = await backfill.run('support-programs');
      expect(again.counts).toMatchObject({ stored: 0, duplicate: 6 });
      expect(await ledger.ledger.countDocuments({ 'event.streamId': enterpriseStream })).toBe(3);
      // The runs, newest first, for the auditor and the administrator; another context's filter finds neither.
      const auth = { authorization: `Bearer ${tokens['auditor.vn']}` };
      const listed = await http().get('/audit/backfill/runs').query({ context: 'support-programs' }).set(auth).expect(200);
      expect(listed.body.items.slice(0, 2).map((r: { id: string }) => r.id)).toEqual([again._id, run._id]);
      expect(listed.body.items[0]).toMatchObject({ context: 'support-programs', status: 'done', counts: { stored: 0, duplicate: 6 } });
      expect(listed.body.items[0].failures).toBeUndefined();
      const others = await http().get('/audit/backfill/runs').query({ context: 'awards' }).set(auth).expect(200);
      expect(others.body.items.map((r: { id: string }) => r.id)).not.toContain(run._id);
      await http().get('/audit/backfill/runs').query({ context: 'nowhere' }).set(auth).expect(400);
      await http().get('/audit/backfill/runs').set({ authorization: `Bearer ${tokens['ngokbay.officer']}` }).expect(403);
    });

    it('serves the timeline, the state as of a version, and a diff to an auditor', async () => {
      const auth = { authorization: `Bearer ${tokens['auditor.vn']}` };
      const timeline = await http().get(`/audit/streams/${enterpriseStream}/timeline`).set(auth).expect(200);
      expect(timeline.body).toMatchObject({ streamId: enterpriseStream, entity: 'enterprise', total: 3 });
      expect(timeline.body.items[1]).toMatchObject({ streamVersion: 2, who: { username: 'ngokbay.officer' }, reason: 'mở rộng sản xuất' });

      const state = await http().get(`/audit/streams/${enterpriseStream}/state`).query({ version: 2 }).set(auth).expect(200);
      expect(state.body).toMatchObject({ version: 2, state: { status: 'registered', profile: { size: 'medium', sector: 'cà phê' } } });
      const before = await http().get(`/audit/streams/${enterpriseStream}/state`).query({ asOf: '2000-01-01' }).set(auth).expect(200);
      expect(before.body).toMatchObject({ version: 0, exists: false });

      const diff = await http().get(`/audit/streams/${enterpriseStream}/diff`).query({ from: 1, to: 3 }).set(auth).expect(200);
      expect(diff.body.changes).toEqual([
        { op: 'changed', path: 'profile.sector', before: 'cà phê', after: 'cà phê, hồ tiêu' },
        { op: 'changed', path: 'profile.size', before: 'small', after: 'medium' },
      ]);

      const csv = await http().get(`/audit/users/ngokbay.officer/activity`).query({ format: 'csv' }).set(auth).expect(200);
      expect(csv.headers['content-type']).toMatch(/text\/csv/);
      expect(csv.text.split('\r\n').filter(Boolean)).toHaveLength(4);
      const changes = await http().get('/audit/units/51/changes').set(auth).expect(200);
      expect(changes.body.total).toBe(3);
      const none = await http().get('/audit/units/56/changes').set(auth).expect(200);
      expect(none.body.total).toBe(0);
    });
  });

  describe('tampering', () => {
    const stream = `support-programme-tamper-${suffix}`;
    let events: RecordedEvent[];

    beforeAll(async () => {
      const m = metadata('kh.admin', '56');
      await store.append(stream, [{ type: 'SupportProgrammeCreated', data: { programmeId: 'x', name: 'Chương trình' } }], { expectedVersion: 'no-stream', metadata: m });
      for (let v = 1; v <= 4; v++) await store.append(stream, [{ type: 'SupportProgrammeUpdated', data: { n: v } }], { expectedVersion: v, metadata: m });
      events = await store.readStream(stream);
      for (const e of events) await ingest.ingest('support-programs', e);
    });

    it('finds the ledger intact at first', async () => {
      const verdict = await app.get(VerifyStreamHandler).handle(stream);
      expect(verdict).toMatchObject({ ok: true, ledgerChain: { ok: true, events: 5 } });
    });

    it('names an event edited, deleted or reordered in the ledger (chain and checkpoint)', async () => {
      const checkpoints = app.get(CheckpointService);
      const date = (await ledger.ledger.findOne({ _id: events[0].id }))!.day;
      const exported = await checkpoints.get('support-programs', date, new Date('2999-01-01'));
      expect(exported.leaves.map((l) => l.eventId)).toEqual(expect.arrayContaining(events.map((e) => e.id)));

      // Edit: event v2's data changed in place.
      await ledger.ledger.updateOne({ _id: events[1].id }, { $set: { 'event.data.n': 999 } });
      let chain = await app.get(VerifyStreamHandler).handle(stream);
      expect(chain.ledgerChain).toMatchObject({ ok: false, brokenAt: { eventId: events[1].id, streamVersion: 2, reason: expect.stringMatching(/edited/) } });
      let check = await checkpoints.verify(exported);
      expect(check.intact).toBe(false);
      expect(check.findings).toEqual([expect.objectContaining({ kind: 'changed', eventId: events[1].id, fields: ['hash'] })]);
      await ledger.ledger.updateOne({ _id: events[1].id }, { $set: { 'event.data.n': 1 } });

      // Reorder: events v3 and v4 swap their global positions.
      const [p3, p4] = [events[2].globalPosition, events[3].globalPosition];
      await ledger.ledger.updateOne({ _id: events[2].id }, { $set: { 'event.globalPosition': p4 } });
      await ledger.ledger.updateOne({ _id: events[3].id }, { $set: { 'event.globalPosition': p3 } });
      check = await checkpoints.verify(exported);
      const named = check.findings.map((f) => `${f.kind}:${f.eventId}`);
      expect(named).toEqual(expect.arrayContaining([`changed:${events[2].id}`, `changed:${events[3].id}`]));
      expect(check.findings.some((f) => f.kind === 'reordered' && [events[2].id, events[3].id].includes(f.eventId))).toBe(true);
      await ledger.ledger.updateOne({ _id: events[2].id }, { $set: { 'event.globalPosition': p3 } });
      await ledger.ledger.updateOne({ _id: events[3].id }, { $set: { 'event.globalPosition': p4 } });

      // Delete: event v4 removed.
      const removed = (await ledger.ledger.findOne({ _id: events[3].id }))!;
      await ledger.ledger.deleteOne({ _id: events[3].id });
      chain = await app.get(VerifyStreamHandler).handle(stream);
      expect(chain.ledgerChain).toMatchObject({ ok: false, brokenAt: { eventId: events[4].id, reason: expect.stringMatching(/version 4 is missing/) } });
      check = await checkpoints.verify(exported);
      expect(check.findings).toEqual([expect.objectContaining({ kind: 'removed', eventId: events[3].id, streamVersion: 4 })]);
      await ledger.ledger.insertOne(removed);

      expect((await checkpoints.verify(exported)).intact).toBe(true);
      // An auditor verifies by root over HTTP (GET: auditors may not POST).
      await checkpoints.seal('support-programs', date).catch(() => undefined);
      const byRoot = await http()
        .get('/audit/checkpoints/verify')
        .query({ context: 'support-programs', date, root: (await checkpoints.get('support-programs', date)).root })
        .set({ authorization: `Bearer ${tokens['auditor.vn']}` })
        .expect(200);
      expect(byRoot.body).toMatchObject({ storedCheckpoint: 'matches-root', checkpointConsistent: true });
    });

    it('names an event edited in a service store (hash recomputed): reconciliation and the next published event', async () => {
      const commits = store.commits;
      const commit = (await commits.findOne({ streamId: stream, firstVersion: 5 })) as CommitDocument;
      const original = events[4];
      const forged = withHash({ ...original, data: { n: 4000 } });
      await commits.updateOne({ _id: commit._id }, { $set: { 'events.0.data': forged.data, 'events.0.hash': forged.hash } });

      const reconciliation = await app.get(VerifyStreamHandler).reconcile(stream, store);
      expect(reconciliation.differences).toEqual([expect.objectContaining({ kind: 'content-differs', eventId: original.id, streamVersion: 5, fields: ['data', 'hash'], sourceHashRecomputed: true })]);

      // The service, restarted (a writer remembers the heads it wrote itself, so only a process that
      // reads the stream sees the edit), appends on top of the forged hash: the ledger flags the next event.
      const restarted = new MongoEventStore(source.connection, { boundedContext: 'support-programs' });
      const next = await restarted.append(stream, [{ type: 'SupportProgrammeUpdated', data: { n: 5 } }], { expectedVersion: 5, metadata: metadata('kh.admin', '56') });
      const result = await ingest.ingest('support-programs', next.events[0]);
      expect(result.anomalies).toEqual([expect.objectContaining({ kind: 'prev-hash-mismatch', eventId: next.events[0].id, streamVersion: 6, expected: original.hash, actual: forged.hash })]);
      // The forged copy, republished, is refused and named.
      const republished = await ingest.ingest('support-programs', forged);
      expect(republished).toMatchObject({ outcome: 'conflict', anomalies: [{ kind: 'content-conflict', eventId: original.id }] });
    });

    it('names an event deleted from a service store', async () => {
      const commit = (await store.commits.findOne({ streamId: stream, firstVersion: 3 })) as CommitDocument;
      await store.commits.deleteOne({ _id: commit._id });
      const reconciliation = await app.get(VerifyStreamHandler).reconcile(stream, store);
      expect(reconciliation.sourceChain).toMatchObject({ ok: false, brokenAt: { streamVersion: 4 } });
      expect(reconciliation.differences).toEqual([{ kind: 'missing-in-source', streamVersion: 3, eventId: events[2].id }, expect.objectContaining({ kind: 'content-differs', streamVersion: 5 })]);

      const anomalies = await http().get('/audit/anomalies').query({ streamId: stream }).set({ authorization: `Bearer ${tokens['auditor.vn']}` }).expect(200);
      expect(anomalies.body.items.map((a: { kind: string }) => a.kind).sort()).toEqual(['content-conflict', 'prev-hash-mismatch']);
    });
  });

  describe('access', () => {
    const reads = [
      `/audit/streams/${enterpriseStream}/timeline`,
      `/audit/streams/${enterpriseStream}/state`,
      `/audit/streams/${enterpriseStream}/diff`,
      `/audit/streams/${enterpriseStream}/verify`,
      '/audit/users/ngokbay.officer/activity',
      '/audit/units/51/changes',
      '/audit/count-trail?metric=pilot-model-enterprises&unit=51',
      '/audit/anomalies',
      '/audit/checkpoints?context=support-programs&date=2025-07-01',
      '/audit/reports/plan?planId=x&from=2025-01-01&to=2025-12-31',
    ];

    it.each(reads)('GET %s: auditors only (403 for a province admin and a commune officer, 401 without a token)', async (path) => {
      await http().get(path).set({ authorization: `Bearer ${tokens['kh.admin']}` }).expect(403);
      await http().get(path).set({ authorization: `Bearer ${tokens['ngokbay.officer']}` }).expect(403);
      await http().get(path).expect(401);
      const asAuditor = await http().get(path).set({ authorization: `Bearer ${tokens['auditor.vn']}` });
      expect([200, 404]).toContain(asAuditor.status);
    });

    it('serves the count trail by plans indicator key and refuses the former metric names', async () => {
      const auth = { authorization: `Bearer ${tokens['auditor.vn']}` };
      const res = await http().get('/audit/count-trail').query({ metric: 'pilot-model-enterprises', unit: '51' }).set(auth).expect(200);
      expect(res.body).toMatchObject({ metric: 'pilot-model-enterprises', unit: '51', count: expect.any(Number), items: expect.any(Array) });
      expect(res.body.items.at(-1)?.runningCount ?? 0).toBe(res.body.count);
      await http().get('/audit/count-trail').query({ metric: 'pilot-models', unit: '51' }).set(auth).expect(400);
    });

    it('refuses every write of an auditor (403), with or without a body', async () => {
      const auth = { authorization: `Bearer ${tokens['auditor.vn']}` };
      await http().post('/audit/backfill/support-programs').set(auth).expect(403);
      for (const method of ['post', 'put', 'patch', 'delete'] as const) {
        const res = await http()[method](`/audit/streams/${enterpriseStream}/timeline`).set(auth);
        expect([403, 404]).toContain(res.status);
      }
      expect(await ledger.ledger.countDocuments({ 'event.streamId': enterpriseStream })).toBe(3);
    });

    it('lets anyone check a report hash and a posted checkpoint, naming only what the checkpoint names', async () => {
      const report = await http().get('/audit/reports/plan').query({ planId: 'none', from: '2025-01-01', to: '2025-12-31' }).set({ authorization: `Bearer ${tokens['auditor.vn']}` });
      expect(report.status).toBe(404);
      const forged = { plan: 'x', integrity: { sha256: '0'.repeat(64) } };
      const verdict = await http().post('/audit/reports/verify').send(forged).expect(200);
      expect(verdict.body).toMatchObject({ valid: false });

      const date = (await ledger.ledger.findOne({ 'event.streamId': enterpriseStream }))!.day;
      const exported = await http().get('/audit/checkpoints').query({ context: 'support-programs', date, format: 'json' }).set({ authorization: `Bearer ${tokens['auditor.vn']}` }).expect(200);
      expect(exported.headers['content-disposition']).toMatch(/attachment/);
      const intact = await http().post('/audit/checkpoints/verify').send(exported.body).expect(200);
      expect(intact.body).toMatchObject({ checkpointConsistent: true, findings: [] });
      const altered = { ...exported.body, leaves: exported.body.leaves.map((l: { eventId: string; hash: string }, i: number) => (i === 0 ? { ...l, hash: 'f'.repeat(64) } : l)) };
      const found = await http().post('/audit/checkpoints/verify').send(altered).expect(200);
      expect(found.body).toMatchObject({ checkpointConsistent: false, intact: false, findings: [{ kind: 'changed', eventId: exported.body.leaves[0].eventId }] });
    });
  });

  describe('the chain of sealed days', () => {
    it('chains each sealed day to the ones sealed before it; a past day rewritten consistently is named, and the head exported before no longer matches', async () => {
      const checkpoints = app.get(CheckpointService);
      const leaf = (i: number) => ({ eventId: `chain-${suffix}-${i}`, streamId: `nomination-chain-${suffix}`, streamVersion: i, globalPosition: i, type: 'NominationEvaluated', hash: String(i).padStart(64, '0') });
      await checkpoints.seal('awards', '2024-03-01', [leaf(1)]);
      await checkpoints.seal('awards', '2024-03-02', [leaf(2), leaf(3)]);
      const head = await http().get('/audit/checkpoints/chain').query({ context: 'awards' }).set({ authorization: `Bearer ${tokens['auditor.vn']}` }).expect(200);
      expect(head.body).toMatchObject({ consistent: true, head: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(head.body.days).toBeGreaterThanOrEqual(2);

      // Someone rewrites the first day: other leaves, and a root made to match them.
      const { merkleRoot } = await import('./domain/merkle');
      const forged = [{ ...leaf(1), hash: 'f'.repeat(64) }];
      await ledger.checkpoints.updateOne({ _id: 'awards:2024-03-01' }, { $set: { leaves: forged, root: merkleRoot(forged) } });
      const after = await http().get('/audit/checkpoints/chain').query({ context: 'awards', head: head.body.head }).set({ authorization: `Bearer ${tokens['auditor.vn']}` }).expect(200);
      expect(after.body).toMatchObject({ consistent: false, firstBroken: { date: '2024-03-01', reason: expect.stringMatching(/rewritten/) }, matchesExportedHead: false });
      await http().get('/audit/checkpoints/chain').query({ context: 'awards', head: 'nope' }).set({ authorization: `Bearer ${tokens['auditor.vn']}` }).expect(400);
    });
  });

  describe("reconciling a service's own store (PostgreSQL) with the ledger", () => {
    it('names an edit (hash recomputed or not), a removal and an insertion in the store, and an edit of the ledger copy', async () => {
      const source = await postgresAdapter.open('audit_reconcile', { boundedContext: 'awards' });
      try {
        const reconciliation = app.get(StoreReconciliation);
        const stream = `nomination-rec-${suffix}`;
        const published: RecordedEvent[] = [];
        for (let v = 0; v < 4; v++) {
          const { events } = await source.store.append(stream, [{ type: 'NominationEvaluated', data: { score: 70 + v } }], { expectedVersion: v === 0 ? 'no-stream' : v, metadata: metadata('ngokbay.officer', '51-NGOKBAY') });
          published.push(...events);
        }
        for (const event of published) await ingest.ingest('awards', event);
        const later = Date.now() + 10 * 60_000; // past the grace for events still on their way to the ledger

        expect((await reconciliation.reconcileWith('awards', source.store, later)).findings).toEqual([]);

        await source.tamper.editEventData(stream, 2, { score: 100 });
        await source.tamper.deleteCommit(stream, 3);
        await ledger.ledger.updateOne({ _id: published[3].id }, { $set: { 'event.metadata.unit': '56' } });
        const inserted = await source.sibling().append(`nomination-forged-${suffix}`, [{ type: 'NominationDecided', data: { awarded: true } }], { expectedVersion: 'no-stream', metadata: metadata('kh.admin', '56') });

        const report = await reconciliation.reconcileWith('awards', source.store, later);
        const named = report.findings.map((f) => `${f.kind} ${f.streamId} v${f.streamVersion} ${f.eventId}`).sort();
        expect(named).toEqual(
          [
            `edited-in-ledger ${stream} v4 ${published[3].id}`,
            `edited-in-store ${stream} v2 ${published[1].id}`,
            `not-in-ledger nomination-forged-${suffix} v1 ${inserted.events[0].id}`,
            `removed-from-store ${stream} v3 ${published[2].id}`,
          ].sort(),
        );
        // Recorded as anomalies, once each however often it runs.
        await reconciliation.reconcileWith('awards', source.store, later);
        const anomalies = await ledger.anomalies.find({ context: 'awards', source: 'store-reconciliation' }).toArray();
        expect(anomalies.map((a) => a.kind).sort()).toEqual(['edited-in-ledger', 'edited-in-store', 'not-in-ledger', 'removed-from-store']);

        // An auditor asks over HTTP; another role may not.
        await http().get('/audit/stores/nowhere/reconcile').set({ authorization: `Bearer ${tokens['auditor.vn']}` }).expect(404);
        // A day not sealed yet says so, instead of a bare intact: false.
        const unsealed = await http()
          .get('/audit/checkpoints/verify')
          .query({ context: 'awards', date: '2024-01-02', root: 'a'.repeat(64) })
          .set({ authorization: `Bearer ${tokens['auditor.vn']}` })
          .expect(200);
        expect(unsealed.body).toMatchObject({ storedCheckpoint: 'missing', findings: [], note: expect.stringContaining('sealed yet') });
        await http().get('/audit/stores/awards/reconcile').set({ authorization: `Bearer ${tokens['ngokbay.officer']}` }).expect(403);
      } finally {
        await source.drop();
      }
    });
  });
});
