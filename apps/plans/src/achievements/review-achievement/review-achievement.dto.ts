import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { Text } from '@nangsuat/service-runtime';

export class VerifyAchievementDto {
  @ApiPropertyOptional({ example: 'Đã đối chiếu quyết định thành lập' }) @IsOptional() @Text(1000) note?: string;
}

export class ReasonDto {
  @ApiProperty({ example: 'Chưa có quyết định thành lập câu lạc bộ kèm theo' }) @Text(1000, 3) reason: string;
}
