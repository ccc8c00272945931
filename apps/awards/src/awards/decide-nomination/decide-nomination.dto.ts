import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CalendarDate, Text } from '@nangsuat/service-runtime';
import { AWARD_OUTCOMES, AwardOutcome } from '@nangsuat/contracts/awards';

export class DecideNominationDto {
  @ApiProperty({ enum: AWARD_OUTCOMES, example: 'awarded' })
  @IsIn(AWARD_OUTCOMES as unknown as string[], { message: `outcome must be one of: ${AWARD_OUTCOMES.join(', ')}` })
  outcome!: AwardOutcome;

  @ApiProperty({ example: '123/QĐ-UBND', description: 'Decision document number (QĐ with the Vietnamese letter Đ), e.g. 45/2025/QĐ-UBND' })
  @Text(100)
  decisionDocumentNumber!: string;

  @ApiPropertyOptional({ example: '20/11/2025', description: 'Date of the decision (dd/mm/yyyy or yyyy-mm-dd), not in the future; default today' })
  @IsOptional() @CalendarDate()
  decisionDate?: string;
}
