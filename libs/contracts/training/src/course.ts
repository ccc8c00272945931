import { Conflict, Decider, DomainRuleViolation, NotFound } from '@nangsuat/event-sourcing';
import { PERSON_ID_PATTERN, PLAN_DOCUMENT_NUMBER_PATTERN } from '@nangsuat/domain-values';
import { CourseEvent, CourseRef, CourseSession, ORGANISATION_TYPES, OrganisationType, Trainee } from './events';
import { optionalText, requireId, requireInstant, requireInteger, requireIsoDate, requireOneOf, requireText, requireUnitCode, vietnamDate } from './values';

/**
 * Course decider — stream `course-<courseId>`.
 *
 * One stream per course holds the schedule, every registration, the waiting list, attendance and
 * completions. Capacity and the waiting list therefore hold under concurrent registration: each
 * registration is decided against the folded course and appended with the stream's expected
 * version; a concurrent writer gets a VersionConflict, re-folds and re-decides (and so lands on the
 * waiting list if the last seat went to the other writer). A course is small (tens of trainees),
 * so one stream per course is cheap.
 *
 *   scheduled → cancelled
 *   per person: registered | waitlisted → (promoted) registered → completed
 *               registered | waitlisted → cancelled (→ may register again)
 *
 * Seats are held by registered and completed trainees. A cancellation of a registered trainee
 * promotes the first person on the waiting list in the same decision.
 *
 * Person-times: TraineeCompleted is emitted at most once per person per course (a repeated
 * CompleteTrainee returns no events), so the same person twice on one course counts once, and one
 * person on two courses (two streams) counts twice.
 */

export type TraineeStatus = 'registered' | 'waitlisted' | 'cancelled' | 'completed';

export interface TraineeRecord extends Trainee {
  readonly status: TraineeStatus;
  /** Session ids attended, in the order recorded. */
  readonly attended: readonly string[];
}

export interface CourseState {
  readonly status: 'none' | 'scheduled' | 'cancelled';
  readonly ref?: CourseRef;
  readonly topic?: string;
  readonly startDate?: string;
  readonly endDate?: string;
  readonly capacity: number;
  readonly trainerId?: string;
  readonly sessions: readonly CourseSession[];
  readonly minAttendedSessions: number;
  readonly planDocumentNumber?: string;
  readonly trainees: Readonly<Record<string, TraineeRecord>>;
  /** Person ids waiting, first in line first. */
  readonly waitlist: readonly string[];
}

export interface ScheduleCourse {
  readonly type: 'ScheduleCourse';
  readonly courseId: string;
  readonly unitCode: string;
  readonly topic: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly capacity: number;
  readonly trainerId: string;
  readonly sessions: readonly CourseSession[];
  /** Sessions a trainee must attend to complete; defaults to 1. */
  readonly minAttendedSessions?: number;
  readonly planDocumentNumber?: string;
  readonly now: string;
}

export interface RegisterTrainee {
  readonly type: 'RegisterTrainee';
  readonly trainee: Trainee;
  readonly now: string;
}

export interface CancelRegistration {
  readonly type: 'CancelRegistration';
  readonly personId: string;
  readonly reason?: string;
  readonly now: string;
}

export interface RecordAttendance {
  readonly type: 'RecordAttendance';
  readonly sessionId: string;
  readonly personId: string;
  readonly now: string;
}

export interface CompleteTrainee {
  readonly type: 'CompleteTrainee';
  readonly personId: string;
  readonly now: string;
}

export interface CancelCourse {
  readonly type: 'CancelCourse';
  readonly reason: string;
  readonly now: string;
}

export type CourseCommand = ScheduleCourse | RegisterTrainee | CancelRegistration | RecordAttendance | CompleteTrainee | CancelCourse;

/** 9-digit CMND or 12-digit CCCD: a raw citizen id must not enter an immutable event log. */
const RAW_CITIZEN_ID = /^(\d{9}|\d{12})$/;

export function requirePersonId(value: unknown, field = 'personId'): string {
  if (typeof value !== 'string' || !PERSON_ID_PATTERN.test(value)) {
    throw new DomainRuleViolation(`${field} must be 1–128 letters, digits, '_' or '-' (got ${JSON.stringify(value)}).`, 'invalid-id', { field });
  }
  if (RAW_CITIZEN_ID.test(value)) {
    throw new DomainRuleViolation(
      `${field} looks like a raw citizen identity number; pass a hash of it or a generated id — events are kept forever.`,
      'raw-citizen-id',
      { field },
    );
  }
  return value;
}

