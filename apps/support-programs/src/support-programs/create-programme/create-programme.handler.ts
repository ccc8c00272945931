import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '@nangsuat/auth';
import { CommandContext, CommandRunner } from '@nangsuat/service-runtime';
import { requireCurrentUnit } from '../common/scope';
import { ProgrammeView, programmeView } from '../common/views';
import { programmeStreamId, supportProgrammeDecider } from '@nangsuat/contracts/support-programs';
import { CreateProgrammeDto } from './create-programme.dto';

@Injectable()
export class CreateProgrammeHandler {
  constructor(
    private readonly runner: CommandRunner,
    private readonly access: AccessPolicy,
  ) {}

  async handle(context: CommandContext, dto: CreateProgrammeDto): Promise<ProgrammeView> {
    const unitCode = requireCurrentUnit(dto.unitCode);
    this.access.assertCanWrite(context.actor, unitCode);
    const programmeId = dto.id ?? context.newRecordId('ctht');
    const result = await this.runner.run(
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
        now: context.nowIso,
      },
      context,
      { unit: unitCode },
    );
    return programmeView(result.state, result.version);
  }
}
