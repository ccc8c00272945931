import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '@nangsuat/auth';
import { Actor, DomainRuleViolation } from '@nangsuat/event-sourcing';
import { addDays } from '@nangsuat/vietnamese';
import type { Request } from 'express';
import { CommandRunner, parseDateInput, requireKnownUnit, newRecordId } from '@nangsuat/service-runtime';
import { TrainingClock } from '../common/clock';
import { courseStreamId, ScheduleCourse } from '@nangsuat/contracts/training';
import { courseView, courseViewCommandDecider } from '../courses/course-view';
import { ScheduleCourseDto } from './schedule-course.dto';

const MAX_DEFAULT_SESSIONS = 60;

@Injectable()
export class ScheduleCourseHandler {
  constructor(
    private readonly runner: CommandRunner,
    private readonly access: AccessPolicy,
    private readonly clock: TrainingClock,
  ) {}

  async handle(req: Request, actor: Actor, dto: ScheduleCourseDto) {
    const unitCode = requireKnownUnit(dto.unitCode);
    this.access.assertCanWrite(actor, unitCode);
    const startDate = parseDateInput(dto.startDate, 'startDate');
    const endDate = parseDateInput(dto.endDate, 'endDate');
    const trainerId = dto.trainerId ?? (actor.roles?.includes('trainer') ? actor.username : undefined);
    if (!trainerId) throw new DomainRuleViolation('trainerId is required: give the username of the course trainer.', 'invalid-value', { field: 'trainerId' });
    const courseId = dto.courseId ?? newRecordId(req);
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
      now: this.clock.nowIso(),
    };
    const result = await this.runner.run(req, actor, courseStreamId(courseId), courseViewCommandDecider, command, { unit: unitCode });
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

