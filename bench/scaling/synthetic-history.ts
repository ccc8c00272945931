import type { ReadModelStore } from '@nangsuat/read-models';
/* A province's training history, made up but valid: whole course streams (scheduled, 30 registered,
 * attendance at two sessions, 25 completed — 116 events, one commit each, as one command each makes),
 * with envelopes and hash chains built exactly as the store builds them, written straight into the
 * store's tables (PostgreSQL) or commit documents (MongoDB) in large batches — not a million HTTP calls. */
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { CommitDocument, EventMetadata, MongoEventStore, RecordedEvent, toStoredEvent, withHash } from '@nangsuat/event-store';
import { courseProjection } from '../../apps/training/src/training/courses/course-view';
import { courseStreamId } from '@nangsuat/contracts/training';

export const EVENTS_PER_COURSE = 116;
const UNITS = ['51-NGOKBAY', '51-DAKCAM', '56-PHANRANG', '51', '56'];
const TOPICS = ['Tập huấn áp dụng công cụ 5S, Kaizen cho hợp tác xã', 'Nâng cao năng suất chất lượng sản phẩm OCOP', 'Quản lý chất lượng theo ISO 9001:2015', 'Chuyển đổi số cho doanh nghiệp nhỏ và vừa'];
const ORGS = ['HTX Nông nghiệp Ngọk Bay', 'Công ty TNHH Cà phê Đăk Cấm', 'HTX Dệt thổ cẩm Kon Rờ Lòng', 'Doanh nghiệp tư nhân Phan Rang'];

/** A course's events in order (a prefix of them when `count` is smaller). */
function courseEvents(n: number, count: number): { type: string; data: Record<string, unknown> }[] {
  const courseId = `pre-${n}`;
  const unitCode = UNITS[n % UNITS.length];
  const topic = `${TOPICS[n % TOPICS.length]} (khóa ${n})`;
  const month = String(1 + (n % 12)).padStart(2, '0');
  const year = 2024 + (n % 3);
  const startDate = `${year}-${month}-04`;
  const endDate = `${year}-${month}-05`;
  const at = (day: number, i: number) => new Date(Date.UTC(year, n % 12, day, 2, 0, i)).toISOString();
  const planDocumentNumber = `${4000 + (n % 50)}/KH-UBND`;
  const people = Array.from({ length: 30 }, (_, i) => ({ personId: `p-${n}-${i}`, fullName: `Nguyễn Thị Hoa ${n}-${i}`, organisationType: 'cooperative', organisationName: ORGS[(n + i) % ORGS.length] }));
  const events: { type: string; data: Record<string, unknown> }[] = [
    {
      type: 'CourseScheduled',
      data: {
        courseId, unitCode, topic, startDate, endDate, capacity: 30, trainerId: 'ngokbay.trainer',
        sessions: [{ sessionId: 's1', date: startDate }, { sessionId: 's2', date: endDate }], minAttendedSessions: 2, planDocumentNumber, scheduledAt: at(1, 0),
      },
    },
  ];
  people.forEach((p, i) => events.push({ type: 'TraineeRegistered', data: { courseId, unitCode, ...p, registeredAt: at(2, i) } }));
  for (const sessionId of ['s1', 's2']) people.forEach((p, i) => events.push({ type: 'AttendanceRecorded', data: { courseId, unitCode, sessionId, personId: p.personId, recordedAt: at(sessionId === 's1' ? 4 : 5, i) } }));
  people.slice(0, 25).forEach((p, i) =>
    events.push({
      type: 'TraineeCompleted',
      data: { courseId, unitCode, personId: p.personId, organisationType: p.organisationType, organisationName: p.organisationName, topic, planDocumentNumber, sessionsAttended: 2, completedAt: at(6, i) },
    }),
  );
  return events.slice(0, count);
}

/** One commit per event, hashed as CommitLogStore.buildCommit does. */
export function courseCommits(n: number, count: number, firstPosition: number): CommitDocument[] {
  const streamId = courseStreamId(`pre-${n}`);
  const unit = UNITS[n % UNITS.length];
  let prevHash = '';
  return courseEvents(n, count).map((event, i) => {
    const recordedAt = new Date(Date.UTC(2024 + (n % 3), n % 12, 1 + Math.floor(i / 40), 3, i % 60, 0));
    const metadata: EventMetadata = JSON.parse(
      JSON.stringify({ actor: { id: 'u-ngokbay-officer', username: 'ngokbay.officer', unit: '51-NGOKBAY', roles: ['commune-officer'] }, unit, correlationId: `pre-${n}-${i}` }),
    );
    const recorded = withHash({
      id: randomUUID(),
      type: event.type,
      schemaVersion: 1,
      data: event.data,
      streamId,
      streamVersion: i + 1,
      globalPosition: firstPosition + i,
      occurredAt: recordedAt.toISOString(),
      recordedAt: recordedAt.toISOString(),
      metadata,
      prevHash,
    });
    prevHash = recorded.hash;
    return {
      _id: firstPosition + i,
      lastPosition: firstPosition + i,
      streamId,
      firstVersion: i + 1,
      lastVersion: i + 1,
      commandId: `none:${firstPosition + i}`,
      recordedAt,
      metadata,
      events: [toStoredEvent(recorded)],
    };
  });
}

