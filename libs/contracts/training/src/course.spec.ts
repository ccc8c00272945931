import { Conflict, DomainRuleViolation, NotFound, fold } from '@nangsuat/event-sourcing';
import { deciderSpec } from '@nangsuat/event-sourcing/testing';
import { CourseCommand, ScheduleCourse, courseDecider, seatsTaken } from './course';
import { AttendanceRecorded, CourseEvent, CourseScheduled, Trainee, TraineeCompleted, TraineeRegistered, TraineeWaitlisted, courseStreamId } from './events';

const spec = deciderSpec(courseDecider);
const NOW = '2025-10-01T09:00:00+07:00';
const NOW_UTC = '2025-10-01T02:00:00.000Z';
const BEFORE = '2025-09-20T09:00:00+07:00';
const BEFORE_UTC = '2025-09-20T02:00:00.000Z';
const ref = { courseId: 'course-5s-2025', unitCode: '58' };

const schedule: ScheduleCourse = {
  type: 'ScheduleCourse',
  courseId: 'course-5s-2025',
  unitCode: '58',
  topic: 'Tập huấn áp dụng công cụ 5S và Kaizen',
  startDate: '2025-10-01',
  endDate: '2025-10-02',
  capacity: 2,
  trainerId: 'trainer-vnpi-01',
  sessions: [
    { sessionId: 's1', date: '2025-10-01' },
    { sessionId: 's2', date: '2025-10-02' },
  ],
  minAttendedSessions: 1,
  planDocumentNumber: '4009/KH-UBND',
  now: BEFORE,
};

const scheduled: CourseScheduled = {
  type: 'CourseScheduled',
  schemaVersion: 1,
  data: {
    ...ref,
    topic: 'Tập huấn áp dụng công cụ 5S và Kaizen',
    startDate: '2025-10-01',
    endDate: '2025-10-02',
    capacity: 2,
    trainerId: 'trainer-vnpi-01',
    sessions: [
      { sessionId: 's1', date: '2025-10-01' },
      { sessionId: 's2', date: '2025-10-02' },
    ],
    minAttendedSessions: 1,
    planDocumentNumber: '4009/KH-UBND',
    scheduledAt: BEFORE_UTC,
  },
};

const lan: Trainee = { personId: 'p-lan', fullName: 'Nguyễn Thị Lan', organisationType: 'department', organisationName: 'Sở Khoa học và Công nghệ' };
const minh: Trainee = { personId: 'p-minh', fullName: 'Trần Văn Minh', organisationType: 'enterprise', organisationName: 'Công ty TNHH Muối Cà Ná' };
const hoa: Trainee = { personId: 'p-hoa', fullName: 'Lê Thị Hoa', organisationType: 'cooperative', organisationName: 'HTX Nho Thái An' };
const tuan: Trainee = { personId: 'p-tuan', fullName: 'Phạm Anh Tuấn', organisationType: 'vocational-school', organisationName: 'Trường Cao đẳng nghề Ninh Thuận' };

const registered = (t: Trainee): TraineeRegistered => ({ type: 'TraineeRegistered', schemaVersion: 1, data: { ...ref, ...t, registeredAt: BEFORE_UTC } });
const waitlisted = (t: Trainee, position: number): TraineeWaitlisted => ({
  type: 'TraineeWaitlisted',
  schemaVersion: 1,
  data: { ...ref, ...t, position, waitlistedAt: BEFORE_UTC },
});
const attended = (personId: string, sessionId = 's1'): AttendanceRecorded => ({
  type: 'AttendanceRecorded',
  schemaVersion: 1,
  data: { ...ref, sessionId, personId, recordedAt: NOW_UTC },
});
const completed = (t: Trainee, sessionsAttended = 1): TraineeCompleted => ({
  type: 'TraineeCompleted',
  schemaVersion: 1,
  data: {
    ...ref,
    personId: t.personId,
    organisationType: t.organisationType,
    organisationName: t.organisationName,
    topic: 'Tập huấn áp dụng công cụ 5S và Kaizen',
    planDocumentNumber: '4009/KH-UBND',
    sessionsAttended,
    completedAt: NOW_UTC,
  },
});

const full: CourseEvent[] = [scheduled, registered(lan), registered(minh)];