function requireTrainee(value: unknown): Trainee {
  if (typeof value !== 'object' || value === null) {
    throw new DomainRuleViolation('trainee must give personId, fullName, organisationType and organisationName.', 'invalid-value', { field: 'trainee' });
  }
  const raw = value as Partial<Trainee>;
  return {
    personId: requirePersonId(raw.personId, 'trainee.personId'),
    fullName: requireText(raw.fullName, 'trainee.fullName', 200),
    organisationType: requireOneOf<OrganisationType>(raw.organisationType, ORGANISATION_TYPES, 'trainee.organisationType'),
    organisationName: requireText(raw.organisationName, 'trainee.organisationName', 300),
  };
}

function requireSessions(value: unknown, startDate: string, endDate: string): CourseSession[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new DomainRuleViolation('sessions must list at least one session (sessionId, date).', 'invalid-value', { field: 'sessions' });
  }
  const sessions = value.map((raw: Partial<CourseSession>, i) => {
    const sessionId = requireId(raw?.sessionId, `sessions[${i}].sessionId`);
    const date = requireIsoDate(raw?.date, `sessions[${i}].date`);
    if (date < startDate || date > endDate) {
      throw new DomainRuleViolation(`sessions[${i}].date ${date} is outside the course dates ${startDate} – ${endDate}.`, 'invalid-date-range', {
        field: `sessions[${i}].date`,
      });
    }
    return { sessionId, date };
  });
  const ids = sessions.map((s) => s.sessionId);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate) throw new DomainRuleViolation(`Session id ${duplicate} appears twice.`, 'duplicate-session', { sessionId: duplicate });
  return sessions;
}


export const seatsTaken = (state: CourseState): number =>
  Object.values(state.trainees).filter((t) => t.status === 'registered' || t.status === 'completed').length;

function requireScheduled(state: CourseState, action: string): asserts state is CourseState & { ref: CourseRef; topic: string; startDate: string; endDate: string } {
  if (state.status === 'none' || !state.ref) throw new NotFound('The course does not exist.');
  if (state.status === 'cancelled') throw new DomainRuleViolation(`The course is cancelled; cannot ${action}.`, 'course-cancelled');
}

function requireTraineeRecord(state: CourseState, personId: string): TraineeRecord {
  const record = state.trainees[personId];
  if (!record) throw new NotFound(`Person ${personId} is not registered for this course.`);
  return record;
}