/** Where the history is written. */
export interface HistorySink {
  insert(commits: readonly CommitDocument[]): Promise<void>;
  /** The highest global position stored (the service appends between the preloads). */
  highestPosition(): Promise<number>;
}

export function postgresSink(pool: Pool, schema: string): HistorySink {
  const s = `"${schema}"`;
  return {
    async highestPosition() {
      const { rows } = await pool.query<{ max: string | null }>(`SELECT max(global_position) AS max FROM ${s}.events`);
      return Number(rows[0].max ?? 0);
    },
    async insert(commits) {
      const c = commits;
      const e = commits.map((x) => x.events[0]);
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(
          `INSERT INTO ${s}.commits (first_position, last_position, stream_id, first_version, last_version, command_id, recorded_at, metadata)
           SELECT p, p, sid, v, v, NULL, r, m::json FROM unnest($1::bigint[], $2::text[], $3::int[], $4::timestamptz[], $5::text[]) AS x(p, sid, v, r, m)`,
          [c.map((x) => x._id), c.map((x) => x.streamId), c.map((x) => x.firstVersion), c.map((x) => x.recordedAt), c.map((x) => JSON.stringify(x.metadata))],
        );
        await client.query(
          `INSERT INTO ${s}.events (global_position, commit_position, stream_id, stream_version, event_id, type, schema_version, data, occurred_at, prev_hash, hash)
           SELECT p, p, sid, v, id, t, 1, d::json, o, ph, h
           FROM unnest($1::bigint[], $2::text[], $3::int[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[]) AS x(p, sid, v, id, t, d, o, ph, h)`,
          [
            e.map((x) => x.globalPosition), c.map((x) => x.streamId), e.map((x) => x.streamVersion), e.map((x) => x.id), e.map((x) => x.type),
            e.map((x) => JSON.stringify(x.data)), e.map((x) => x.occurredAt), e.map((x) => x.prevHash), e.map((x) => x.hash),
          ],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

export function mongoSink(store: MongoEventStore): HistorySink {
  return {
    async highestPosition() {
      const last = await store.commits.find({}, { sort: { lastPosition: -1 }, limit: 1 }).toArray();
      return last[0]?.lastPosition ?? 0;
    },
    async insert(commits) {
      await store.commits.insertMany(commits as CommitDocument[], { ordered: false });
    },
  };
}

/**
 * Writes `events` more events as whole new courses (the last one cut short), from course number
 * `firstCourse`, after the highest global position stored; also writes each course's read-model document
 * (what the `training.courses` projection would hold), so lists see the history too.
 */
export async function writeHistory(
  sink: HistorySink,
  readModels: ReadModelStore,
  firstCourse: number,
  events: number,
  onProgress?: (written: number) => void,
): Promise<{ nextCourse: number; lastPosition: number; sampleStreams: string[] }> {
  // The read model as the service declares it (its fields and indexes), as a service that ran all along has it.
  const courses = courseProjection(undefined as never, readModels);
  await courses.ensureIndexes();
  const projection = courses.options;
  const views = courses.documents;
  let course = firstCourse;
  let position = (await sink.highestPosition()) + 1;
  let written = 0;
  let batch: CommitDocument[] = [];
  let documents: Record<string, unknown>[] = [];
  const sampleStreams: string[] = [];
  const pending: Promise<void>[] = [];
  const flush = async () => {
    const commits = batch;
    const docs = documents;
    batch = [];
    documents = [];
    // Two batches in flight: the database works on one while this process hashes the next.
    pending.push(sink.insert(commits).then(async () => void (docs.length && (await views.insertMany(docs)))));
    if (pending.length >= 2) await pending.shift();
  };
  while (written < events) {
    const count = Math.min(EVENTS_PER_COURSE, events - written);
    const commits = courseCommits(course, count, position);
    batch.push(...commits);
    const recorded = commits.flatMap((c) => c.events.map((e) => ({ ...e, streamId: c.streamId, recordedAt: c.recordedAt.toISOString(), metadata: c.metadata }) as unknown as RecordedEvent));
    const state = recorded.reduce((s, e) => projection.decider.evolve(s, e), projection.decider.initialState());
    const first = recorded[0];
    const last = recorded[recorded.length - 1];
    const stream = { streamId: first.streamId, version: last.streamVersion, createdAt: first.recordedAt, updatedAt: last.recordedAt, updatedBy: last.metadata.actor.username, unit: first.metadata.unit };
    const doc = projection.toDocument(state, stream);
    if (doc) documents.push({ _id: first.streamId, ...doc, _version: last.streamVersion, _stream: stream });
    if (sampleStreams.length < 50 || course % 97 === 0) sampleStreams.push(first.streamId);
    written += count;
    position += count;
    course++;
    if (batch.length >= 5000) {
      await flush();
      onProgress?.(written);
    }
  }
  if (batch.length) await flush();
  await Promise.all(pending);
  return { nextCourse: course, lastPosition: position - 1, sampleStreams };
}
