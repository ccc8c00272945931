import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { CalendarDate } from '@nangsuat/service-runtime';

export class ClosePlanDto {
  @ApiProperty({ example: '31/12/2030' }) @CalendarDate() closedOn: string;
  @ApiProperty({ example: 'Tổng kết thực hiện Kế hoạch giai đoạn 2023–2030' }) @IsString() @MinLength(5) @MaxLength(2000) reason: string;
}
