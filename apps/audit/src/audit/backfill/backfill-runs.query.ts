import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '@nangsuat/service-runtime';
import { AUDITED_CONTEXTS } from '../common/contexts';

export class BackfillRunsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: AUDITED_CONTEXTS, description: 'Only the runs of this context' })
  @IsOptional() @IsIn(AUDITED_CONTEXTS, { message: `context must be one of: ${AUDITED_CONTEXTS.join(', ')}` })
  context?: string;
}