function decide(command: CourseCommand, state: CourseState): CourseEvent[] {
  switch (command.type) {
    case 'ScheduleCourse': {
      if (state.status !== 'none') throw new Conflict(`Course ${state.ref?.courseId} already exists.`, 'already-exists');
      const courseId = requireId(command.courseId, 'courseId');
      const unitCode = requireUnitCode(command.unitCode);
      const topic = requireText(command.topic, 'topic', 300);
      const startDate = requireIsoDate(command.startDate, 'startDate');
      const endDate = requireIsoDate(command.endDate, 'endDate');
      if (endDate < startDate) {
        throw new DomainRuleViolation(`endDate ${endDate} is before startDate ${startDate}.`, 'invalid-date-range', { startDate, endDate });
      }
      const capacity = requireInteger(command.capacity, 'capacity', 1);
      const trainerId = requireText(command.trainerId, 'trainerId', 200);
      const sessions = requireSessions(command.sessions, startDate, endDate);
      const minAttendedSessions = requireInteger(command.minAttendedSessions ?? 1, 'minAttendedSessions', 0, sessions.length);
      let planDocumentNumber: string | undefined;
      if (command.planDocumentNumber !== undefined) {
        planDocumentNumber = command.planDocumentNumber.normalize('NFC').trim();
        if (!PLAN_DOCUMENT_NUMBER_PATTERN.test(planDocumentNumber)) {
          throw new DomainRuleViolation(
            `planDocumentNumber must be a document number such as 4009/KH-UBND (got ${JSON.stringify(command.planDocumentNumber)}).`,
            'invalid-document-number',
            { field: 'planDocumentNumber' },
          );
        }
      }
      return [
        {
          type: 'CourseScheduled',
          schemaVersion: 1,
          data: {
            courseId,
            unitCode,
            topic,
            startDate,
            endDate,
            capacity,
            trainerId,
            sessions,
            minAttendedSessions,
            ...(planDocumentNumber ? { planDocumentNumber } : {}),
            scheduledAt: requireInstant(command.now),
          },
        },
      ];
    }

    case 'RegisterTrainee': {
      requireScheduled(state, 'register trainees');
      const trainee = requireTrainee(command.trainee);
      const at = requireInstant(command.now);
      const today = vietnamDate(at);
      if (today > state.endDate) {
        throw new DomainRuleViolation(`The course ended on ${state.endDate}; registrations are closed.`, 'course-ended', { endDate: state.endDate });
      }
      const existing = state.trainees[trainee.personId];
      if (existing && existing.status !== 'cancelled') {
        throw new Conflict(
          existing.status === 'completed'
            ? `Person ${trainee.personId} has already completed this course.`
            : `Person ${trainee.personId} is already ${existing.status} on this course.`,
          'already-registered',
          { personId: trainee.personId, status: existing.status },
        );
      }
      if (seatsTaken(state) < state.capacity) {
        return [{ type: 'TraineeRegistered', schemaVersion: 1, data: { ...state.ref, ...trainee, registeredAt: at } }];
      }
      return [{ type: 'TraineeWaitlisted', schemaVersion: 1, data: { ...state.ref, ...trainee, position: state.waitlist.length + 1, waitlistedAt: at } }];
    }

    case 'CancelRegistration': {
      requireScheduled(state, 'cancel registrations');
      const personId = requirePersonId(command.personId);
      const record = requireTraineeRecord(state, personId);
      if (record.status === 'completed') {
        throw new DomainRuleViolation(`Person ${personId} has completed the course; the registration can no longer be cancelled.`, 'already-completed');
      }
      if (record.status === 'cancelled') {
        throw new DomainRuleViolation(`The registration of person ${personId} is already cancelled.`, 'already-cancelled');
      }
      const at = requireInstant(command.now);
      const reason = optionalText(command.reason, 'reason');
      const wasWaitlisted = record.status === 'waitlisted';
      const events: CourseEvent[] = [
        { type: 'RegistrationCancelled', schemaVersion: 1, data: { ...state.ref, personId, wasWaitlisted, ...(reason ? { reason } : {}), cancelledAt: at } },
      ];
      const next = state.waitlist[0];
      if (!wasWaitlisted && next !== undefined) {
        events.push({ type: 'TraineePromotedFromWaitlist', schemaVersion: 1, data: { ...state.ref, personId: next, freedBy: personId, promotedAt: at } });
      }
      return events;
    }

    case 'RecordAttendance': {
      requireScheduled(state, 'record attendance');
      const personId = requirePersonId(command.personId);
      const session = state.sessions.find((s) => s.sessionId === command.sessionId);
      if (!session) {
        throw new DomainRuleViolation(
          `Session ${JSON.stringify(command.sessionId)} is not a session of this course (sessions: ${state.sessions.map((s) => s.sessionId).join(', ')}).`,
          'unknown-session',
        );
      }
      const record = requireTraineeRecord(state, personId);
      if (record.status !== 'registered' && record.status !== 'completed') {
        throw new DomainRuleViolation(`Person ${personId} is ${record.status}, not registered; attendance is for registered trainees.`, 'not-registered', {
          status: record.status,
        });
      }
      const at = requireInstant(command.now);
      if (vietnamDate(at) < session.date) {
        throw new DomainRuleViolation(`Session ${session.sessionId} is on ${session.date}; attendance cannot be recorded before it takes place.`, 'session-in-future');
      }
      if (record.attended.includes(session.sessionId)) return []; // recorded already
      return [{ type: 'AttendanceRecorded', schemaVersion: 1, data: { ...state.ref, sessionId: session.sessionId, personId, recordedAt: at } }];
    }

    case 'CompleteTrainee': {
      requireScheduled(state, 'record completions');
      const personId = requirePersonId(command.personId);
      const record = requireTraineeRecord(state, personId);
      if (record.status === 'completed') return []; // once per person per course: counts once
      if (record.status !== 'registered') {
        throw new DomainRuleViolation(`Person ${personId} is ${record.status}, not registered; only registered trainees complete.`, 'not-registered', {
          status: record.status,
        });
      }
      const at = requireInstant(command.now);
      if (vietnamDate(at) < state.startDate) {
        throw new DomainRuleViolation(`The course starts on ${state.startDate}; nobody can complete it before.`, 'course-not-started');
      }
      if (record.attended.length < state.minAttendedSessions) {
        throw new DomainRuleViolation(
          `Person ${personId} attended ${record.attended.length} of the ${state.minAttendedSessions} sessions required to complete.`,
          'insufficient-attendance',
          { attended: record.attended.length, required: state.minAttendedSessions },
        );
      }
      return [
        {
          type: 'TraineeCompleted',
          schemaVersion: 1,
          data: {
            ...state.ref,
            personId,
            organisationType: record.organisationType,
            organisationName: record.organisationName,
            topic: state.topic,
            ...(state.planDocumentNumber ? { planDocumentNumber: state.planDocumentNumber } : {}),
            sessionsAttended: record.attended.length,
            completedAt: at,
          },
        },
      ];
    }

    case 'CancelCourse': {
      requireScheduled(state, 'cancel it again');
      const reason = requireText(command.reason, 'reason', 2000);
      const completed = Object.values(state.trainees).filter((t) => t.status === 'completed').length;
      if (completed > 0) {
        throw new DomainRuleViolation(`${completed} trainee(s) already completed this course; a course with completions cannot be cancelled.`, 'has-completions', {
          completed,
        });
      }
      return [{ type: 'CourseCancelled', schemaVersion: 1, data: { ...state.ref, reason, cancelledAt: requireInstant(command.now) } }];
    }
  }
}

