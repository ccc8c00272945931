import { Injectable } from '@nestjs/common';
import { CourseCommands } from '../courses/course-commands';
import { CommandContext } from '@nangsuat/service-runtime';

@Injectable()
export class CancelRegistrationHandler {
  constructor(
    private readonly courses: CourseCommands,
  ) {}

  async handle(context: CommandContext, courseId: string, personId: string, reason?: string) {
    const { view, version, events, duplicate } = await this.courses.run(
      context,
      courseId,
      { type: 'CancelRegistration', personId, ...(reason ? { reason } : {}), now: context.nowIso },
      reason,
    );
    const promoted = events.find((e) => e.type === 'TraineePromotedFromWaitlist')?.data.personId as string | undefined;
    return { personId, status: view.course.trainees[personId]?.status, ...(promoted ? { promoted } : {}), duplicate, course: this.courses.present(view, version) };
  }
}
