import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { ReportLanguage } from '../report-html';

export class ReportLanguageQuery {
  @ApiPropertyOptional({ enum: ['vi', 'en'], default: 'vi' })
  @IsOptional() @IsIn(['vi', 'en'], { message: 'lang must be vi or en' }) lang?: ReportLanguage;
}
