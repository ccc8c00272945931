/**
 * The Plan decider — stream `plan-<planId>`.
 *
 * Lifecycle: (none) → draft → issued → amended (each amendment a new version, with reason and
 * legal basis) → closed.
 *   - While a draft, the content may be revised freely (ReviseDraft, AddTarget, ReviseTarget,
 *     RemoveTarget); values are checked at every step.
 *   - IssuePlan fixes the document number, issue date and signer and makes version 1. The number
 *     must be unique per issuing unit, issuer, year and type: the command handler reserves it in the
 *     document-number registry (document-number.ts) before appending PlanIssued.
 *   - After issue, the content changes only by AmendPlan; the number, issue date, signer and issuing
 *     unit of the original never change (the amending document is cited in amendmentDocument).
 *   - ClosePlan ends it (final review done, or replaced); nothing changes afterwards.
 * Refusals are DomainRuleViolation (422), NotFound (404) for a plan that does not exist, Conflict
 * (409) for drafting an id twice; a refused command writes nothing.
 */
import { Conflict, Decider, DomainEvent, DomainRuleViolation, NotFound } from '@nangsuat/event-sourcing';
import { administrativeUnits, UnitTree } from '@nangsuat/administrative-units';
import { formatDate, IsoDate, nfc, parseDate } from '@nangsuat/vietnamese';
import { checkContent, normaliseChanges, PlanChanges, PlanContent, Problems, Signer, Target } from './plan-content';

export * from './plan-content';

// ---------------------------------------------------------------------------------------------
// Commands

/**
 * A target as a command brings it, before the decider has checked it: what a request may leave out
 * and the decider refuses with a message (the label in one language only) is optional here.
 */
export type TargetInput = Omit<Target, 'label'> & { readonly label: { readonly vi: string; readonly en?: string } };
/** Changes as a command brings them (targets not yet checked). */
export type PlanChangesInput = Omit<PlanChanges, 'targets'> & { readonly targets?: readonly TargetInput[] };
/** What a draft must contain; lists may be left out (empty). */
export type PlanContentInput = Pick<PlanContent, 'title' | 'issuingUnit' | 'horizonYears'> & PlanChangesInput;

export interface DraftPlan {
  readonly type: 'DraftPlan';
  readonly planId: string;
  readonly content: PlanContentInput;
}
export interface ReviseDraft {
  readonly type: 'ReviseDraft';
  readonly planId: string;
  readonly changes: PlanChangesInput;
}
export interface AddTarget {
  readonly type: 'AddTarget';
  readonly planId: string;
  readonly target: TargetInput;
}
export interface ReviseTarget {
  readonly type: 'ReviseTarget';
  readonly planId: string;
  readonly target: TargetInput;
}
export interface RemoveTarget {
  readonly type: 'RemoveTarget';
  readonly planId: string;
  readonly targetId: string;
}
export interface IssuePlan {
  readonly type: 'IssuePlan';
  readonly planId: string;
  /** Required here unless the draft already has it. dd/mm/yyyy or yyyy-mm-dd. */
  readonly documentNumber?: string;
  readonly issueDate?: string;
  readonly signer?: Signer;
}
export interface AmendPlan {
  readonly type: 'AmendPlan';
  readonly planId: string;
  readonly reason: string;
  /** The act that allows the change ("Công văn số …/BKHCN-…", "Nghị quyết …"). */
  readonly legalBasis: string;
  /** Number of the amending document, if any ("512/KH-UBND"). */
  readonly amendmentDocument?: string;
  /** First day the new version applies. */
  readonly effectiveDate: string;
  readonly changes: PlanChangesInput;
}
export interface ClosePlan {
  readonly type: 'ClosePlan';
  readonly planId: string;
  readonly closedOn: string;
  readonly reason: string;
}

export type PlanCommand = DraftPlan | ReviseDraft | AddTarget | ReviseTarget | RemoveTarget | IssuePlan | AmendPlan | ClosePlan;

// ---------------------------------------------------------------------------------------------
// Events (schemaVersion 1)

