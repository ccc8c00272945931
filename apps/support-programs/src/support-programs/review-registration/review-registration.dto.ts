import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class ReviewRegistrationDto {
  @ApiPropertyOptional({ example: 'Tiếp nhận hồ sơ, phân công cán bộ thẩm định' })
  @IsOptional() @IsString() @MaxLength(2000)
  note?: string;
}

export class RejectRegistrationDto {
  @ApiProperty({ example: 'Doanh nghiệp chưa đáp ứng điều kiện về nhân lực triển khai mô hình', description: 'Why the registration is rejected (required; the enterprise sees it)' })
  @IsString() @IsNotEmpty() @MaxLength(2000)
  reason: string;
}

export class ApproveRegistrationDto {
  @ApiPropertyOptional({ example: 'Phê duyệt tham gia mô hình điểm năm 2025', maxLength: 2000 })
  @IsOptional() @IsString() @MaxLength(2000)
  note?: string;
}
