import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class CancelCourseDto {
  @ApiProperty({ example: 'Không đủ học viên đăng ký' })
  @IsString() @MinLength(1) @MaxLength(2000)
  reason!: string;
}
