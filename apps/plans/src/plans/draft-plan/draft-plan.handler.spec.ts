import { AccessPolicy } from '@nangsuat/auth';
import { Actor, DomainRuleViolation, Forbidden } from '@nangsuat/event-sourcing';
import { InMemoryCommandHandler } from '@nangsuat/event-store/testing/in-memory-command-handler';
import { CommandContext, CommandRunner } from '@nangsuat/service-runtime';
import { IndicatorCatalogue } from '../../indicators/indicator-catalogue.service';
import { PlanCommands } from '../plan-commands';
import { DraftPlanDto } from './draft-plan.dto';
import { DraftPlanHandler } from './draft-plan.handler';

const officer: Actor = { id: 'u-ngokbay', username: 'ngokbay.officer', unit: '51-NGOKBAY', roles: ['commune-officer'] };
const now = new Date('2025-08-01T02:00:00.000Z');
const as = (actor: Actor, commandId?: string) => CommandContext.system(actor, now, { commandId });
const draft = (issuingUnit: string, planId?: string): DraftPlanDto =>
  ({ ...(planId ? { planId } : {}), content: { title: 'Kế hoạch nâng cao năng suất xã Ngọk Bay', issuingUnit, horizonYears: [2025, 2030] } }) as DraftPlanDto;

describe('DraftPlanHandler: the issuing unit decides who may draft, the runner makes a retry harmless', () => {
  let store: InMemoryCommandHandler;
  let handler: DraftPlanHandler;
  const written = () => [...store.streams.values()].flat().length;

  beforeEach(() => {
    store = new InMemoryCommandHandler();
    const runner = new CommandRunner(store);
    const access = new AccessPolicy();
    handler = new DraftPlanHandler(new PlanCommands(runner, access, new IndicatorCatalogue(runner, access)));
  });

  it('drafts a plan of the officer’s own commune', async () => {
    const view = await handler.handle(as(officer), draft('51-NGOKBAY', 'ngok-bay-2025'));
    expect(view).toMatchObject({ planId: 'ngok-bay-2025', status: 'draft', version: 0, streamVersion: 1, content: { issuingUnit: '51-NGOKBAY' } });
  });

  it('names a plan the client did not name after the command id: the retried request gets the same plan, written once', async () => {
    const first = await handler.handle(as(officer, 'cmd-1'), draft('51-NGOKBAY'));
    const again = await handler.handle(as(officer, 'cmd-1'), draft('51-NGOKBAY'));
    expect(again.planId).toBe(first.planId);
    expect(written()).toBe(1);
    const other = await handler.handle(as(officer, 'cmd-2'), draft('51-NGOKBAY'));
    expect(other.planId).not.toBe(first.planId);
  });

  it('refuses a unit outside the officer’s (403) and an unknown unit (422) before anything is written', async () => {
    await expect(handler.handle(as(officer), draft('51-DAKCAM', 'dak-cam-2025'))).rejects.toThrow(Forbidden);
    await expect(handler.handle(as(officer), draft('99', 'nowhere-2025'))).rejects.toThrow(
      new DomainRuleViolation('Unknown administrative unit "99"; use an official unit code such as "58" or "51-NGOKBAY".', 'unknown-unit'),
    );
    expect(written()).toBe(0);
  });
});
