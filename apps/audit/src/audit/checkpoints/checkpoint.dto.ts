import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Min, ValidateNested } from 'class-validator';
import { AUDITED_CONTEXTS } from '../common/contexts';

export class CheckpointParams {
  @ApiProperty({ enum: AUDITED_CONTEXTS })
  @IsIn(AUDITED_CONTEXTS)
  context: string;

  @ApiProperty({ description: 'Vietnam calendar date', example: '2025-07-01' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  date: string;

  @ApiPropertyOptional({ enum: ['json'], description: 'json: as a download' })
  @IsOptional() @IsIn(['json'])
  format?: 'json';
}

export class VerifyRootParams extends CheckpointParams {
  @ApiProperty({ description: 'The root of the checkpoint you exported earlier (hex)' })
  @Matches(/^[0-9a-f]{64}$/)
  root: string;
}

export class ProofParams extends CheckpointParams {
  @ApiProperty() @IsString()
  eventId: string;
}

export class MerkleLeafDto {
  @ApiProperty() @IsString() eventId: string;
  @ApiProperty() @IsString() streamId: string;
  @ApiProperty() @IsInt() @Min(1) streamVersion: number;
  @ApiProperty() @IsInt() globalPosition: number;
  @ApiProperty() @IsString() type: string;
  @ApiProperty() @Matches(/^[0-9a-f]{64}$/) hash: string;
}

/** An exported checkpoint (GET /audit/checkpoints?format=json) as it is posted back. */
export class ExportedCheckpointDto {
  @ApiPropertyOptional() @IsOptional() @IsString() format?: string;
  @ApiProperty({ enum: AUDITED_CONTEXTS }) @IsIn(AUDITED_CONTEXTS) context: string;
  @ApiProperty() @Matches(/^\d{4}-\d{2}-\d{2}$/) date: string;
  @ApiPropertyOptional() @IsOptional() @IsString() timeZone?: string;
  @ApiProperty() @Matches(/^[0-9a-f]{64}$/) root: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() leafCount?: number;
  @ApiProperty({ type: [MerkleLeafDto] })
  @IsArray() @ArrayMaxSize(100_000) @ValidateNested({ each: true }) @Type(() => MerkleLeafDto)
  leaves: MerkleLeafDto[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() sealed?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() sealedAt?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() hashing?: string;
}
