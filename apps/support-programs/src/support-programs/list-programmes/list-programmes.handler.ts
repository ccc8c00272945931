import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStorePort } from '@nangsuat/event-store';
import { AccessPolicy } from '@nangsuat/auth';
import { Actor, NotFound } from '@nangsuat/event-sourcing';
import { CommandRunner, Page } from '@nangsuat/service-runtime';
import { allOf, pageOf, textFilter } from '../common/queries';
import { READ_MODELS } from '../common/read-models';
import { requireKnownUnit, unitSubtree } from '../common/scope';
import { HistoryEntry, historyOf, ProgrammeView, programmeView } from '../common/views';
import { ProgrammeState, programmeStreamId, supportProgrammeDecider } from '@nangsuat/contracts/support-programs';
import { READ_MODEL_STORE, ReadModelStore } from '@nangsuat/read-models';
import { ListProgrammesQuery } from './list-programmes.query';

/**
 * The programme catalogue: every signed-in user may see it (enterprises look for open programmes),
 * so lists and details are not scoped by unit. History (who changed what and why) is for officers
 * of the programme's unit subtree and auditors.
 */
@Injectable()
export class ProgrammeQueries {
  constructor(
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    private readonly runner: CommandRunner,
    @Inject(EVENT_STORE) private readonly store: EventStorePort,
    private readonly access: AccessPolicy,
  ) {}

  list(q: ListProgrammesQuery): Promise<Page<ProgrammeView>> {
    const filter = allOf([
      q.unit ? { unitCode: { $in: unitSubtree(requireKnownUnit(q.unit)) } } : null,
      q.status ? { status: q.status } : null,
      q.tool ? { toolsOffered: q.tool } : null,
      q.group ? { eligibleGroups: q.group } : null,
      q.plan ? { planDocumentNumber: q.plan.normalize('NFC').trim() } : null,
      ...textFilter(q.q),
    ]);
    return pageOf<ProgrammeView>(this.readModels, READ_MODELS.programmes, filter, q);
  }

  async get(programmeId: string): Promise<ProgrammeView> {
    const { state, version } = await this.runner.load<never, ProgrammeState>(programmeStreamId(programmeId), supportProgrammeDecider);
    if (state.status === 'none') throw new NotFound(`No support programme ${programmeId}.`);
    return programmeView(state, version);
  }

  async history(programmeId: string, actor: Actor): Promise<{ programmeId: string; events: HistoryEntry[] }> {
    const programme = await this.get(programmeId);
    this.access.assertCanRead(actor, programme.unitCode);
    return { programmeId, events: historyOf(await this.store.readStream(programmeStreamId(programmeId))) };
  }
}
