import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { AuditQuery } from '../common/export';

export class AnomalyParams extends AuditQuery {
  @ApiPropertyOptional({ enum: ['open', 'resolved'] })
  @IsOptional() @IsIn(['open', 'resolved'])
  status?: 'open' | 'resolved';

  @ApiPropertyOptional() @IsOptional() @IsString()
  context?: string;

  @ApiPropertyOptional() @IsOptional() @IsString()
  streamId?: string;
}
