import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { BoundedNumber, NestedList } from '@nangsuat/service-runtime';

export class CriterionScoreDto {
  @ApiProperty({ example: 'knowledge', description: 'A criterion code of the level (see the application\'s requirements)' })
  @IsString() @MaxLength(64)
  criterionCode!: string;

  @ApiProperty({ example: 75 })
  @BoundedNumber(0, 1000)
  score!: number;

  @ApiPropertyOptional({ example: 'Nắm vững 5S, Kaizen' })
  @IsOptional() @IsString() @MaxLength(2000)
  comment?: string;
}

export class AssessCertificationDto {
  @ApiProperty({ type: [CriterionScoreDto], description: 'One score per criterion of the level' })
  @NestedList(() => CriterionScoreDto, 50, 1)
  scores!: CriterionScoreDto[];
}
