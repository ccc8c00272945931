import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches, MaxLength } from 'class-validator';
import { BoundedNumber, CalendarDate, Id, Text } from '@nangsuat/service-runtime';

export class RecordAchievementDto {
  @ApiPropertyOptional({ example: 'clb-cd-nghe-2024', description: 'default: derived from the Idempotency-Key, else generated' }) @IsOptional() @Id() achievementId?: string;
  @ApiProperty({ example: 'productivity-clubs', description: 'a catalogue indicator fed by recorded achievements (GET /indicators)' })
  @MaxLength(64)
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'indicator must be the code of an indicator of the catalogue, such as schools-5s' })
  indicator: string;
  @ApiProperty({ example: 'cd-nghe-ninh-thuan', description: 'a registered organisation (GET /organisations)' }) @Id() organisationId: string;
  @ApiPropertyOptional({ example: 'Quyết định 123/QĐ-UBND giao nhiệm vụ KH&CN', description: 'what is counted when it is not the organisation (an S&T task’s reference)' })
  @IsOptional()
  @Text(200)
  subjectRef?: string;
  @ApiProperty({ example: '20/11/2024', description: 'the day it was achieved (dd/mm/yyyy or yyyy-mm-dd)' }) @CalendarDate() achievedOn: string;
  @ApiProperty({ example: 'Thành lập Câu lạc bộ cải tiến năng suất của nhà trường' }) @Text(2000) description: string;
  @ApiProperty({ example: 'Quyết định số 215/QĐ-CĐN ngày 20/11/2024' }) @Text(500) evidence: string;
  @ApiPropertyOptional({ example: 1, description: 'for indicators that add up values' }) @IsOptional() @BoundedNumber(-1_000_000_000, 1_000_000_000) value?: number;
}
