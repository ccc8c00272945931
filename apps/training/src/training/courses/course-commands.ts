import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '@nangsuat/auth';
import { CommandContext, CommandRunner } from '@nangsuat/service-runtime';
import { CourseCommand, CourseEvent, courseStreamId } from '@nangsuat/contracts/training';
import { CourseLoader } from './course-loader';
import { courseView, courseViewCommandDecider, CourseViewState } from './course-view';

/**
 * A command on an existing course: 404 if it does not exist, 403 outside the actor's unit — both
 * before anything is appended — then decide and append on the course stream (retried on a
 * concurrent write, so capacity and the waiting list hold).
 */
@Injectable()
export class CourseCommands {
  constructor(
    private readonly runner: CommandRunner,
    private readonly loader: CourseLoader,
    private readonly access: AccessPolicy,
  ) {}

  async run(context: CommandContext, courseId: string, command: CourseCommand, reason?: string) {
    const { unitCode, history } = await this.loader.get(courseId);
    this.access.assertCanWrite(context.actor, unitCode);
    const result = await this.runner.run(courseStreamId(courseId), courseViewCommandDecider, command, context, { unit: unitCode, reason, history });
    return { view: result.state, version: result.version, events: result.events as readonly { type: CourseEvent['type']; data: Record<string, unknown> }[], duplicate: result.duplicate };
  }

  present(view: CourseViewState, version: number) {
    return courseView(view, version);
  }
}
