import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { AccessPolicy } from '@nangsuat/auth';
import { Actor, NotFound } from '@nangsuat/event-sourcing';
import { commandIdOf, eventMetadata } from '@nangsuat/service-runtime';
import { EventLog } from '../common/event-log';
import { nowIso } from '../common/scope';
import { ProgrammeView, programmeView } from '../common/views';
import { ProgrammeState, programmeStreamId, ProgrammeTermsData, supportProgrammeDecider } from '@nangsuat/contracts/support-programs';
import { CloseProgrammeDto, UpdateProgrammeDto } from './update-programme.dto';

/** Changes and closing of a programme: by officers of a unit whose subtree holds the programme's unit. */
@Injectable()
export class UpdateProgrammeHandler {
  constructor(
    private readonly log: EventLog,
    private readonly access: AccessPolicy,
  ) {}

  async update(programmeId: string, dto: UpdateProgrammeDto, actor: Actor, req: Request): Promise<ProgrammeView> {
    const { reason, ...terms } = dto;
    // Only the fields present in the request (class instances carry undefined for the others).
    const changes = Object.fromEntries(Object.entries(terms).filter(([, value]) => value !== undefined)) as Partial<ProgrammeTermsData>;
    const unitCode = await this.writableUnit(programmeId, actor);
    const result = await this.log.execute(
      programmeStreamId(programmeId),
      supportProgrammeDecider,
      { type: 'UpdateProgramme', changes, ...(reason !== undefined ? { reason } : {}), now: nowIso() },
      { metadata: eventMetadata(req, actor, unitCode, reason), commandId: commandIdOf(req) },
    );
    return programmeView(result.state, result.version);
  }

  async close(programmeId: string, dto: CloseProgrammeDto, actor: Actor, req: Request): Promise<ProgrammeView> {
    const unitCode = await this.writableUnit(programmeId, actor);
    const result = await this.log.execute(
      programmeStreamId(programmeId),
      supportProgrammeDecider,
      { type: 'CloseProgramme', reason: dto.reason, now: nowIso() },
      { metadata: eventMetadata(req, actor, unitCode, dto.reason), commandId: commandIdOf(req) },
    );
    return programmeView(result.state, result.version);
  }

  private async writableUnit(programmeId: string, actor: Actor): Promise<string> {
    const { state } = await this.log.load<never, ProgrammeState>(programmeStreamId(programmeId), supportProgrammeDecider);
    if (state.status === 'none' || !state.unitCode) throw new NotFound(`No support programme ${programmeId}.`);
    this.access.assertCanWrite(actor, state.unitCode);
    return state.unitCode;
  }
}
