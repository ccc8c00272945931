import { Injectable } from '@nestjs/common';
import { CourseCommands } from '../courses/course-commands';
import { CommandContext } from '@nangsuat/service-runtime';

@Injectable()
export class CancelCourseHandler {
  constructor(
    private readonly courses: CourseCommands,
  ) {}

  async handle(context: CommandContext, courseId: string, reason: string) {
    const { view, version, duplicate } = await this.courses.run(context, courseId, { type: 'CancelCourse', reason, now: context.nowIso }, reason);
    return { ...this.courses.present(view, version), duplicate };
  }
}
