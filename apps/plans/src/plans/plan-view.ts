import { formatDate } from '@nangsuat/vietnamese';
import type { PlanState } from '@nangsuat/contracts/plans';

/** A plan as the API shows it: its current content and every issued version. */
export interface PlanView {
  readonly planId: string;
  readonly status: PlanState['status'];
  /** Plan version: 0 while a draft, 1 when issued, +1 per amendment. */
  readonly version: number;
  /** Stream version, for If-Match style optimistic concurrency (expectedVersion). */
  readonly streamVersion: number;
  readonly issueDateDisplay?: string;
  readonly content: PlanState['content'];
  readonly versions: PlanState['versions'];
  readonly closed?: PlanState['closed'];
}

export function toPlanView(state: PlanState, streamVersion: number): PlanView {
  return {
    planId: state.planId!,
    status: state.status,
    version: state.version,
    streamVersion,
    issueDateDisplay: state.content?.issueDate ? formatDate(state.content.issueDate) : undefined,
    content: state.content,
    versions: state.versions,
    closed: state.closed,
  };
}
