import { AccessPolicy } from '@nangsuat/auth';
import { Actor, Forbidden } from '@nangsuat/event-sourcing';
import { InMemoryCommandHandler } from '@nangsuat/event-store/testing/in-memory-command-handler';
import { CommandContext, CommandRunner } from '@nangsuat/service-runtime';
import { courseStreamId } from '@nangsuat/contracts/training';
import { CourseCommands } from '../courses/course-commands';
import { CourseLoader } from '../courses/course-loader';
import { courseViewCommandDecider } from '../courses/course-view';
import { RegisterTraineeHandler } from './register-trainee.handler';

const officer: Actor = { id: 'u-ngokbay', username: 'ngokbay.officer', unit: '51-NGOKBAY', roles: ['commune-officer'] };
const now = new Date('2025-09-01T02:00:00.000Z');
const as = (actor: Actor) => CommandContext.system(actor, now);
const trainee = (n: number) => ({ personId: `p-${n}`, fullName: `Học viên ${n}`, organisationType: 'cooperative' as const, organisationName: 'HTX Ngọk Bay' });

describe('RegisterTraineeHandler: the course decides, the handler answers in words', () => {
  let store: InMemoryCommandHandler;
  let handler: RegisterTraineeHandler;
  const written = () => [...store.streams.values()].flat().length;

  beforeEach(async () => {
    store = new InMemoryCommandHandler();
    const runner = new CommandRunner(store);
    const access = new AccessPolicy();
    handler = new RegisterTraineeHandler(new CourseCommands(runner, new CourseLoader(runner), access));
    // given a course of one seat in Ngọk Bay
    await runner.run(
      courseStreamId('c-5s'),
      courseViewCommandDecider,
      {
        type: 'ScheduleCourse',
        courseId: 'c-5s',
        unitCode: '51-NGOKBAY',
        topic: 'Áp dụng 5S',
        startDate: '2025-09-10',
        endDate: '2025-09-11',
        capacity: 1,
        trainerId: 'trainer.kontum',
        sessions: [{ sessionId: 's1', date: '2025-09-10' }],
        now: now.toISOString(),
      },
      as(officer),
      { unit: '51-NGOKBAY' },
    );
  });

  it('registers while there are seats, then waitlists with the position', async () => {
    const first = await handler.handle(as(officer), 'c-5s', trainee(1));
    expect(first).toMatchObject({ personId: 'p-1', status: 'registered', waitlisted: false, message: 'Học viên 1 is registered.' });
    const second = await handler.handle(as(officer), 'c-5s', trainee(2));
    expect(second).toMatchObject({ personId: 'p-2', waitlisted: true, waitlistPosition: 1 });
    expect(second.message).toContain('number 1 on the waiting list');
  });

  it('refuses an officer of another commune before anything is written', async () => {
    const before = written();
    await expect(handler.handle(as({ ...officer, unit: '51-DAKCAM' }), 'c-5s', trainee(1))).rejects.toThrow(Forbidden);
    expect(written()).toBe(before);
  });
});
