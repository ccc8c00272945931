import { AccessPolicy } from '@nangsuat/auth';
import { Actor, DomainRuleViolation, Forbidden, NotFound } from '@nangsuat/event-sourcing';
import { InMemoryCommandHandler } from '@nangsuat/event-store/testing/in-memory-command-handler';
import { CommandContext, CommandRunner } from '@nangsuat/service-runtime';
import { IndicatorCatalogue } from '../../../indicators/indicator-catalogue.service';
import { PlanCommands } from '../../plan-commands';
import { ReportingPeriodCommands } from '../reporting-period-commands';
import type { ReportingPeriods } from '../reporting-periods.service';
import { OpenReportingPeriodHandler } from './open-period.handler';

const province: Actor = { id: 'u-qn', username: 'qn.admin', unit: '51', roles: ['province-admin'] };
const commune: Actor = { id: 'u-ngokbay', username: 'ngokbay.officer', unit: '51-NGOKBAY', roles: ['commune-officer'] };
const now = new Date('2025-09-01T02:00:00.000Z');
const as = (actor: Actor) => CommandContext.system(actor, now);
/** A refused command answers before any view of the period is read: reading one fails the test. */
const noViewRead = new Proxy({}, { get: () => { throw new Error('a refused command read a period view'); } }) as ReportingPeriods;

describe('OpenReportingPeriodHandler: the plan as it stands goes with the command, the decider refuses in words', () => {
  let store: InMemoryCommandHandler;
  let handler: OpenReportingPeriodHandler;
  let plans: PlanCommands;
  const periodsWritten = () => [...store.streams.keys()].filter((s) => s.startsWith('reporting-period-')).length;

  beforeEach(async () => {
    store = new InMemoryCommandHandler();
    const runner = new CommandRunner(store);
    const access = new AccessPolicy();
    plans = new PlanCommands(runner, access, new IndicatorCatalogue(runner, access));
    handler = new OpenReportingPeriodHandler(plans, new ReportingPeriodCommands(runner, noViewRead, access), access);
    await plans.run(as(province), { type: 'DraftPlan', planId: 'qn-138', content: { title: 'Kế hoạch 138', issuingUnit: '51', horizonYears: [2025, 2030] } });
  });

  it('refuses a period of a plan that does not exist (404)', async () => {
    await expect(handler.handle(as(province), 'khong-co', { unit: '51', year: 2025 })).rejects.toThrow(NotFound);
  });

  it('refuses a draft plan with the same words as before the rule moved into the decider', async () => {
    await expect(handler.handle(as(province), 'qn-138', { unit: '51', year: 2025 })).rejects.toThrow(
      new DomainRuleViolation('The reporting period cannot be opened: the plan is still a draft; issue it first.', 'invalid-period'),
    );
    expect(periodsWritten()).toBe(0);
  });

  it('on an issued plan, refuses a year outside the horizon and a start before the issue', async () => {
    await plans.run(as(province), { type: 'IssuePlan', planId: 'qn-138', documentNumber: '138/KH-UBND', issueDate: '19/06/2025' });
    await expect(handler.handle(as(province), 'qn-138', { unit: '51', year: 2031 })).rejects.toThrow(/the year must lie between 2025 \(issue\) and 2030 \(horizon\), not 2031/);
    await expect(handler.handle(as(province), 'qn-138', { unit: '51', year: 2025, periodStart: '01/06/2025' })).rejects.toThrow(
      /cannot start \(01\/06\/2025\) before the plan was issued \(19\/06\/2025\)/,
    );
    expect(periodsWritten()).toBe(0);
  });

  it('refuses an unknown unit (422) and a unit outside the officer’s (403) before deciding', async () => {
    await expect(handler.handle(as(province), 'qn-138', { unit: '99', year: 2025 })).rejects.toThrow(new DomainRuleViolation('Unknown administrative unit "99".', 'unknown-unit'));
    await expect(handler.handle(as(commune), 'qn-138', { unit: '51-DAKCAM', year: 2025 })).rejects.toThrow(Forbidden);
    expect(periodsWritten()).toBe(0);
  });
});
