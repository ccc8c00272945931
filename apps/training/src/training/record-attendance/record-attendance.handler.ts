import { Injectable } from '@nestjs/common';
import type { Actor } from '@nangsuat/event-sourcing';
import type { Request } from 'express';
import { TrainingClock } from '../common/clock';
import { CourseCommands } from '../courses/course-commands';
import { RecordAttendanceDto } from './record-attendance.dto';

@Injectable()
export class RecordAttendanceHandler {
  constructor(
    private readonly courses: CourseCommands,
    private readonly clock: TrainingClock,
  ) {}

  async handle(req: Request, actor: Actor, courseId: string, dto: RecordAttendanceDto) {
    const { view, version, events, duplicate } = await this.courses.run(req, actor, courseId, {
      type: 'RecordAttendance',
      sessionId: dto.sessionId,
      personId: dto.personId,
      now: this.clock.nowIso(),
    });
    const trainee = view.course.trainees[dto.personId];
    return {
      personId: dto.personId,
      sessionId: dto.sessionId,
      /** false when this attendance was already recorded (nothing new written). */
      recorded: events.length > 0,
      sessionsAttended: trainee?.attended ?? [],
      duplicate,
      course: this.courses.present(view, version),
    };
  }
}
