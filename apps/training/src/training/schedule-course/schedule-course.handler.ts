import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '@nangsuat/auth';
import { DomainRuleViolation } from '@nangsuat/event-sourcing';
import { addDays } from '@nangsuat/vietnamese';
import { CommandContext, CommandRunner, parseDateInput, requireKnownUnit } from '@nangsuat/service-runtime';
import { courseStreamId, ScheduleCourse } from '@nangsuat/contracts/training';
import { courseView, courseViewCommandDecider } from '../courses/course-view';
import { ScheduleCourseDto } from './schedule-course.dto';

const MAX_DEFAULT_SESSIONS = 60;

@Injectable()
export class ScheduleCourseHandler {
  constructor(
    private readonly runner: CommandRunner,
    private readonly access: AccessPolicy,
  ) {}

  async handle(context: CommandContext, dto: ScheduleCourseDto) {
    const unitCode = requireKnownUnit(dto.unitCode);
    this.access.assertCanWrite(context.actor, unitCode);
    const startDate = parseDateInput(dto.startDate, 'startDate');
    const endDate = parseDateInput(dto.endDate, 'endDate');
    const trainerId = dto.trainerId ?? (context.actor.roles?.includes('trainer') ? context.actor.username : undefined);
    if (!trainerId) throw new DomainRuleViolation('trainerId is required: give the username of the course trainer.', 'invalid-value', { field: 'trainerId' });
    const courseId = dto.courseId ?? context.newRecordId();
    const command: ScheduleCourse = {
      type: 'ScheduleCourse',
      courseId,
      unitCode,
      topic: dto.topic,
      startDate,
      endDate,
      capacity: dto.capacity,
      trainerId,
      sessions: dto.sessions
        ? dto.sessions.map((s, i) => ({ sessionId: s.sessionId ?? `s${i + 1}`, date: parseDateInput(s.date, `sessions[${i}].date`) }))
        : defaultSessions(startDate, endDate),
      ...(dto.minAttendedSessions !== undefined ? { minAttendedSessions: dto.minAttendedSessions } : {}),
      ...(dto.planDocumentNumber ? { planDocumentNumber: dto.planDocumentNumber } : {}),
      now: context.nowIso,
    };
    const result = await this.runner.run(courseStreamId(courseId), courseViewCommandDecider, command, context, { unit: unitCode });
    return { ...courseView(result.state, result.version), duplicate: result.duplicate };
  }
}

/** One session per day of the course (s1, s2 …), when the caller gives none. */
function defaultSessions(startDate: string, endDate: string) {
  if (endDate < startDate) return [{ sessionId: 's1', date: startDate }]; // the decider names the date error
  const sessions = [];
  for (let date = startDate, i = 1; date <= endDate && i <= MAX_DEFAULT_SESSIONS; date = addDays(date, 1), i++) sessions.push({ sessionId: `s${i}`, date });
  return sessions;
}

