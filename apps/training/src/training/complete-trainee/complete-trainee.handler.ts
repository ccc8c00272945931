import { Injectable } from '@nestjs/common';
import type { Actor } from '@nangsuat/event-sourcing';
import type { Request } from 'express';
import { TrainingClock } from '../common/clock';
import { CourseCommands } from '../courses/course-commands';

@Injectable()
export class CompleteTraineeHandler {
  constructor(
    private readonly courses: CourseCommands,
    private readonly clock: TrainingClock,
  ) {}

  async handle(req: Request, actor: Actor, courseId: string, personId: string) {
    const { view, version, events, duplicate } = await this.courses.run(req, actor, courseId, { type: 'CompleteTrainee', personId, now: this.clock.nowIso() });
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
