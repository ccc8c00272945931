import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNumber, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

export class CriterionScoreDto {
  @ApiProperty({ example: 'knowledge', description: 'A criterion code of the level (see the application\'s requirements)' })
  @IsString() @MaxLength(64)
  criterionCode!: string;

  @ApiProperty({ example: 75 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  score!: number;

  @ApiPropertyOptional({ example: 'Nắm vững 5S, Kaizen' })
  @IsOptional() @IsString() @MaxLength(2000)
  comment?: string;
}

export class AssessCertificationDto {
  @ApiProperty({ type: [CriterionScoreDto], description: 'One score per criterion of the level' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => CriterionScoreDto)
  scores!: CriterionScoreDto[];
}
