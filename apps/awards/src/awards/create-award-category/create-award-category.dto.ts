import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional } from 'class-validator';
import { CalendarDate, Id, Nested, Text, UnitCode } from '@nangsuat/service-runtime';
import { NOMINEE_KINDS, NomineeKind } from '@nangsuat/contracts/awards';

export class AwardPeriodDto {
  @ApiProperty({ example: '01/09/2025', description: 'First day nominations are accepted (dd/mm/yyyy or yyyy-mm-dd)' })
  @CalendarDate()
  from!: string;

  @ApiProperty({ example: '31/10/2025', description: 'Last day nominations are accepted' })
  @CalendarDate()
  to!: string;
}

export class CreateAwardCategoryDto {
  @ApiPropertyOptional({ example: 'ns-2025-dn', description: 'Your id for the category; generated when absent' })
  @IsOptional() @Id()
  categoryId?: string;

  @ApiProperty({ example: '51' })
  @UnitCode()
  unitCode!: string;

  @ApiProperty({ example: 'Doanh nghiệp tiêu biểu trong nâng cao năng suất năm 2025' })
  @Text(300)
  name!: string;

  @ApiPropertyOptional({ example: 'Tôn vinh doanh nghiệp có mô hình điểm cải tiến năng suất hiệu quả' })
  @IsOptional() @Text(5000)
  description?: string;

  @ApiProperty({ enum: NOMINEE_KINDS, isArray: true, example: ['enterprise', 'organisation'] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(NOMINEE_KINDS.length) @IsIn(NOMINEE_KINDS as unknown as string[], { each: true, message: `each eligibleNomineeKinds entry must be one of: ${NOMINEE_KINDS.join(', ')}` })
  eligibleNomineeKinds!: NomineeKind[];

  @ApiProperty({ type: AwardPeriodDto })
  @Nested(() => AwardPeriodDto)
  period!: AwardPeriodDto;
}
