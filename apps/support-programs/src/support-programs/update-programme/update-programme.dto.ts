import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { ProgrammeTermsDto } from '../create-programme/create-programme.dto';

/** Only the fields to change; the rest stay as they are. */
export class UpdateProgrammeDto extends PartialType(ProgrammeTermsDto) {
  @ApiPropertyOptional({ example: 'Bổ sung chỉ tiêu theo Kế hoạch 138/KH-UBND điều chỉnh', description: 'Why the programme changes (kept in its history)' })
  @IsOptional() @IsString() @MaxLength(2000)
  reason?: string;
}

export class CloseProgrammeDto {
  @ApiProperty({ example: 'Đã đủ số doanh nghiệp tham gia mô hình điểm năm 2025', description: 'Why the programme closes' })
  @IsString() @IsNotEmpty() @MaxLength(2000)
  reason: string;
}
