import { ApiProperty } from '@nestjs/swagger';
import { Id, PersonId } from '@nangsuat/service-runtime';

export class RecordAttendanceDto {
  @ApiProperty({ example: 's1' })
  @Id()
  sessionId!: string;

  @ApiProperty({ example: 'p-7f3a9c' })
  @PersonId()
  personId!: string;
}
