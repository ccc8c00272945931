import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '@nangsuat/auth';
import { Actor, NotFound } from '@nangsuat/event-sourcing';
import { CommandContext, CommandRunner } from '@nangsuat/service-runtime';

import { ProgrammeView, programmeView } from '../common/views';
import { ProgrammeState, programmeStreamId, ProgrammeTermsData, supportProgrammeDecider } from '@nangsuat/contracts/support-programs';
import { CloseProgrammeDto, UpdateProgrammeDto } from './update-programme.dto';

/** Changes and closing of a programme: by officers of a unit whose subtree holds the programme's unit. */
@Injectable()
export class UpdateProgrammeHandler {
  constructor(
    private readonly runner: CommandRunner,
    private readonly access: AccessPolicy,
  ) {}

  async update(context: CommandContext, programmeId: string, dto: UpdateProgrammeDto): Promise<ProgrammeView> {
    const { reason, ...terms } = dto;
    // Only the fields present in the request (class instances carry undefined for the others).
    const changes = Object.fromEntries(Object.entries(terms).filter(([, value]) => value !== undefined)) as Partial<ProgrammeTermsData>;
    const unitCode = await this.writableUnit(programmeId, context.actor);
    const result = await this.runner.run(
      programmeStreamId(programmeId),
      supportProgrammeDecider,
      { type: 'UpdateProgramme', changes, ...(reason !== undefined ? { reason } : {}), now: context.nowIso },
      context,
      { unit: unitCode, reason: reason },
    );
    return programmeView(result.state, result.version);
  }

  async close(context: CommandContext, programmeId: string, dto: CloseProgrammeDto): Promise<ProgrammeView> {
    const unitCode = await this.writableUnit(programmeId, context.actor);
    const result = await this.runner.run(
      programmeStreamId(programmeId),
      supportProgrammeDecider,
      { type: 'CloseProgramme', reason: dto.reason, now: context.nowIso },
      context,
      { unit: unitCode, reason: dto.reason },
    );
    return programmeView(result.state, result.version);
  }

  private async writableUnit(programmeId: string, actor: Actor): Promise<string> {
    const { state } = await this.runner.load<never, ProgrammeState>(programmeStreamId(programmeId), supportProgrammeDecider);
    if (state.status === 'none' || !state.unitCode) throw new NotFound(`No support programme ${programmeId}.`);
    this.access.assertCanWrite(actor, state.unitCode);
    return state.unitCode;
  }
}
