import { AccessPolicy } from '@nangsuat/auth';
import { Actor, Forbidden, NotFound } from '@nangsuat/event-sourcing';
import { InMemoryCommandHandler } from '@nangsuat/event-store/testing/in-memory-command-handler';
import { CommandContext, CommandRunner } from '@nangsuat/service-runtime';
import { reportingPeriodDecider, reportingPeriodId, reportingPeriodStreamId } from '@nangsuat/contracts/plans';
import { ReportingPeriodCommands } from '../reporting-period-commands';
import type { ReportingPeriods } from '../reporting-periods.service';
import { SubmitReportHandler } from './submit-report.handler';

const province: Actor = { id: 'u-qn', username: 'qn.admin', unit: '51', roles: ['province-admin'] };
const otherCommune: Actor = { id: 'u-dakcam', username: 'dakcam.officer', unit: '51-DAKCAM', roles: ['commune-officer'] };
const now = new Date('2025-11-05T02:00:00.000Z');
const as = (actor: Actor) => CommandContext.system(actor, now);
/** A refused submission computes no figures and reads no view: touching them fails the test. */
const noFiguresRead = new Proxy({}, { get: () => { throw new Error('a refused submission read the period figures'); } }) as ReportingPeriods;
const periodId = reportingPeriodId('qn-138', '51-NGOKBAY', 2025);

describe('SubmitReportHandler: the report is the unit’s own act', () => {
  let store: InMemoryCommandHandler;
  let handler: SubmitReportHandler;
  const events = () => store.streams.get(reportingPeriodStreamId(periodId)) ?? [];

  beforeEach(async () => {
    store = new InMemoryCommandHandler();
    const runner = new CommandRunner(store);
    handler = new SubmitReportHandler(new ReportingPeriodCommands(runner, noFiguresRead, new AccessPolicy()), noFiguresRead);
    await runner.run(
      reportingPeriodStreamId(periodId),
      reportingPeriodDecider,
      { type: 'OpenReportingPeriod', periodId, planId: 'qn-138', unit: '51-NGOKBAY', year: 2025, deadline: { day: 10, month: 11 } },
      as(province),
      { unit: '51-NGOKBAY' },
    );
  });

  it('refuses the province submitting in the commune’s place (403, the project’s Forbidden), nothing written', async () => {
    await expect(handler.handle(as(province), periodId, {})).rejects.toThrow(
      new Forbidden("The report of 51-NGOKBAY is submitted by 51-NGOKBAY's own officers, not by 51; units above review it once submitted (approve or return)."),
    );
    await expect(handler.handle(as(province), periodId, {})).rejects.toBeInstanceOf(Forbidden);
    expect(events()).toHaveLength(1);
  });

  it('refuses another commune by the access policy, and a period never opened (404)', async () => {
    await expect(handler.handle(as(otherCommune), periodId, {})).rejects.toThrow(/outside your unit 51-DAKCAM/);
    await expect(handler.handle(as(province), reportingPeriodId('qn-138', '51-NGOKBAY', 2026), {})).rejects.toThrow(NotFound);
    expect(events()).toHaveLength(1);
  });
});
