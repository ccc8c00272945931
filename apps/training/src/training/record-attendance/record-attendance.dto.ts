import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

export class RecordAttendanceDto {
  @ApiProperty({ example: 's1' })
  @IsString() @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'sessionId must be 1–64 letters, digits, _ or -' })
  sessionId!: string;

  @ApiProperty({ example: 'p-7f3a9c' })
  @IsString() @Matches(/^[A-Za-z0-9_-]{1,128}$/, { message: "personId must be 1–128 letters, digits, '_' or '-'" })
  personId!: string;
}
