import { Injectable } from '@nestjs/common';
import type { Actor } from '@nangsuat/event-sourcing';
import type { Request } from 'express';
import { TrainingClock } from '../common/clock';
import { CourseCommands } from '../courses/course-commands';

@Injectable()
export class CancelCourseHandler {
  constructor(
    private readonly courses: CourseCommands,
    private readonly clock: TrainingClock,
  ) {}

  async handle(req: Request, actor: Actor, courseId: string, reason: string) {
    const { view, version, duplicate } = await this.courses.run(req, actor, courseId, { type: 'CancelCourse', reason, now: this.clock.nowIso() }, reason);
    return { ...this.courses.present(view, version), duplicate };
  }
}
