import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { AccessPolicy } from '@nangsuat/auth';
import { Actor } from '@nangsuat/event-sourcing';
import { commandIdOf, eventMetadata } from '@nangsuat/service-runtime';
import { EventLog } from '../common/event-log';
import { newRecordId } from '../common/http';
import { nowIso, requireCurrentUnit } from '../common/scope';
import { ProgrammeView, programmeView } from '../common/views';
import { programmeStreamId, supportProgrammeDecider } from '@nangsuat/contracts/support-programs';
import { CreateProgrammeDto } from './create-programme.dto';

@Injectable()
export class CreateProgrammeHandler {
  constructor(
    private readonly log: EventLog,
    private readonly access: AccessPolicy,
  ) {}

  async handle(dto: CreateProgrammeDto, actor: Actor, req: Request): Promise<ProgrammeView> {
    const unitCode = requireCurrentUnit(dto.unitCode);
    this.access.assertCanWrite(actor, unitCode);
    const commandId = commandIdOf(req);
    const programmeId = dto.id ?? newRecordId('ctht', actor.id, commandId);
    const result = await this.log.execute(
      programmeStreamId(programmeId),
      supportProgrammeDecider,
      {
        type: 'CreateProgramme',
        programmeId,
        unitCode,
        name: dto.name,
        legalBasis: dto.legalBasis,
        ...(dto.planDocumentNumber !== undefined ? { planDocumentNumber: dto.planDocumentNumber } : {}),
        funding: dto.funding,
        eligibleGroups: dto.eligibleGroups,
        toolsOffered: dto.toolsOffered,
        openingDate: dto.openingDate,
        closingDate: dto.closingDate,
        capacity: dto.capacity,
        now: nowIso(),
      },
      { metadata: eventMetadata(req, actor, unitCode), commandId },
    );
    return programmeView(result.state, result.version);
  }
}
