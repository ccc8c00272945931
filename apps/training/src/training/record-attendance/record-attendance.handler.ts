import { Injectable } from '@nestjs/common';
import { CourseCommands } from '../courses/course-commands';
import { RecordAttendanceDto } from './record-attendance.dto';
import { CommandContext } from '@nangsuat/service-runtime';

@Injectable()
export class RecordAttendanceHandler {
  constructor(
    private readonly courses: CourseCommands,
  ) {}

  async handle(context: CommandContext, courseId: string, dto: RecordAttendanceDto) {
    const { view, version, events, duplicate } = await this.courses.run(context, courseId, {
      type: 'RecordAttendance',
      sessionId: dto.sessionId,
      personId: dto.personId,
      now: context.nowIso,
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