describe('Course — schedule', () => {
  it('schedules a course', () => {
    expect(courseStreamId('course-5s-2025')).toBe('course-course-5s-2025');
    spec.given([]).when(schedule).then([scheduled]);
  });

  it('defaults to one attended session for completion', () => {
    const [event] = spec.given([]).when({ ...schedule, minAttendedSessions: undefined }).events();
    expect((event as CourseScheduled).data.minAttendedSessions).toBe(1);
  });

  it('refuses to schedule twice', () => {
    spec.given([scheduled]).when(schedule).thenThrows(Conflict, /already exists/);
  });

  it.each([
    ['a zero capacity', { capacity: 0 }, /capacity must be a whole number at least 1/],
    ['a negative capacity', { capacity: -10 }, /capacity must be a whole number at least 1/],
    ['an end before the start', { endDate: '2025-09-30' }, /endDate 2025-09-30 is before startDate 2025-10-01/],
    ['no sessions', { sessions: [] }, /sessions must list at least one session/],
    ['a session outside the dates', { sessions: [{ sessionId: 's1', date: '2025-10-05' }] }, /sessions\[0\].date 2025-10-05 is outside the course dates/],
    ['a duplicate session id', { sessions: [{ sessionId: 's1', date: '2025-10-01' }, { sessionId: 's1', date: '2025-10-02' }] }, /Session id s1 appears twice/],
    ['more required sessions than sessions', { minAttendedSessions: 3 }, /minAttendedSessions must be a whole number between 0 and 2/],
    ['a negative required-sessions count', { minAttendedSessions: -1 }, /minAttendedSessions must be a whole number between 0 and 2/],
    ['an empty topic', { topic: '' }, /topic must not be empty/],
    ['a bad plan number', { planDocumentNumber: 'kế hoạch 4009' }, /planDocumentNumber must be a document number/],
    ['a bad unit code', { unitCode: 'Ninh Thuận' }, /unitCode must be the official code/],
  ])('refuses %s', (_label, patch, message) => {
    spec
      .given([])
      .when({ ...schedule, ...(patch as Partial<ScheduleCourse>) })
      .thenThrows(DomainRuleViolation, message);
  });
});

describe('Course — registration, capacity and waiting list', () => {
  it('registers while seats remain', () => {
    spec.given([scheduled]).when({ type: 'RegisterTrainee', trainee: lan, now: BEFORE }).then([registered(lan)]);
  });

  it('normalises the full name to NFC', () => {
    const [event] = spec.given([scheduled]).when({ type: 'RegisterTrainee', trainee: { ...lan, fullName: 'Nguyễn Thị Lan'.normalize('NFD') }, now: BEFORE }).events();
    expect((event as TraineeRegistered).data.fullName).toBe('Nguyễn Thị Lan'.normalize('NFC'));
  });

  it('puts a registration beyond capacity on the waiting list (the loser of a race re-decides to this)', () => {
    spec.given(full).when({ type: 'RegisterTrainee', trainee: hoa, now: BEFORE }).then([waitlisted(hoa, 1)]);
    spec.given([...full, waitlisted(hoa, 1)]).when({ type: 'RegisterTrainee', trainee: tuan, now: BEFORE }).then([waitlisted(tuan, 2)]);
  });

  it('refuses the same person twice on one course', () => {
    spec.given([scheduled, registered(lan)]).when({ type: 'RegisterTrainee', trainee: lan, now: BEFORE }).thenThrows(Conflict, /p-lan is already registered/);
    spec.given([...full, waitlisted(hoa, 1)]).when({ type: 'RegisterTrainee', trainee: hoa, now: BEFORE }).thenThrows(Conflict, /p-hoa is already waitlisted/);
    spec
      .given([...full, attended('p-lan'), completed(lan)])
      .when({ type: 'RegisterTrainee', trainee: lan, now: NOW })
      .thenThrows(Conflict, /p-lan has already completed this course/);
  });

  it('a completed trainee keeps the seat', () => {
    spec.given([...full, attended('p-lan'), completed(lan)]).when({ type: 'RegisterTrainee', trainee: hoa, now: NOW }).then([{ ...waitlisted(hoa, 1), data: { ...waitlisted(hoa, 1).data, waitlistedAt: NOW_UTC } }]);
  });

  it('refuses registrations after the course ended', () => {
    spec.given([scheduled]).when({ type: 'RegisterTrainee', trainee: lan, now: '2025-10-03T08:00:00+07:00' }).thenThrows(DomainRuleViolation, /ended on 2025-10-02/);
  });

  it('refuses registrations to a cancelled course', () => {
    const cancelled = { type: 'CourseCancelled', schemaVersion: 1, data: { ...ref, reason: 'Giảng viên ốm', cancelledAt: BEFORE_UTC } } as const;
    spec.given([scheduled, cancelled]).when({ type: 'RegisterTrainee', trainee: lan, now: BEFORE }).thenThrows(DomainRuleViolation, /course is cancelled/);
  });

  it('refuses a registration for a course that does not exist', () => {
    spec.given([]).when({ type: 'RegisterTrainee', trainee: lan, now: BEFORE }).thenThrows(NotFound, /course does not exist/);
  });

  it.each([
    ['an unknown organisation type', { organisationType: 'ngo' }, /trainee.organisationType "ngo" is not known; expected one of: department, enterprise, university, college, vocational-school, cooperative/],
    ['an empty organisation name', { organisationName: ' ' }, /trainee.organisationName must not be empty/],
    ['an empty name', { fullName: '' }, /trainee.fullName must not be empty/],
    ['a raw 12-digit citizen id', { personId: '058190001234' }, /looks like a raw citizen identity number/],
    ['a person id with spaces', { personId: 'p lan' }, /trainee.personId must be 1–128 letters/],
  ])('refuses %s', (_label, patch, message) => {
    spec
      .given([scheduled])
      .when({ type: 'RegisterTrainee', trainee: { ...lan, ...(patch as Partial<Trainee>) }, now: BEFORE })
      .thenThrows(DomainRuleViolation, message);
  });
});

