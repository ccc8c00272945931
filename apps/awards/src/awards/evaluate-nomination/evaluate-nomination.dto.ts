import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

export class EvaluateNominationDto {
  @ApiProperty({ example: 86, minimum: 0, maximum: 100, description: 'Whole score 0–100' })
  @IsInt() @Min(0) @Max(100)
  score!: number;

  @ApiProperty({ example: 'Mô hình 5S hiệu quả, có thể nhân rộng' })
  @IsString() @MinLength(1) @MaxLength(5000)
  comment!: string;
}
