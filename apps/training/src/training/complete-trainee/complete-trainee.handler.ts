import { Injectable } from '@nestjs/common';
import { CourseCommands } from '../courses/course-commands';
import { CommandContext } from '@nangsuat/service-runtime';

@Injectable()
export class CompleteTraineeHandler {
  constructor(
    private readonly courses: CourseCommands,
  ) {}

  async handle(context: CommandContext, courseId: string, personId: string) {
    const { view, version, events, duplicate } = await this.courses.run(context, courseId, { type: 'CompleteTrainee', personId, now: context.nowIso });
    return {
      personId,
      /** false when the person had already completed: a person counts once per course. */
      counted: events.length > 0,
      completedOn: view.completedOn[personId],
      duplicate,
      course: this.courses.present(view, version),
    };
  }
}
