import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

export class CompleteTraineeDto {
  @ApiProperty({ example: 'p-7f3a9c' })
  @IsString() @Matches(/^[A-Za-z0-9_-]{1,128}$/, { message: "personId must be 1–128 letters, digits, '_' or '-'" })
  personId!: string;
}
