import { Injectable } from '@nestjs/common';
import type { Actor } from '@nangsuat/event-sourcing';
import type { Request } from 'express';
import { TrainingClock } from '../common/clock';
import { CourseCommands } from '../courses/course-commands';

@Injectable()
export class CancelRegistrationHandler {
  constructor(
    private readonly courses: CourseCommands,
    private readonly clock: TrainingClock,
  ) {}

  async handle(req: Request, actor: Actor, courseId: string, personId: string, reason?: string) {
    const { view, version, events, duplicate } = await this.courses.run(
      req,
      actor,
      courseId,
      { type: 'CancelRegistration', personId, ...(reason ? { reason } : {}), now: this.clock.nowIso() },
      reason,
    );
    const promoted = events.find((e) => e.type === 'TraineePromotedFromWaitlist')?.data.personId as string | undefined;
    return { personId, status: view.course.trainees[personId]?.status, ...(promoted ? { promoted } : {}), duplicate, course: this.courses.present(view, version) };
  }
}