function withTrainee(state: CourseState, personId: string, update: (record: TraineeRecord) => TraineeRecord): CourseState {
  const record = state.trainees[personId];
  return record ? { ...state, trainees: { ...state.trainees, [personId]: update(record) } } : state;
}

const traineeOf = (data: Trainee): Trainee => ({
  personId: data.personId,
  fullName: data.fullName,
  organisationType: data.organisationType,
  organisationName: data.organisationName,
});

function evolve(state: CourseState, event: CourseEvent): CourseState {
  switch (event.type) {
    case 'CourseScheduled': {
      const d = event.data;
      return {
        ...state,
        status: 'scheduled',
        ref: { courseId: d.courseId, unitCode: d.unitCode },
        topic: d.topic,
        startDate: d.startDate,
        endDate: d.endDate,
        capacity: d.capacity,
        trainerId: d.trainerId,
        sessions: d.sessions,
        minAttendedSessions: d.minAttendedSessions,
        planDocumentNumber: d.planDocumentNumber,
      };
    }
    case 'TraineeRegistered':
      return { ...state, trainees: { ...state.trainees, [event.data.personId]: { ...traineeOf(event.data), status: 'registered', attended: [] } } };
    case 'TraineeWaitlisted':
      return {
        ...state,
        trainees: { ...state.trainees, [event.data.personId]: { ...traineeOf(event.data), status: 'waitlisted', attended: [] } },
        waitlist: [...state.waitlist, event.data.personId],
      };
    case 'TraineePromotedFromWaitlist':
      return {
        ...withTrainee(state, event.data.personId, (r) => ({ ...r, status: 'registered' })),
        waitlist: state.waitlist.filter((id) => id !== event.data.personId),
      };
    case 'RegistrationCancelled':
      return {
        ...withTrainee(state, event.data.personId, (r) => ({ ...r, status: 'cancelled' })),
        waitlist: state.waitlist.filter((id) => id !== event.data.personId),
      };
    case 'AttendanceRecorded':
      return withTrainee(state, event.data.personId, (r) => ({ ...r, attended: [...r.attended, event.data.sessionId] }));
    case 'TraineeCompleted':
      return withTrainee(state, event.data.personId, (r) => ({ ...r, status: 'completed' }));
    case 'CourseCancelled':
      return { ...state, status: 'cancelled' };
    default:
      return state;
  }
}

export const courseDecider: Decider<CourseCommand, CourseEvent, CourseState> = {
  decide,
  evolve,
  initialState: () => ({ status: 'none', capacity: 0, sessions: [], minAttendedSessions: 0, trainees: {}, waitlist: [] }),
};
