import { hasRole, isOfficer, type Principal } from '../auth/claims';
import { isNewcomer } from '../pages/onboarding/claims';

export interface MenuEntry {
  readonly key: string;
  readonly path: string;
  readonly label: string;
}

/** The menu follows the token: each role sees its work, nothing the API would refuse it. */
export function menuFor(p: Principal | undefined): MenuEntry[] {
  if (!p) return [];
  const entries: MenuEntry[] = [];
  // Someone who signed up themselves has one thing to do first: claim the enterprise they represent.
  if (isNewcomer(p)) entries.push({ key: 'claim', path: '/claim', label: 'nav.claim' });
  if (isOfficer(p)) {
    entries.push({ key: 'home', path: '/', label: 'nav.home' });
    entries.push({ key: 'plans', path: '/plans', label: 'nav.plans' });
    entries.push({ key: 'registrations', path: '/registrations', label: 'nav.registrations' });
    entries.push({ key: 'enterprises', path: '/enterprises', label: 'nav.enterprises' });
    entries.push({ key: 'reporting', path: '/reporting', label: 'nav.reporting' });
    entries.push({ key: 'programmes', path: '/programmes', label: 'nav.programmes' });
    // Facts no service produces (a club founded, a school applying 5S), recorded and verified by officers.
    entries.push({ key: 'achievements', path: '/achievements', label: 'nav.achievements' });
    entries.push({ key: 'indicators', path: '/indicators', label: 'nav.indicators' });
  }
  // Officers who schedule and cancel courses (the training API's writers for courses).
  if (hasRole(p, 'province-admin', 'department-officer', 'commune-officer')) {
    entries.push({ key: 'courses', path: '/courses', label: 'nav.courses' });
  }
  // Officers who enter expert applications and nominations (the API's writers for those).
  if (hasRole(p, 'province-admin', 'department-officer', 'commune-officer')) {
    entries.push({ key: 'certifications', path: '/certifications', label: 'nav.certifications' });
    entries.push({ key: 'nominations', path: '/nominations', label: 'nav.nominations' });
  }
  // People who signed up themselves and claim an enterprise of the unit, decided by its officers.
  if (hasRole(p, 'province-admin', 'department-officer', 'commune-officer')) {
    entries.push({ key: 'enterprise-claims', path: '/enterprise-claims', label: 'nav.enterpriseClaims' });
  }
  if (hasRole(p, 'province-admin', 'department-officer')) {
    entries.push({ key: 'award-categories', path: '/award-categories', label: 'nav.awardCategories' });
  }
  if (hasRole(p, 'enterprise')) {
    entries.push({ key: 'enterprise', path: '/enterprise', label: 'nav.enterprise' });
    // A person acting for the enterprise vouches for a colleague who claims it too.
    if (!entries.some((e) => e.key === 'enterprise-claims')) entries.push({ key: 'enterprise-claims', path: '/enterprise-claims', label: 'nav.enterpriseClaims' });
  }
  if (hasRole(p, 'trainer') && !entries.some((e) => e.key === 'courses')) {
    entries.push({ key: 'courses', path: '/courses', label: 'nav.courses' });
  }
  if (hasRole(p, 'expert-assessor') && !entries.some((e) => e.key === 'certifications')) {
    entries.push({ key: 'certifications', path: '/certifications', label: 'nav.certifications' });
  }
  if (hasRole(p, 'award-council') && !entries.some((e) => e.key === 'nominations')) {
    entries.push({ key: 'nominations', path: '/nominations', label: 'nav.nominations' });
  }
  if (hasRole(p, 'auditor')) {
    entries.push({ key: 'audit', path: '/audit', label: 'nav.audit' });
    entries.push({ key: 'audit-reports', path: '/audit/reports', label: 'nav.auditReports' });
    if (!entries.some((e) => e.key === 'achievements')) {
      entries.push({ key: 'achievements', path: '/achievements', label: 'nav.achievements' });
      entries.push({ key: 'indicators', path: '/indicators', label: 'nav.indicators' });
    }
  }
  // Backfill is an operation a province administrator starts; auditors follow a run.
  if (hasRole(p, 'province-admin', 'auditor')) {
    entries.push({ key: 'backfill', path: '/audit/backfill', label: 'nav.backfill' });
  }
  if (!entries.some((e) => e.key === 'plans')) entries.push({ key: 'plans', path: '/plans', label: 'nav.plans' });
  // Everyone is told what needs them (issue 13's notifications service).
  entries.push({ key: 'inbox', path: '/inbox', label: 'nav.inbox' });
  return entries;
}

/** Where a user lands after signing in. */
export function homePathFor(p: Principal | undefined): string {
  const first = menuFor(p)[0];
  return first ? first.path : '/plans';
}
