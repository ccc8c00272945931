import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '@nangsuat/auth';
import type { Actor } from '@nangsuat/event-sourcing';
import { CourseLoader } from '../courses/course-loader';
import { courseView } from '../courses/course-view';

/** One course with its trainees, waiting list, attendance and completions — current (from the store), scoped to its unit. */
@Injectable()
export class GetCourseHandler {
  constructor(
    private readonly loader: CourseLoader,
    private readonly access: AccessPolicy,
  ) {}

  async handle(actor: Actor, courseId: string) {
    const { view, version, unitCode } = await this.loader.get(courseId);
    this.access.assertCanRead(actor, unitCode);
    return courseView(view, version);
  }
}
