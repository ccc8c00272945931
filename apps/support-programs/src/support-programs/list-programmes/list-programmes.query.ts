import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStorePort } from '@nangsuat/event-store';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { AccessPolicy } from '@nangsuat/auth';
import { Actor, NotFound } from '@nangsuat/event-sourcing';
import { CommandRunner, Page, PageQuery } from '@nangsuat/service-runtime';
import { allOf, pageOf, textFilter } from '../common/queries';
import { READ_MODELS } from '../common/read-models';
import { requireKnownUnit, unitSubtree } from '../common/scope';
import { HistoryEntry, historyOf, ProgrammeView, programmeView } from '../common/views';
import { UNIT_CODE_PATTERN } from '@nangsuat/service-runtime';
import { ENTERPRISE_GROUPS, PRODUCTIVITY_TOOLS, ProgrammeState, programmeStreamId, supportProgrammeDecider } from '@nangsuat/contracts/support-programs';
import { READ_MODEL_STORE, ReadModelStore } from '@nangsuat/read-models';

export class ListProgrammesQuery extends PageQuery {
  @ApiPropertyOptional({ example: '51', description: 'Programmes of this unit and every unit within it' })
  @IsOptional() @IsString() @Matches(UNIT_CODE_PATTERN, { message: '$property must be an administrative unit code such as 51 or 51-NGOKBAY.' })
  unit?: string;

  @ApiPropertyOptional({ enum: ['open', 'closed'] })
  @IsOptional() @IsIn(['open', 'closed'])
  status?: 'open' | 'closed';

  @ApiPropertyOptional({ enum: PRODUCTIVITY_TOOLS, description: 'Programmes offering this tool' })
  @IsOptional() @IsIn(PRODUCTIVITY_TOOLS, { message: `$property must be one of: ${PRODUCTIVITY_TOOLS.join(', ')}` })
  tool?: string;

  @ApiPropertyOptional({ enum: ENTERPRISE_GROUPS, description: 'Programmes open to this group of enterprises' })
  @IsOptional() @IsIn(ENTERPRISE_GROUPS, { message: `$property must be one of: ${ENTERPRISE_GROUPS.join(', ')}` })
  group?: string;

  @ApiPropertyOptional({ example: '138/KH-UBND', description: 'Programmes serving this plan' })
  @IsOptional() @IsString() @MaxLength(60)
  plan?: string;

  @ApiPropertyOptional({ example: 'mo hinh diem ngok bay', description: 'Words of the name, legal basis or plan; diacritics and case ignored' })
  @IsOptional() @IsString() @MaxLength(200)
  q?: string;
}

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
