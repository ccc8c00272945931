import { ApiProperty } from '@nestjs/swagger';
import { PersonId } from '@nangsuat/service-runtime';

export class CompleteTraineeDto {
  @ApiProperty({ example: 'p-7f3a9c' })
  @PersonId()
  personId!: string;
}
