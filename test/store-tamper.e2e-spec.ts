import mongoose from 'mongoose';
import { Client } from 'pg';
import { readModelsFromEnvironment } from '@nangsuat/read-models';
import { supportPrograms } from './access-matrix';
import { call, tokenFor } from './support/platform';

/**
 * Tamper evidence over every store, against the running platform (scripts/up.sh): an event edited
 * directly in a service's own PostgreSQL store, and another edited in the audit ledger's copy, are
 * both found and named — stream, version, event id and which copy — by the audit service's
 * continuous reconciliation (every minute), and at once when an auditor asks.
 */
const eventStoreUrl = process.env.EVENT_STORE_URL ?? 'postgres://nangsuat@127.0.0.1:5432/nangsuat';
const mongoUri = process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017';

async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (!accept(last) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    last = await read();
  }
  return last;
}

describe('tamper evidence across stores', () => {
  it("an edit in a service's store and an edit in the ledger are found and named within five minutes", async () => {
    const programmeId = await supportPrograms.ngokBayProgramme({ name: 'Chương trình kiểm tra toàn vẹn dữ liệu Ngọk Bay', capacity: 4 });
    const streamId = `support-programme-${programmeId}`;
    const admin = { token: await tokenFor('qn.admin') };
    expect((await call('support-programs', 'PATCH', `/programmes/${programmeId}`, { ...admin, body: { capacity: 6, reason: 'Thêm doanh nghiệp' } })).status).toBe(200);
    const auditor = { token: await tokenFor('auditor.vn') };
    const timeline = await eventually(() => call('audit', 'GET', `/audit/streams/${streamId}/timeline`, auditor), (r) => r.status === 200 && r.body.total >= 2, 60_000);
    const [first, second] = timeline.body.items as { eventId: string }[];

    // Someone with database access edits the first event in the service's own store...
    const pg = new Client({ connectionString: eventStoreUrl });
    await pg.connect();
    const edited = await pg.query(`UPDATE nangsuat_support_programs.events SET data = (data::jsonb || '{"capacity": 40}'::jsonb)::json WHERE stream_id = $1 AND stream_version = 1`, [streamId]);
    await pg.end();
    expect(edited.rowCount).toBe(1);
    // ... and someone else the ledger's copy of the second, wherever the audit service keeps it.
    const audit = await mongoose.createConnection(mongoUri, { dbName: 'nangsuat_audit' }).asPromise();
    const ledger = readModelsFromEnvironment(audit, { ...process.env, MONGODB_DB: 'nangsuat_audit' });
    const ledgerEdit = await ledger.collection<{ _id: string }>('ledger').updateOne({ _id: second.eventId }, { $set: { 'event.metadata.reason': 'Không có gì thay đổi' } });
    await ledger.close();
    await audit.close();
    expect(ledgerEdit.modifiedCount).toBe(1);

    // The continuous reconciliation names both, each on its copy.
    const named = (items: { kind: string; streamVersion: number; eventId: string }[]) => items.map((a) => `${a.kind} v${a.streamVersion} ${a.eventId}`).sort();
    const expected = [`edited-in-ledger v2 ${second.eventId}`, `edited-in-store v1 ${first.eventId}`];
    const anomalies = await eventually(
      () => call('audit', 'GET', `/audit/anomalies?status=open&streamId=${streamId}`, auditor),
      (r) => r.status === 200 && expected.every((e) => named(r.body.items).includes(e)),
      5 * 60_000,
    );
    expect(named(anomalies.body.items)).toEqual(expect.arrayContaining(expected));

    // The operators' health of the audit service turns amber, still ready.
    const health = await call('audit', 'GET', '/health/details', auditor);
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'degraded', concerns: { integrity: { status: 'degraded', detail: expect.stringContaining('open integrity anomal') } } });

    // An auditor asking now gets the same answer at once.
    const now = await call('audit', 'GET', '/audit/stores/support-programs/reconcile', auditor);
    expect(now.status).toBe(200);
    expect(named(now.body.findings.filter((f: { streamId: string }) => f.streamId === streamId))).toEqual(expected);
  }, 7 * 60_000);
});