describe('Course — cancellation and promotion', () => {
  const withQueue = [...full, waitlisted(hoa, 1), waitlisted(tuan, 2)];

  it('a cancellation promotes the first waiting person', () => {
    spec.given(withQueue).when({ type: 'CancelRegistration', personId: 'p-minh', reason: 'Bận công tác', now: BEFORE }).then([
      { type: 'RegistrationCancelled', schemaVersion: 1, data: { ...ref, personId: 'p-minh', wasWaitlisted: false, reason: 'Bận công tác', cancelledAt: BEFORE_UTC } },
      { type: 'TraineePromotedFromWaitlist', schemaVersion: 1, data: { ...ref, personId: 'p-hoa', freedBy: 'p-minh', promotedAt: BEFORE_UTC } },
    ]);
  });

  it('after promotion the next cancellation promotes the next in line, and capacity holds', () => {
    const events = [
      ...withQueue,
      ...courseDecider.decide({ type: 'CancelRegistration', personId: 'p-minh', now: BEFORE }, fold(courseDecider, withQueue)),
    ];
    const state = fold(courseDecider, events);
    expect(seatsTaken(state)).toBe(2);
    expect(state.trainees['p-hoa'].status).toBe('registered');
    expect(state.waitlist).toEqual(['p-tuan']);
    spec.given(events).when({ type: 'CancelRegistration', personId: 'p-lan', now: BEFORE }).then([
      { type: 'RegistrationCancelled', schemaVersion: 1, data: { ...ref, personId: 'p-lan', wasWaitlisted: false, cancelledAt: BEFORE_UTC } },
      { type: 'TraineePromotedFromWaitlist', schemaVersion: 1, data: { ...ref, personId: 'p-tuan', freedBy: 'p-lan', promotedAt: BEFORE_UTC } },
    ]);
  });

  it('a waiting person leaving the queue promotes nobody', () => {
    spec.given(withQueue).when({ type: 'CancelRegistration', personId: 'p-hoa', now: BEFORE }).then([
      { type: 'RegistrationCancelled', schemaVersion: 1, data: { ...ref, personId: 'p-hoa', wasWaitlisted: true, cancelledAt: BEFORE_UTC } },
    ]);
  });

  it('a cancelled person may register again (at the back of the queue when full)', () => {
    const cancelledHoa = { type: 'RegistrationCancelled', schemaVersion: 1, data: { ...ref, personId: 'p-hoa', wasWaitlisted: true, cancelledAt: BEFORE_UTC } } as const;
    spec.given([...withQueue, cancelledHoa]).when({ type: 'RegisterTrainee', trainee: hoa, now: BEFORE }).then([waitlisted(hoa, 2)]);
  });

  it('refuses to cancel twice, an unknown person, or a completed trainee', () => {
    const cancelledLan = { type: 'RegistrationCancelled', schemaVersion: 1, data: { ...ref, personId: 'p-lan', wasWaitlisted: false, cancelledAt: BEFORE_UTC } } as const;
    spec.given([...full, cancelledLan]).when({ type: 'CancelRegistration', personId: 'p-lan', now: BEFORE }).thenThrows(DomainRuleViolation, /already cancelled/);
    spec.given(full).when({ type: 'CancelRegistration', personId: 'p-nobody', now: BEFORE }).thenThrows(NotFound, /not registered/);
    spec.given([...full, attended('p-lan'), completed(lan)]).when({ type: 'CancelRegistration', personId: 'p-lan', now: NOW }).thenThrows(DomainRuleViolation, /has completed the course/);
  });
});

