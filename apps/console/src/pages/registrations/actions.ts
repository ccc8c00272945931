import { hasRole, type Principal } from '../../auth/claims';

export type RegistrationAction = 'review' | 'approve' | 'reject' | 'start' | 'complete' | 'withdraw';

const REVIEWERS = ['province-admin', 'department-officer', 'commune-officer'] as const;

/** What a user may do to a registration in its status — the same rules the API enforces, so nothing refused is offered. */
export function registrationActions(status: string, p: Principal | undefined): RegistrationAction[] {
  const reviewer = hasRole(p, ...REVIEWERS);
  const implementer = reviewer || hasRole(p, 'enterprise');
  const actions: RegistrationAction[] = [];
  if (reviewer && status === 'submitted') actions.push('review');
  if (reviewer && status === 'under-review') actions.push('approve', 'reject');
  if (implementer && status === 'approved') actions.push('start');
  if (implementer && status === 'in-implementation') actions.push('complete');
  if (implementer && ['submitted', 'under-review', 'approved', 'in-implementation'].includes(status)) actions.push('withdraw');
  return actions;
}
