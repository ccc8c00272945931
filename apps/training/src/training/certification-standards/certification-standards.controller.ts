import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CERTIFICATION_STANDARDS } from '@nangsuat/contracts/training';

@ApiTags('expert certification')
@ApiBearerAuth()
@Controller('certification-standards')
export class CertificationStandardsController {
  @Get()
  @ApiOperation({
    summary: 'Certification standards as data: levels, evidence types, criteria, validity',
    description:
      'PROVENANCE: the TCVN 13751:2023 entry is ILLUSTRATIVE (`provenance: "illustrative"`) — the text of the standard was not available; level names, evidence types, criteria, scores and validity periods are placeholders to be replaced with the standard\'s clauses by the Department of Science and Technology.',
  })
  list() {
    return {
      items: Object.values(CERTIFICATION_STANDARDS),
      notice:
        'Values marked provenance "illustrative" are placeholders, not the clauses of TCVN 13751:2023; replace them before production use.',
    };
  }
}
