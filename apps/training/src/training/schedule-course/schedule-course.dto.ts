import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { BoundedNumber, CalendarDate, Id, NestedList, Text, UnitCode, Username } from '@nangsuat/service-runtime';

export class CourseSessionDto {
  @ApiPropertyOptional({ example: 's1', description: 'Defaults to s1, s2 … in the order given' })
  @IsOptional() @Id()
  sessionId?: string;

  @ApiProperty({ example: '05/08/2025', description: 'dd/mm/yyyy or yyyy-mm-dd, within the course dates' })
  @CalendarDate()
  date!: string;
}

export class ScheduleCourseDto {
  @ApiPropertyOptional({ example: 'nb-5s-2025-08', description: 'Your id for the course (letters, digits, _ -); generated when absent' })
  @IsOptional() @Id()
  courseId?: string;

  @ApiProperty({ example: '51-NGOKBAY', description: 'Administrative unit that runs the course; person-times count here' })
  @UnitCode()
  unitCode!: string;

  @ApiProperty({ example: 'Tập huấn áp dụng công cụ 5S, Kaizen cho hợp tác xã' })
  @Text(300)
  topic!: string;

  @ApiProperty({ example: '04/08/2025', description: 'dd/mm/yyyy or yyyy-mm-dd' })
  @CalendarDate()
  startDate!: string;

  @ApiProperty({ example: '05/08/2025', description: 'dd/mm/yyyy or yyyy-mm-dd' })
  @CalendarDate()
  endDate!: string;

  @ApiProperty({ example: 30, minimum: 1, description: 'Seats; registrations beyond it go to the waiting list' })
  @BoundedNumber(1, 10_000, { integer: true })
  capacity!: number;

  @ApiPropertyOptional({ example: 'ngokbay.trainer', description: 'Trainer (username); defaults to the caller when the caller is a trainer' })
  @IsOptional() @Username()
  trainerId?: string;

  @ApiPropertyOptional({ type: [CourseSessionDto], description: 'Defaults to one session per course day' })
  @IsOptional() @NestedList(() => CourseSessionDto, 200, 1)
  sessions?: CourseSessionDto[];

  @ApiPropertyOptional({ example: 1, minimum: 0, description: 'Sessions a trainee must attend to complete (default 1)' })
  @IsOptional() @BoundedNumber(0, 200, { integer: true })
  minAttendedSessions?: number;

  @ApiPropertyOptional({ example: '4009/KH-UBND', description: 'The plan the course serves' })
  @IsOptional() @IsString() @MaxLength(100)
  planDocumentNumber?: string;
}
