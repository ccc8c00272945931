import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { IdList } from '@nangsuat/service-runtime';

export class LateExceptionDto {
  @ApiProperty({ example: ['0f5c…'], description: 'ids of the late events (GET /reporting-periods/:id → current.lateEventIds)' })
  @IdList(1000, 1) eventIds: string[];
  @ApiProperty({ example: 'Lớp tập huấn kết thúc 09/11 nhưng danh sách gửi chậm do mất điện.' })
  @IsString() @MinLength(1) @MaxLength(2000) reason: string;
}
