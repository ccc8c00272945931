import { Injectable } from '@nestjs/common';
import { NotFound, RecordedEvent } from '@nangsuat/event-sourcing';
import { CommandRunner, ID_PATTERN } from '@nangsuat/service-runtime';
import { courseStreamId } from '@nangsuat/contracts/training';
import { courseViewDecider, CourseViewState } from './course-view';

const ID = ID_PATTERN;

/** Loads a course from the event store (current, not eventually consistent); 404 when it does not exist. */
@Injectable()
export class CourseLoader {
  constructor(private readonly runner: CommandRunner) {}

  /** The course, and the events it was folded from (`history`: a command on it need not read them again). */
  async get(courseId: string): Promise<{ view: CourseViewState; version: number; unitCode: string; history?: readonly RecordedEvent[] }> {
    if (!ID.test(courseId)) throw new NotFound(`Course ${JSON.stringify(courseId)} does not exist (course ids are letters, digits, '_' and '-').`);
    const { state: view, version, history } = await this.runner.load(courseStreamId(courseId), courseViewDecider);
    if (view.course.status === 'none' || !view.course.ref) throw new NotFound(`Course ${courseId} does not exist.`, { courseId });
    return { view, version, unitCode: view.course.ref.unitCode, history };
  }
}
