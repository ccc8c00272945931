import type { IssuePlan, PlanCommand, PlanContent } from '../plan/plan';

/** A plan of ../shared/seeds as structured data, and the commands that load it. */
export interface PlanSeed {
  readonly planId: string;
  /** The seed file it was read from. */
  readonly source: string;
  /** Complete as the documents give it (targets labelled in both languages). */
  readonly content: Pick<PlanContent, 'title' | 'issuingUnit' | 'horizonYears'> & Partial<PlanContent>;
  /** How to issue it; absent when the source does not give the number and date (the plan stays a draft). */
  readonly issue?: Omit<IssuePlan, 'type' | 'planId'>;
  /** What the source does not say and the plan would need. */
  readonly missing?: readonly string[];
}

/** DraftPlan, then IssuePlan when the seed knows how. */
export function seedCommands(seed: PlanSeed): PlanCommand[] {
  const commands: PlanCommand[] = [{ type: 'DraftPlan', planId: seed.planId, content: seed.content }];
  if (seed.issue) commands.push({ type: 'IssuePlan', planId: seed.planId, ...seed.issue });
  return commands;
}