export type PlanDrafted = DomainEvent<'PlanDrafted', { readonly planId: string; readonly content: PlanContent }>;
export type DraftRevised = DomainEvent<'DraftRevised', { readonly planId: string; readonly changes: PlanChanges }>;
export type TargetAdded = DomainEvent<'TargetAdded', { readonly planId: string; readonly target: Target }>;
export type TargetRevised = DomainEvent<'TargetRevised', { readonly planId: string; readonly target: Target }>;
export type TargetRemoved = DomainEvent<'TargetRemoved', { readonly planId: string; readonly targetId: string }>;
export type PlanIssued = DomainEvent<
  'PlanIssued',
  { readonly planId: string; readonly version: 1; readonly documentNumber: string; readonly issueDate: IsoDate; readonly signer?: Signer }
>;
export type PlanAmended = DomainEvent<
  'PlanAmended',
  {
    readonly planId: string;
    readonly version: number;
    readonly reason: string;
    readonly legalBasis: string;
    readonly amendmentDocument?: string;
    readonly effectiveDate: IsoDate;
    readonly changes: PlanChanges;
  }
>;
export type PlanClosed = DomainEvent<'PlanClosed', { readonly planId: string; readonly closedOn: IsoDate; readonly reason: string }>;

export type PlanEvent = PlanDrafted | DraftRevised | TargetAdded | TargetRevised | TargetRemoved | PlanIssued | PlanAmended | PlanClosed;
export type PlanEventType = PlanEvent['type'];

// ---------------------------------------------------------------------------------------------
// State

export type PlanStatus = 'none' | 'draft' | 'issued' | 'amended' | 'closed';

/** An issued version, as auditors read it: what the plan said from effectiveDate, and why it changed. */
export interface PlanVersion {
  readonly version: number;
  readonly effectiveDate: IsoDate;
  readonly content: PlanContent;
  readonly reason?: string;
  readonly legalBasis?: string;
  readonly amendmentDocument?: string;
  readonly changes?: PlanChanges;
}

export interface PlanState {
  readonly status: PlanStatus;
  readonly planId?: string;
  readonly content?: PlanContent;
  /** 0 while a draft; 1 when issued; +1 per amendment. */
  readonly version: number;
  readonly versions: readonly PlanVersion[];
  readonly closed?: { readonly closedOn: IsoDate; readonly reason: string };
}

export const PLAN_STREAM_PREFIX = 'plan-';
export const planStreamId = (planId: string): string => `${PLAN_STREAM_PREFIX}${planId}`;

/** The version in force on a date (undefined before issue). */
export function planVersionAt(state: PlanState, date: string): PlanVersion | undefined {
  const day = parseDate(date);
  return [...state.versions].reverse().find((v) => v.effectiveDate <= day);
}

// ---------------------------------------------------------------------------------------------
// Decider

const IDENTITY_FIELDS = ['documentNumber', 'issueDate', 'signer'] as const;

const event = <E extends PlanEvent>(type: E['type'], data: E['data']): E => ({ type, schemaVersion: 1, data }) as E;

function label(state: PlanState): string {
  return state.content?.documentNumber ? `Plan ${state.content.documentNumber}` : `Draft plan ${state.planId}`;
}

function requireText(value: unknown, message: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new DomainRuleViolation(message);
  return nfc(value).trim();
}

function requireDate(value: unknown, what: string): IsoDate {
  try {
    return parseDate(String(value ?? ''));
  } catch (e) {
    throw new DomainRuleViolation(`${what}: ${(e as Error).message}`);
  }
}

/**
 * A command's input typed as content. What the types of the input leave open (a target's label in
 * one language) is refused by validated() before any event is decided.
 */
const asContent = <T>(input: PlanContentInput | PlanChangesInput | TargetInput): T => input as unknown as T;

