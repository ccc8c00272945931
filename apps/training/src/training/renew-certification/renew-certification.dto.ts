import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { CalendarDate, NestedList } from '@nangsuat/service-runtime';
import { EvidenceDto } from '../apply-certification/apply-certification.dto';

export class RenewCertificationDto {
  @ApiPropertyOptional({ example: '14/08/2031', description: 'New last day of validity; default current validTo + the level\'s validity years' })
  @IsOptional() @CalendarDate()
  validTo?: string;

  @ApiProperty({ type: [EvidenceDto], description: 'The level\'s renewal evidence (e.g. cpd-record)' })
  @NestedList(() => EvidenceDto, 50)
  evidence!: EvidenceDto[];
}
