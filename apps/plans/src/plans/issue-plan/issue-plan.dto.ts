import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { CalendarDate, Nested } from '@nangsuat/service-runtime';
import { SignerDto } from '../plan-content.dto';

export class IssuePlanDto {
  @ApiPropertyOptional({ example: '4009/KH-UBND', description: 'required unless the draft has it; QD is read as QĐ' })
  @IsOptional() @IsString() @MaxLength(64) documentNumber?: string;
  @ApiPropertyOptional({ example: '26/09/2023', description: 'dd/mm/yyyy or yyyy-mm-dd' }) @IsOptional() @CalendarDate() issueDate?: string;
  @ApiPropertyOptional({ type: SignerDto }) @IsOptional() @Nested(() => SignerDto) signer?: SignerDto;
}
