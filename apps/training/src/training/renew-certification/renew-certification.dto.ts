import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, ValidateNested } from 'class-validator';
import { EvidenceDto } from '../apply-certification/apply-certification.dto';

export class RenewCertificationDto {
  @ApiPropertyOptional({ example: '14/08/2031', description: 'New last day of validity; default current validTo + the level\'s validity years' })
  @IsOptional() @IsString()
  validTo?: string;

  @ApiProperty({ type: [EvidenceDto], description: 'The level\'s renewal evidence (e.g. cpd-record)' })
  @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => EvidenceDto)
  evidence!: EvidenceDto[];
}
