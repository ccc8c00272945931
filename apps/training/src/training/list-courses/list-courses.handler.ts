import { Injectable, Inject } from '@nestjs/common';
import { escapeRegex, optionalDateInput, Page, unitSubtree, readPage } from '@nangsuat/service-runtime';
import { searchTokens } from '@nangsuat/vietnamese';
import { COURSE_SUMMARY_FIELDS, COURSES_COLLECTION } from '../courses/course-view';
import { ListCoursesQuery } from './list-courses.query';
import { READ_MODEL_STORE, ReadModelStore } from '@nangsuat/read-models';

/**
 * The course catalogue from the `training.courses` read model (eventually consistent: a course
 * appears shortly after it is scheduled). Summaries only — no trainee names — so every signed-in
 * user may browse it; who attends what is GET /courses/:id, scoped to the course's unit.
 */
@Injectable()
export class ListCoursesHandler {
  constructor(@Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore) {}

  async handle(q: ListCoursesQuery): Promise<Page<Record<string, unknown>>> {
    const filter: Record<string, unknown> = {};
    if (q.unit) filter.unitCode = { $in: unitSubtree(q.unit) };
    if (q.status) filter.status = q.status;
    const from = optionalDateInput(q.from, 'from');
    const to = optionalDateInput(q.to, 'to');
    if (from) filter.endDate = { $gte: from };
    if (to) filter.startDate = { $lte: to };
    const tokens = q.q ? searchTokens(q.q) : [];
    if (tokens.length) filter.$and = tokens.map((t) => ({ searchKey: { $regex: escapeRegex(t) } }));
    const collection = this.readModels.collection(COURSES_COLLECTION);
    const projection = Object.fromEntries(COURSE_SUMMARY_FIELDS.map((f) => [f, 1]));
    return readPage(collection, filter, q, { projection: { ...projection, _id: 0 }, sort: { startDate: -1, courseId: 1 } });
  }
}
