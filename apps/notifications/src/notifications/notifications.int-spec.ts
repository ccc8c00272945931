import { randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';
import { tokenFor } from '@nangsuat/auth/testing';
import type { RecordedEvent } from '@nangsuat/event-sourcing';
import { eventsTopic, eventToMessage } from '@nangsuat/messaging';
import { testKafka } from '@nangsuat/messaging/testing/kafka';
import { startServiceForTest, ServiceTestApp } from '@nangsuat/service-runtime/testing';
import { AppModule } from '../app.module';

/**
 * The notifications service against the real Kafka (the other contexts' events), Keycloak (who holds
 * which role in which unit, through its admin API), Mailpit (the mail, read through its API) and
 * its read-model store (PostgreSQL beside its events when EVENT_STORE_URL is postgres://, as in the
 * suite; FerretDB otherwise): people are told once, however often an event or a reminder run repeats; a person who
 * switched email off for a kind gets it in the inbox only.
 */
const MAILPIT = process.env.MAILPIT_URL ?? `http://127.0.0.1:${process.env.MAIL_API_PORT ?? '8025'}`;
const run = Date.now().toString(36);

interface MailSummary {
  ID: string;
  Subject: string;
  To: { Address: string }[];
}

async function mailsTo(address: string, subjectContains: string): Promise<MailSummary[]> {
  const res = await fetch(`${MAILPIT}/api/v1/search?limit=200&query=${encodeURIComponent(`to:"${address}"`)}`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { messages: MailSummary[] };
  return body.messages.filter((m) => m.Subject.includes(subjectContains));
}

async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, attempts = 300): Promise<T> {
  let last = await read();
  for (let i = 1; i < attempts && !accept(last); i++) {
    await new Promise((r) => setTimeout(r, 200));
    last = await read();
  }
  return last;
}

/** As the relay publishes it; events of one record share its stream id, so Kafka keeps them in order (one partition). */
function recorded(type: string, data: Record<string, unknown>, id: string = randomUUID()): RecordedEvent {
  const now = new Date().toISOString();
  return {
    id,
    type,
    schemaVersion: 1,
    data,
    streamId: `test-stream-${String(data.registrationId ?? data.periodId ?? id)}`,
    streamVersion: 1,
    globalPosition: 1,
    occurredAt: now,
    recordedAt: now,
    metadata: { actor: { id: 'test', username: 'test', unit: '51' }, unit: '51', correlationId: id },
    prevHash: '',
    hash: '0'.repeat(64),
  };
}

describe('notifications: inbox, email and reminders (Kafka, Keycloak admin API, Mailpit)', () => {
  let service: ServiceTestApp;
  let producer: Producer;

  const publish = async (context: string, event: RecordedEvent) => {
    await producer.send({ topic: eventsTopic(context), messages: [eventToMessage(event)] });
  };
  const api = async (as: string, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${service.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${await tokenFor(as)}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  const inbox = async (as: string, containing: string) => ((await api(as, 'GET', '/notifications?pageSize=100')).body.items as { id: string; title: string; kind: string; email: string; read: boolean; link: { path: string } }[]).filter((i) => i.title.includes(containing));

  const submitted = (name: string, registrationId: string, id?: string) =>
    recorded(
      'RegistrationSubmitted',
      {
        registrationId,
        programmeId: `prog-${run}`,
        enterpriseId: 'mst-6101000011',
        unitCode: '51-NGOKBAY',
        programmeUnitCode: '51-NGOKBAY',
        taxCode: '6101000011',
        enterpriseName: name,
        enterpriseAccountId: 'DN-51-0001',
        group: 'cooperative',
        tools: ['5s'],
        submittedAt: new Date().toISOString(),
      },
      id,
    );

  beforeAll(async () => {
    process.env.REMINDER_INTERVAL_MINUTES = '0';
    service = await startServiceForTest({ service: 'notifications', rootModule: AppModule });
    producer = testKafka().producer();
    await producer.connect();
  });
  afterAll(async () => {
    await producer?.disconnect();
    await service?.close();
  });

  it('a submitted registration reaches the commune office: inbox (unread, link) and one email; nobody else', async () => {
    const name = `HTX Thông báo ${run} A`;
    await publish('support-programs', submitted(name, `prog-${run}:mst-a`));
    const items = await eventually(() => inbox('ngokbay.officer', name), (i) => i.length > 0);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: 'registration-submitted', read: false, link: { path: `/registrations/${encodeURIComponent(`prog-${run}:mst-a`)}` } });
    const mails = await eventually(() => mailsTo('ngokbay.officer@example.vn', name), (m) => m.length > 0);
    expect(mails).toHaveLength(1);
    expect((await api('ngokbay.officer', 'GET', '/notifications/unread-count')).body.unread).toBeGreaterThanOrEqual(1);
    expect(await inbox('dakcam.officer', name)).toEqual([]);
    expect(await mailsTo('dakcam.officer@example.vn', name)).toEqual([]);
    // Kept where the environment puts every service's query documents (PostgreSQL beside the events in the suite).
    expect(service.readModels.kind).toBe(/^postgres(ql)?:/.test(process.env.READ_MODELS_URL ?? process.env.EVENT_STORE_URL ?? '') ? 'postgres' : 'mongodb');
    expect(await service.readModels.collection('notifications').countDocuments({ _id: items[0].id })).toBe(1);
  });

  it('an event delivered twice notifies once', async () => {
    const name = `HTX Thông báo ${run} B`;
    const event = submitted(name, `prog-${run}:mst-b`);
    await publish('support-programs', event);
    await publish('support-programs', event);
    // A later event, processed after both copies: once it is in, the duplicate has been seen.
    const marker = `HTX Thông báo ${run} B-sau`;
    await publish('support-programs', submitted(marker, `prog-${run}:mst-b2`));
    await eventually(() => inbox('ngokbay.officer', marker), (i) => i.length > 0);
    await eventually(() => mailsTo('ngokbay.officer@example.vn', marker), (m) => m.length > 0);
    expect(await inbox('ngokbay.officer', `${name}`).then((i) => i.filter((x) => !x.title.includes(marker)))).toHaveLength(1);
    expect((await mailsTo('ngokbay.officer@example.vn', name)).filter((m) => !m.Subject.includes(marker))).toHaveLength(1);
  });

  it('marks read: one, then all; another person cannot touch my notifications', async () => {
    const name = `HTX Thông báo ${run} A`;
    const [item] = await inbox('ngokbay.officer', name);
    expect((await api('dakcam.officer', 'POST', `/notifications/${encodeURIComponent(item.id)}/read`)).status).toBe(404);
    const read = await api('ngokbay.officer', 'POST', `/notifications/${encodeURIComponent(item.id)}/read`);
    expect(read).toMatchObject({ status: 200, body: { read: true } });
    expect((await inbox('ngokbay.officer', name))[0].read).toBe(true);
    await api('ngokbay.officer', 'POST', '/notifications/read-all');
    expect((await api('ngokbay.officer', 'GET', '/notifications/unread-count')).body.unread).toBe(0);
  });

  it('a person who switched email off for a kind gets it in the inbox only', async () => {
    const prefs = await api('ent.ngokbay', 'PUT', '/notifications/preferences', { emailOff: ['registration-approved'] });
    expect(prefs.status).toBe(200);
    expect(prefs.body.kinds.find((k: { kind: string }) => k.kind === 'registration-approved').email).toBe(false);
    expect((await api('ent.ngokbay', 'PUT', '/notifications/preferences', { emailOff: ['everything'] })).status).toBe(400);

    const approvedName = `HTX Duyệt ${run}`;
    const rejectedName = `HTX Từ chối ${run}`;
    await publish('support-programs', submitted(approvedName, `prog-${run}:mst-c`));
    await publish('support-programs', submitted(rejectedName, `prog-${run}:mst-d`));
    await publish('support-programs', recorded('RegistrationApproved', { registrationId: `prog-${run}:mst-c`, programmeId: `prog-${run}-duyet`, unitCode: '51-NGOKBAY' }));
    await publish('support-programs', recorded('RegistrationRejected', { registrationId: `prog-${run}:mst-d`, programmeId: `prog-${run}-tuchoi`, unitCode: '51-NGOKBAY', reason: 'Thiếu hồ sơ' }));

    const rejected = await eventually(() => inbox('ent.ngokbay', `prog-${run}-tuchoi`), (i) => i.length > 0);
    expect(rejected[0]).toMatchObject({ kind: 'registration-rejected' });
    expect(await eventually(() => mailsTo('ent.ngokbay@example.vn', `prog-${run}-tuchoi`), (m) => m.length > 0)).toHaveLength(1);
    const approved = await eventually(() => inbox('ent.ngokbay', `prog-${run}-duyet`), (i) => i.length > 0);
    expect(approved[0]).toMatchObject({ kind: 'registration-approved', email: 'opted-out' });
    expect(await mailsTo('ent.ngokbay@example.vn', `prog-${run}-duyet`)).toEqual([]);
  });

  it('a reporting deadline is reminded 14 days ahead and once passed, each once however often the run repeats', async () => {
    // A year of its own, so that mail of earlier runs in the same Mailpit does not count.
    const y = 2100 + Math.floor(Math.random() * 800);
    const periodId = `period-${run}`;
    await publish('plans', recorded('ReportingPeriodOpened', { periodId, planId: `plan-${run}`, unit: '51-NGOKBAY-KONRLONG', year: y, periodStart: `${y}-01-01`, periodEnd: `${y}-12-31`, dueDate: `${y}-11-10` }));
    const runFor = async (day: string) => (await api('qn.admin', 'POST', '/notifications/reminders/run', { day })).body;
    // The period has reached the service once the 14-day reminder goes out for it (the registrations
    // of the tests above, still unreviewed that far ahead, are reminded to their office on the way).
    const dueSoon = () => inbox('konrlong.officer', `Còn 14 ngày đến hạn nộp báo cáo năm ${y}`);
    await eventually(async () => (await runFor(`27/10/${y}`), dueSoon()), (i) => i.length > 0);
    expect(await runFor(`27/10/${y}`)).toMatchObject({ day: `${y}-10-27`, delivered: 0 });
    expect(await runFor(`${y}-10-28`)).toMatchObject({ delivered: 0 });
    expect((await inbox('konrlong.officer', `báo cáo năm ${y}`)).filter((r) => r.kind === 'report-due')).toHaveLength(1);
    expect(await eventually(() => mailsTo('konrlong.officer@example.vn', `Còn 14 ngày đến hạn nộp báo cáo năm ${y}`), (m) => m.length > 0)).toHaveLength(1);

    expect(await runFor(`11/11/${y}`)).toMatchObject({ delivered: 1 });
    expect(await runFor(`12/11/${y}`)).toMatchObject({ delivered: 0 });
    expect((await inbox('konrlong.officer', `Quá hạn nộp báo cáo năm ${y}`)).filter((r) => r.kind === 'report-overdue')).toHaveLength(1);
    expect(await eventually(() => mailsTo('konrlong.officer@example.vn', `Quá hạn nộp báo cáo năm ${y}`), (m) => m.length > 0)).toHaveLength(1);
    expect((await api('konrlong.officer', 'POST', '/notifications/reminders/run', { day: `11/11/${y}` })).status).toBe(403);
    expect((await api('qn.admin', 'POST', '/notifications/reminders/run', { day: '2027-13-01' })).status).toBe(400);
  });
});
