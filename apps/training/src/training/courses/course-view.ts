import type { ReadModelStore } from '@nangsuat/read-models';
import type { Decider, EventStorePort } from '@nangsuat/event-store';
import { StreamStateProjection } from '@nangsuat/projections';
import { formatDate, searchKey } from '@nangsuat/vietnamese';
import { COURSE_STREAM_PREFIX, CourseCommand, courseDecider, CourseEvent, CourseState, seatsTaken, TraineeRecord, vietnamDate } from '@nangsuat/contracts/training';

/**
 * What the API shows of a course: the domain's folded state plus the dates the domain does not keep
 * (when each person registered, was waitlisted, completed). Folded by the same evolve for command
 * responses (read-your-write), GET /courses/:id (from the store) and the `training.courses` read
 * model (lists, person-times), so the three never disagree.
 */
export interface CourseViewState {
  readonly course: CourseState;
  /** personId → Vietnam date of their TraineeCompleted. */
  readonly completedOn: Readonly<Record<string, string>>;
  readonly registeredAt: Readonly<Record<string, string>>;
  readonly cancelReason?: string;
}

export const courseViewDecider = {
  initialState: (): CourseViewState => ({ course: courseDecider.initialState(), completedOn: {}, registeredAt: {} }),
  evolve: (state: CourseViewState, event: CourseEvent): CourseViewState => {
    const course = courseDecider.evolve(state.course, event);
    switch (event.type) {
      case 'TraineeRegistered':
        return { ...state, course, registeredAt: { ...state.registeredAt, [event.data.personId]: event.data.registeredAt } };
      case 'TraineeWaitlisted':
        return { ...state, course, registeredAt: { ...state.registeredAt, [event.data.personId]: event.data.waitlistedAt } };
      case 'TraineeCompleted':
        return { ...state, course, completedOn: { ...state.completedOn, [event.data.personId]: vietnamDate(event.data.completedAt) } };
      case 'CourseCancelled':
        return { ...state, course, cancelReason: event.data.reason };
      default:
        return { ...state, course };
    }
  },
};

/** The course decider deciding on the course part of the view state: handler results are whole views. */
export const courseViewCommandDecider: Decider<CourseCommand, CourseEvent, CourseViewState> = {
  decide: (command, state) => courseDecider.decide(command, state.course),
  evolve: courseViewDecider.evolve,
  initialState: courseViewDecider.initialState,
};

const traineeOut = (t: TraineeRecord, view: CourseViewState) => ({
  personId: t.personId,
  fullName: t.fullName,
  organisationType: t.organisationType,
  organisationName: t.organisationName,
  status: t.status,
  sessionsAttended: t.attended,
  registeredAt: view.registeredAt[t.personId],
});

/** The full course document (GET /courses/:id, command responses, the read model). */
export function courseView(view: CourseViewState, version: number) {
  const c = view.course;
  const trainees = Object.values(c.trainees);
  const count = (status: TraineeRecord['status']) => trainees.filter((t) => t.status === status).length;
  const taken = seatsTaken(c);
  return {
    courseId: c.ref?.courseId,
    unitCode: c.ref?.unitCode,
    topic: c.topic,
    status: c.status,
    startDate: c.startDate,
    endDate: c.endDate,
    display: c.startDate && c.endDate ? { startDate: formatDate(c.startDate), endDate: formatDate(c.endDate) } : undefined,
    capacity: c.capacity,
    trainerId: c.trainerId,
    sessions: c.sessions.map((s) => ({ ...s, display: formatDate(s.date) })),
    minAttendedSessions: c.minAttendedSessions,
    ...(c.planDocumentNumber ? { planDocumentNumber: c.planDocumentNumber } : {}),
    ...(view.cancelReason ? { cancelReason: view.cancelReason } : {}),
    counts: {
      registered: count('registered'),
      waitlisted: count('waitlisted'),
      completed: count('completed'),
      cancelled: count('cancelled'),
      seatsTaken: taken,
      seatsLeft: Math.max(0, c.capacity - taken),
    },
    /** Person-times (lượt người) of this course: one per person who completed. */
    personTimes: count('completed'),
    registered: trainees.filter((t) => t.status === 'registered' || t.status === 'completed').map((t) => traineeOut(t, view)),
    waitlist: c.waitlist.map((personId, i) => ({ position: i + 1, ...traineeOut(c.trainees[personId], view) })),
    cancelled: trainees.filter((t) => t.status === 'cancelled').map((t) => traineeOut(t, view)),
    attendance: c.sessions.map((s) => ({
      sessionId: s.sessionId,
      date: s.date,
      display: formatDate(s.date),
      present: trainees.filter((t) => t.attended.includes(s.sessionId)).map((t) => t.personId),
    })),
    completions: trainees
      .filter((t) => t.status === 'completed')
      .map((t) => ({ personId: t.personId, fullName: t.fullName, organisationType: t.organisationType, completedOn: view.completedOn[t.personId], display: formatDate(view.completedOn[t.personId]) })),
    version,
  };
}

export type CourseView = ReturnType<typeof courseView>;

export const COURSES_COLLECTION = 'courses_view';

/** Fields of the catalogue (GET /courses): no personal data. */
export const COURSE_SUMMARY_FIELDS = [
  'courseId', 'unitCode', 'topic', 'status', 'startDate', 'endDate', 'display', 'capacity', 'trainerId', 'sessions', 'minAttendedSessions',
  'planDocumentNumber', 'cancelReason', 'counts', 'personTimes', 'version',
] as const;

/** Read model `training.courses`: one document per course, with a diacritic-free search key. */
export const courseProjection = (store: EventStorePort, readModels: ReadModelStore) =>
  new StreamStateProjection<CourseViewState>(store, readModels, {
    name: 'training.courses',
    collection: COURSES_COLLECTION,
    // The list's order; and unit + status with it, so that a filtered count reads the index only.
    indexes: [{ startDate: -1, courseId: 1 }, { unitCode: 1, startDate: -1 }, { status: 1, unitCode: 1, startDate: -1, courseId: 1, _id: 1 }],
    fields: ['status', 'endDate', 'counts.completed'],
    textSearch: ['searchKey'],
    streamPrefix: COURSE_STREAM_PREFIX,
    decider: courseViewDecider as Decider<unknown, CourseEvent, CourseViewState>,
    toDocument: (state, stream) => {
      if (state.course.status === 'none') return null;
      const view = courseView(state, stream.version);
      return {
        ...view,
        searchKey: searchKey(`${view.topic ?? ''} ${view.courseId ?? ''} ${view.trainerId ?? ''} ${view.planDocumentNumber ?? ''}`),
        completionDates: view.completions.map((c) => c.completedOn),
      };
    },
  });