describe('Course — attendance', () => {
  it('records attendance of a registered trainee for a session that took place', () => {
    spec.given(full).when({ type: 'RecordAttendance', sessionId: 's1', personId: 'p-lan', now: NOW }).then([attended('p-lan')]);
  });

  it('records a session once per person', () => {
    spec.given([...full, attended('p-lan')]).when({ type: 'RecordAttendance', sessionId: 's1', personId: 'p-lan', now: NOW }).then([]);
  });

  it('refuses an unknown session, a waiting person, a future session', () => {
    spec.given(full).when({ type: 'RecordAttendance', sessionId: 's9', personId: 'p-lan', now: NOW }).thenThrows(DomainRuleViolation, /"s9" is not a session of this course/);
    spec
      .given([...full, waitlisted(hoa, 1)])
      .when({ type: 'RecordAttendance', sessionId: 's1', personId: 'p-hoa', now: NOW })
      .thenThrows(DomainRuleViolation, /p-hoa is waitlisted, not registered/);
    spec.given(full).when({ type: 'RecordAttendance', sessionId: 's2', personId: 'p-lan', now: NOW }).thenThrows(DomainRuleViolation, /s2 is on 2025-10-02; attendance cannot be recorded before/);
  });
});

describe('Course — completion (person-times)', () => {
  it('completes a trainee who attended enough sessions', () => {
    spec.given([...full, attended('p-lan')]).when({ type: 'CompleteTrainee', personId: 'p-lan', now: NOW }).then([completed(lan)]);
  });

  it('the same person twice on one course counts once (a second completion writes nothing)', () => {
    spec.given([...full, attended('p-lan'), completed(lan)]).when({ type: 'CompleteTrainee', personId: 'p-lan', now: NOW }).then([]);
  });

  it('one person on two courses counts twice', () => {
    const other = { courseId: 'course-lean-2025', unitCode: '58' };
    const course2 = [
      { ...scheduled, data: { ...scheduled.data, ...other } },
      { ...registered(lan), data: { ...registered(lan).data, ...other } },
      { ...attended('p-lan'), data: { ...attended('p-lan').data, ...other } },
    ];
    const first = courseDecider.decide({ type: 'CompleteTrainee', personId: 'p-lan', now: NOW }, fold(courseDecider, [...full, attended('p-lan')]));
    const second = courseDecider.decide({ type: 'CompleteTrainee', personId: 'p-lan', now: NOW }, fold(courseDecider, course2));
    const personTimes = [...first, ...second].filter((e) => e.type === 'TraineeCompleted');
    expect(personTimes).toHaveLength(2);
    expect(personTimes.map((e) => (e as TraineeCompleted).data.courseId)).toEqual(['course-5s-2025', 'course-lean-2025']);
  });

  it('refuses completion without enough attendance', () => {
    spec.given(full).when({ type: 'CompleteTrainee', personId: 'p-lan', now: NOW }).thenThrows(DomainRuleViolation, /attended 0 of the 1 sessions required/);
  });

  it('refuses completion of a waiting person, a cancelled one, an unknown one', () => {
    spec.given([...full, waitlisted(hoa, 1)]).when({ type: 'CompleteTrainee', personId: 'p-hoa', now: NOW }).thenThrows(DomainRuleViolation, /waitlisted, not registered/);
    const cancelledLan = { type: 'RegistrationCancelled', schemaVersion: 1, data: { ...ref, personId: 'p-lan', wasWaitlisted: false, cancelledAt: BEFORE_UTC } } as const;
    spec.given([...full, cancelledLan]).when({ type: 'CompleteTrainee', personId: 'p-lan', now: NOW }).thenThrows(DomainRuleViolation, /cancelled, not registered/);
    spec.given(full).when({ type: 'CompleteTrainee', personId: 'p-x', now: NOW }).thenThrows(NotFound, /p-x is not registered/);
  });

  it('refuses completion before the course starts', () => {
    const zero: CourseEvent[] = [{ ...scheduled, data: { ...scheduled.data, minAttendedSessions: 0 } }, registered(lan)];
    spec.given(zero).when({ type: 'CompleteTrainee', personId: 'p-lan', now: BEFORE }).thenThrows(DomainRuleViolation, /starts on 2025-10-01/);
  });
});

describe('Course — cancel', () => {
  const cancel: CourseCommand = { type: 'CancelCourse', reason: 'Không đủ học viên', now: BEFORE };

  it('cancels with a reason', () => {
    spec.given(full).when(cancel).then([{ type: 'CourseCancelled', schemaVersion: 1, data: { ...ref, reason: 'Không đủ học viên', cancelledAt: BEFORE_UTC } }]);
  });

  it('refuses without a reason, twice, or once someone completed', () => {
    spec.given(full).when({ ...cancel, reason: '' }).thenThrows(DomainRuleViolation, /reason must not be empty/);
    spec.given([...full, { type: 'CourseCancelled', schemaVersion: 1, data: { ...ref, reason: 'x', cancelledAt: BEFORE_UTC } }]).when(cancel).thenThrows(DomainRuleViolation, /course is cancelled/);
    spec.given([...full, attended('p-lan'), completed(lan)]).when(cancel).thenThrows(DomainRuleViolation, /1 trainee\(s\) already completed/);
  });
});
