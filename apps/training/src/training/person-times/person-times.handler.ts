import { Injectable, Inject } from '@nestjs/common';
import { AccessPolicy } from '@nangsuat/auth';
import { Actor, DomainRuleViolation } from '@nangsuat/event-sourcing';
import { formatDate } from '@nangsuat/vietnamese';
import { optionalDateInput, requireKnownUnit, unitSubtree } from '@nangsuat/service-runtime';
import { COURSES_COLLECTION } from '../courses/course-view';
import { PersonTimesQuery } from './person-times.query';
import { READ_MODEL_STORE, ReadModelStore } from '@nangsuat/read-models';

interface CompletionRow {
  courseId: string;
  completions: { personId: string; organisationType: string; completedOn: string }[];
}

/**
 * Person-times (lượt người) in a unit's subtree: completions, from the `training.courses` read model.
 * One person on two courses counts twice; the same person twice on one course once (one completion
 * per person per course document).
 */
@Injectable()
export class PersonTimesHandler {
  constructor(
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    private readonly access: AccessPolicy,
  ) {}

  async handle(actor: Actor, q: PersonTimesQuery) {
    const unit = requireKnownUnit(q.unit ?? actor.unit, 'unit');
    this.access.assertCanRead(actor, unit);
    const from = optionalDateInput(q.from, 'from');
    const to = optionalDateInput(q.to, 'to');
    if (from && to && to < from) throw new DomainRuleViolation(`to ${to} is before from ${from}.`, 'invalid-date-range');
    const filter: Record<string, unknown> = { unitCode: { $in: unitSubtree(unit) }, 'counts.completed': { $gt: 0 } };
    const rows = (await this.readModels
      .collection(COURSES_COLLECTION)
      .find(filter, { projection: { _id: 0, courseId: 1, completions: 1 } })
      .toArray()) as unknown as CompletionRow[];
    const byOrganisationType: Record<string, number> = {};
    const persons = new Set<string>();
    let personTimes = 0;
    let courses = 0;
    for (const row of rows) {
      const counted = new Set<string>();
      for (const c of row.completions ?? []) {
        if ((from && c.completedOn < from) || (to && c.completedOn > to) || counted.has(c.personId)) continue;
        counted.add(c.personId);
        persons.add(c.personId);
        byOrganisationType[c.organisationType] = (byOrganisationType[c.organisationType] ?? 0) + 1;
      }
      personTimes += counted.size;
      if (counted.size > 0) courses++;
    }
    return {
      unit,
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      display: { ...(from ? { from: formatDate(from) } : {}), ...(to ? { to: formatDate(to) } : {}) },
      personTimes,
      distinctPersons: persons.size,
      courses,
      byOrganisationType,
      note: 'Counted from the read model (eventually consistent): completions of courses run within the unit\'s subtree.',
    };
  }
}
