import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class ReturnReportDto {
  @ApiProperty({ example: 'Thiếu số liệu lớp tập huấn tháng 10; đề nghị bổ sung.' })
  @IsString() @MinLength(1) @MaxLength(2000) reason: string;
}