function emptyContent(input: PlanContentInput): PlanContent {
  return {
    generalObjectives: [],
    targets: [],
    tasks: [],
    funding: [],
    responsibilities: [],
    reporting: {},
    ...asContent<Pick<PlanContent, 'title' | 'issuingUnit' | 'horizonYears'> & Partial<PlanContent>>(input),
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function applyChanges(content: PlanContent, changes: PlanChanges): PlanContent {
  return { ...content, ...changes };
}

export interface PlanDeciderOptions {
  /** Administrative units, to check the issuing unit (default: the seed tree). */
  readonly units?: UnitTree;
}

export function createPlanDecider(options: PlanDeciderOptions = {}): Decider<PlanCommand, PlanEvent, PlanState> {
  const units = options.units ?? administrativeUnits;

  const checkUnit = (content: PlanContent, problems: Problems) => {
    if (!content.issuingUnit) return;
    if (!units.has(content.issuingUnit)) {
      problems.add(`Unknown issuing unit "${content.issuingUnit}"; use an official unit code such as "58" or "51-NGOKBAY".`);
      return;
    }
    if (content.issueDate && /^\d{4}-\d{2}-\d{2}$/.test(content.issueDate) && !units.isValidAt(content.issuingUnit, content.issueDate)) {
      const successor = units.rollUpTarget(content.issuingUnit, content.issueDate);
      problems.add(
        `${units.displayName(content.issuingUnit)} (${content.issuingUnit}) was not in force on ${formatDate(content.issueDate)}` +
          (successor !== content.issuingUnit ? `; its territory is now under ${units.displayName(successor)} (${successor}).` : '.'),
      );
    }
  };

  const validated = (content: PlanContent, problemsSoFar?: Problems): PlanContent => {
    const problems = problemsSoFar ?? new Problems();
    checkContent(content, problems);
    checkUnit(content, problems);
    problems.fail();
    return content;
  };

  const requireExisting = (state: PlanState, planId: string) => {
    if (state.status === 'none') throw new NotFound(`Plan ${planId} does not exist; draft it first.`, { planId });
  };

  const requireDraft = (state: PlanState, planId: string, what: string) => {
    requireExisting(state, planId);
    if (state.status === 'closed') throw new DomainRuleViolation(`${label(state)} was closed on ${formatDate(state.closed!.closedOn)}; it can no longer change.`, 'plan-closed');
    if (state.status !== 'draft') {
      throw new DomainRuleViolation(`${label(state)} is issued; ${what} only by an amendment (AmendPlan with reason and legal basis).`, 'plan-not-draft');
    }
  };

  const content = (state: PlanState) => state.content as PlanContent;

  const decide = (command: PlanCommand, state: PlanState): PlanEvent[] => {
    const planId = requireText(command.planId, 'The command needs the planId.');
    switch (command.type) {
      case 'DraftPlan': {
        if (state.status !== 'none') throw new Conflict(`A plan with id ${planId} already exists (${state.status}); choose another id or revise that draft.`, 'plan-exists');
        const problems = new Problems();
        const draft = validated(normaliseChanges(emptyContent(command.content), problems) as PlanContent, problems);
        return [event<PlanDrafted>('PlanDrafted', { planId, content: draft })];
      }
      case 'ReviseDraft': {
        requireDraft(state, planId, 'it changes');
        if ('issuingUnit' in (command.changes as object)) throw new DomainRuleViolation('The issuing unit of a plan cannot change; draft a new plan for another unit.');
        const problems = new Problems();
        const changes = normaliseChanges(asContent<PlanChanges>(command.changes), problems);
        const revised = applyChanges(content(state), changes);
        if (same(revised, state.content)) throw new DomainRuleViolation(`The revision changes nothing in ${label(state)}.`, 'no-change');
        validated(revised, problems);
        return [event<DraftRevised>('DraftRevised', { planId, changes })];
      }
      case 'AddTarget': {
        requireDraft(state, planId, 'targets change');
        const problems = new Problems();
        const target = normaliseChanges({ targets: [asContent<Target>(command.target)] }).targets![0];
        if (content(state).targets.some((t) => t.id === target.id)) {
          throw new DomainRuleViolation(`${label(state)} already has a target "${target.id}"; revise it instead.`, 'target-exists');
        }
        validated({ ...content(state), targets: [...content(state).targets, target] }, problems);
        return [event<TargetAdded>('TargetAdded', { planId, target })];
      }
      case 'ReviseTarget': {
        requireDraft(state, planId, 'targets change');
        const target = normaliseChanges({ targets: [asContent<Target>(command.target)] }).targets![0];
        const current = content(state).targets.find((t) => t.id === target.id);
        if (!current) throw new DomainRuleViolation(`${label(state)} has no target "${target.id}"; add it first.`, 'target-unknown');
        if (same(current, target)) throw new DomainRuleViolation(`The revision changes nothing in target "${target.id}".`, 'no-change');
        validated({ ...content(state), targets: content(state).targets.map((t) => (t.id === target.id ? target : t)) });
        return [event<TargetRevised>('TargetRevised', { planId, target })];
      }
      case 'RemoveTarget': {
        requireDraft(state, planId, 'targets change');
        if (!content(state).targets.some((t) => t.id === command.targetId)) {
          throw new DomainRuleViolation(`${label(state)} has no target "${command.targetId}".`, 'target-unknown');
        }
        const usedBy = content(state).tasks.filter((t) => t.targetIds?.includes(command.targetId)).map((t) => t.section);
        if (usedBy.length) throw new DomainRuleViolation(`Target "${command.targetId}" is referred to by task section ${usedBy.join(', ')}; remove the reference first.`);
        return [event<TargetRemoved>('TargetRemoved', { planId, targetId: command.targetId })];
      }
      case 'IssuePlan': {
        requireExisting(state, planId);
        if (state.status !== 'draft') {
          throw new DomainRuleViolation(
            state.status === 'closed' ? `${label(state)} is closed; it cannot be issued.` : `${label(state)} is already issued (version ${state.version}); to change it, amend it.`,
            'plan-already-issued',
          );
        }
        const problems = new Problems();
        const fixed = normaliseChanges(
          {
            documentNumber: command.documentNumber ?? content(state).documentNumber,
            issueDate: command.issueDate ?? content(state).issueDate,
            ...(command.signer || content(state).signer ? { signer: command.signer ?? content(state).signer } : {}),
          },
          problems,
        );
        if (!fixed.documentNumber) problems.add('Give the document number to issue the plan (e.g. 4009/KH-UBND).');
        if (!fixed.issueDate) problems.add('Give the issue date to issue the plan (dd/mm/yyyy).');
        if (fixed.signer && !fixed.signer.name?.trim()) problems.add('The signer needs a name.');
        validated(applyChanges(content(state), fixed), problems);
        return [
          event<PlanIssued>('PlanIssued', {
            planId,
            version: 1,
            documentNumber: fixed.documentNumber!,
            issueDate: fixed.issueDate!,
            ...(fixed.signer ? { signer: fixed.signer } : {}),
          }),
        ];
      }
      case 'AmendPlan': {
        requireExisting(state, planId);
        if (state.status === 'draft') {
          throw new DomainRuleViolation(`${label(state)} is still a draft; revise the draft instead — only an issued plan is amended.`, 'plan-not-issued');
        }
        if (state.status === 'closed') throw new DomainRuleViolation(`${label(state)} was closed on ${formatDate(state.closed!.closedOn)}; it cannot be amended.`, 'plan-closed');
        const reason = requireText(command.reason, 'An amendment needs its reason (why the plan changes).');
        const legalBasis = requireText(command.legalBasis, 'An amendment needs its legal basis (the document that allows the change).');
        const effectiveDate = requireDate(command.effectiveDate, 'Effective date of the amendment');
        const last = state.versions[state.versions.length - 1];
        if (effectiveDate < last.effectiveDate) {
          throw new DomainRuleViolation(`The amendment cannot take effect on ${formatDate(effectiveDate)}, before version ${last.version} (${formatDate(last.effectiveDate)}).`);
        }
        const fixedFields = IDENTITY_FIELDS.filter((f) => f in (command.changes as object));
        if (fixedFields.length || 'issuingUnit' in (command.changes as object)) {
          throw new DomainRuleViolation(
            `An amendment cannot change ${[...fixedFields, ...('issuingUnit' in command.changes ? ['issuingUnit'] : [])].join(', ')} of the original plan; cite the amending document in amendmentDocument.`,
          );
        }
        const problems = new Problems();
        const amendmentDocument = command.amendmentDocument === undefined ? undefined : normaliseChanges({ documentNumber: command.amendmentDocument }, problems).documentNumber;
        const changes = normaliseChanges(asContent<PlanChanges>(command.changes), problems);
        const amended = applyChanges(content(state), changes);
        if (same(amended, state.content)) throw new DomainRuleViolation(`The amendment changes nothing in ${label(state)}.`, 'no-change');
        validated(amended, problems);
        return [
          event<PlanAmended>('PlanAmended', {
            planId,
            version: state.version + 1,
            reason,
            legalBasis,
            ...(amendmentDocument ? { amendmentDocument } : {}),
            effectiveDate,
            changes,
          }),
        ];
      }
      case 'ClosePlan': {
        requireExisting(state, planId);
        if (state.status === 'closed') throw new DomainRuleViolation(`${label(state)} was already closed on ${formatDate(state.closed!.closedOn)}.`, 'plan-closed');
        if (state.status === 'draft') throw new DomainRuleViolation(`${label(state)} was never issued; only an issued plan can be closed.`, 'plan-not-issued');
        const reason = requireText(command.reason, 'Closing a plan needs a reason (e.g. final review done, replaced by another plan).');
        const closedOn = requireDate(command.closedOn, 'Closing date');
        const last = state.versions[state.versions.length - 1];
        if (closedOn < last.effectiveDate) throw new DomainRuleViolation(`${label(state)} cannot close on ${formatDate(closedOn)}, before its version ${last.version} took effect (${formatDate(last.effectiveDate)}).`);
        return [event<PlanClosed>('PlanClosed', { planId, closedOn, reason })];
      }
      default: {
        const unknown: never = command;
        throw new DomainRuleViolation(`Unknown plan command ${(unknown as { type: string }).type}.`);
      }
    }
  };

  return { decide, evolve: evolvePlan, initialState: initialPlanState };
}

export const initialPlanState = (): PlanState => ({ status: 'none', version: 0, versions: [] });

export function evolvePlan(state: PlanState, e: PlanEvent): PlanState {
  switch (e.type) {
    case 'PlanDrafted':
      return { ...state, status: 'draft', planId: e.data.planId, content: e.data.content };
    case 'DraftRevised':
      return { ...state, content: applyChanges(state.content!, e.data.changes) };
    case 'TargetAdded':
      return { ...state, content: { ...state.content!, targets: [...state.content!.targets, e.data.target] } };
    case 'TargetRevised':
      return { ...state, content: { ...state.content!, targets: state.content!.targets.map((t) => (t.id === e.data.target.id ? e.data.target : t)) } };
    case 'TargetRemoved':
      return { ...state, content: { ...state.content!, targets: state.content!.targets.filter((t) => t.id !== e.data.targetId) } };
    case 'PlanIssued': {
      const { documentNumber, issueDate, signer } = e.data;
      const content = { ...state.content!, documentNumber, issueDate, ...(signer ? { signer } : {}) };
      return { ...state, status: 'issued', content, version: 1, versions: [{ version: 1, effectiveDate: issueDate, content }] };
    }
    case 'PlanAmended': {
      const content = applyChanges(state.content!, e.data.changes);
      const { version, effectiveDate, reason, legalBasis, amendmentDocument, changes } = e.data;
      return {
        ...state,
        status: 'amended',
        content,
        version,
        versions: [...state.versions, { version, effectiveDate, content, reason, legalBasis, amendmentDocument, changes }],
      };
    }
    case 'PlanClosed':
      return { ...state, status: 'closed', closed: { closedOn: e.data.closedOn, reason: e.data.reason } };
    default:
      return state;
  }
}

/** The plan decider over the seed administrative units. */
export const planDecider = createPlanDecider();
