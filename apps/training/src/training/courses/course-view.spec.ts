import { fold } from '@nangsuat/event-sourcing';
import { courseView, courseViewCommandDecider } from './course-view';
import { CourseEvent } from '@nangsuat/contracts/training';

describe('course view', () => {
  const ref = { courseId: 'c1', unitCode: '51-NGOKBAY' };
  const trainee = (personId: string) => ({ personId, fullName: `Người ${personId}`, organisationType: 'cooperative' as const, organisationName: 'HTX' });
  const events: CourseEvent[] = [
    {
      type: 'CourseScheduled',
      data: { ...ref, topic: 'Tập huấn 5S', startDate: '2025-08-04', endDate: '2025-08-05', capacity: 1, trainerId: 't', sessions: [{ sessionId: 's1', date: '2025-08-04' }], minAttendedSessions: 1, scheduledAt: '2025-08-01T02:00:00.000Z' },
    },
    { type: 'TraineeRegistered', data: { ...ref, ...trainee('a'), registeredAt: '2025-08-01T03:00:00.000Z' } },
    { type: 'TraineeWaitlisted', data: { ...ref, ...trainee('b'), position: 1, waitlistedAt: '2025-08-01T04:00:00.000Z' } },
    { type: 'AttendanceRecorded', data: { ...ref, sessionId: 's1', personId: 'a', recordedAt: '2025-08-04T02:00:00.000Z' } },
    // 18:00 UTC on 4 August is 5 August in Vietnam
    { type: 'TraineeCompleted', data: { ...ref, personId: 'a', organisationType: 'cooperative', organisationName: 'HTX', topic: 'Tập huấn 5S', sessionsAttended: 1, completedAt: '2025-08-04T18:00:00.000Z' } },
  ];

  it('shows counts, the waiting list, attendance and completions with Vietnam completion dates', () => {
    const view = courseView(fold(courseViewCommandDecider, events), 5);
    expect(view.counts).toEqual({ registered: 0, waitlisted: 1, completed: 1, cancelled: 0, seatsTaken: 1, seatsLeft: 0 });
    expect(view.waitlist).toEqual([expect.objectContaining({ position: 1, personId: 'b' })]);
    expect(view.attendance).toEqual([{ sessionId: 's1', date: '2025-08-04', display: '04/08/2025', present: ['a'] }]);
    expect(view.completions).toEqual([{ personId: 'a', fullName: 'Người a', organisationType: 'cooperative', completedOn: '2025-08-05', display: '05/08/2025' }]);
    expect(view.personTimes).toBe(1);
    expect(view.display).toEqual({ startDate: '04/08/2025', endDate: '05/08/2025' });
  });

  it('decides on the course part of the view: a second registration of a waiting person is a conflict', () => {
    const state = fold(courseViewCommandDecider, events);
    expect(() => courseViewCommandDecider.decide({ type: 'RegisterTrainee', trainee: trainee('b'), now: '2025-08-04T01:00:00Z' }, state)).toThrow(/already waitlisted/);
  });
});
