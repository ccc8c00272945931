import type { PlanContent, PlanTarget, PlanTask } from '../../lib/types';

/** One difference between two issued versions of a plan, in terms an officer reads. */
export interface VersionDifference {
  readonly area: 'plan' | 'target' | 'objective' | 'task';
  readonly op: 'added' | 'removed' | 'changed';
  /** What changed: a target's Vietnamese label, a task's section, a plan field's name. */
  readonly subject: string;
  readonly field?: string;
  readonly before?: string;
  readonly after?: string;
}

const TARGET_FIELDS = ['value', 'min', 'max', 'milestoneYear', 'comparison', 'unit', 'source'] as const;
const show = (v: unknown): string => (v === undefined || v === null ? '—' : Array.isArray(v) ? v.join(', ') : typeof v === 'object' ? JSON.stringify(v) : String(v));
const signerOf = (s: PlanContent['signer']) => (s === undefined ? undefined : typeof s === 'string' ? s : [s.name, s.position].filter(Boolean).join(' — '));

/**
 * What differs between version `a` and version `b` of a plan: the plan's own fields, each target
 * field by field (matched by id), objectives and tasks added or removed, tasks retitled.
 */
export function compareVersions(a: PlanContent, b: PlanContent): VersionDifference[] {
  const out: VersionDifference[] = [];
  const planFields: [string, unknown, unknown][] = [
    ['title', a.title, b.title],
    ['documentNumber', a.documentNumber, b.documentNumber],
    ['issueDate', a.issueDate, b.issueDate],
    ['signer', signerOf(a.signer), signerOf(b.signer)],
    ['horizon', a.horizonYears, b.horizonYears],
  ];
  for (const [field, before, after] of planFields) {
    if (show(before) !== show(after)) out.push({ area: 'plan', op: 'changed', subject: field, field, before: show(before), after: show(after) });
  }

  const targetsA = new Map<string, PlanTarget>(a.targets.map((t) => [t.id, t]));
  const targetsB = new Map<string, PlanTarget>(b.targets.map((t) => [t.id, t]));
  for (const [id, ta] of targetsA) {
    const tb = targetsB.get(id);
    if (!tb) {
      out.push({ area: 'target', op: 'removed', subject: ta.label.vi });
      continue;
    }
    if (ta.label.vi !== tb.label.vi) out.push({ area: 'target', op: 'changed', subject: tb.label.vi, field: 'label', before: ta.label.vi, after: tb.label.vi });
    for (const field of TARGET_FIELDS) {
      if (show(ta[field]) !== show(tb[field])) out.push({ area: 'target', op: 'changed', subject: tb.label.vi, field, before: show(ta[field]), after: show(tb[field]) });
    }
  }
  for (const [id, tb] of targetsB) if (!targetsA.has(id)) out.push({ area: 'target', op: 'added', subject: tb.label.vi });

  const objectivesA = new Set(a.generalObjectives);
  const objectivesB = new Set(b.generalObjectives);
  for (const o of a.generalObjectives) if (!objectivesB.has(o)) out.push({ area: 'objective', op: 'removed', subject: o });
  for (const o of b.generalObjectives) if (!objectivesA.has(o)) out.push({ area: 'objective', op: 'added', subject: o });

  const tasksA = new Map<string, PlanTask>(a.tasks.map((t) => [t.section, t]));
  const tasksB = new Map<string, PlanTask>(b.tasks.map((t) => [t.section, t]));
  for (const [section, ta] of tasksA) {
    const tb = tasksB.get(section);
    if (!tb) out.push({ area: 'task', op: 'removed', subject: `${section}. ${ta.title}` });
    else {
      for (const field of ['title', 'lead', 'deadline'] as const) {
        if (show(ta[field]) !== show(tb[field])) out.push({ area: 'task', op: 'changed', subject: `${section}. ${tb.title}`, field, before: show(ta[field]), after: show(tb[field]) });
      }
      if (show(ta.activities) !== show(tb.activities)) out.push({ area: 'task', op: 'changed', subject: `${section}. ${tb.title}`, field: 'activities', before: show(ta.activities?.length ?? 0), after: show(tb.activities?.length ?? 0) });
    }
  }
  for (const [section, tb] of tasksB) if (!tasksA.has(section)) out.push({ area: 'task', op: 'added', subject: `${section}. ${tb.title}` });
  return out;
}
