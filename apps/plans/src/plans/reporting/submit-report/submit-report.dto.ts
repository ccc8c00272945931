import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class SubmitReportDto {
  @ApiPropertyOptional({ example: 'Năm 2025 xã đã tổ chức 02 lớp tập huấn 5S…' })
  @IsOptional() @IsString() @MaxLength(10_000) summary?: string;
}
