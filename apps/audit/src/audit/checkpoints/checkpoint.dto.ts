import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { BoundedNumber, CalendarDate } from '@nangsuat/service-runtime';
import { AUDITED_CONTEXTS } from '../common/contexts';

export class CheckpointParams {
  @ApiProperty({ enum: AUDITED_CONTEXTS })
  @IsIn(AUDITED_CONTEXTS)
  context: string;

  @ApiProperty({ description: 'Vietnam calendar date (yyyy-mm-dd or dd/mm/yyyy)', example: '2025-07-01' })
  @CalendarDate()
  date: string;

  @ApiPropertyOptional({ enum: ['json'], description: 'json: as a download' })
  @IsOptional() @IsIn(['json'])
  format?: 'json';
}

export class ChainParams {
  @ApiProperty({ enum: AUDITED_CONTEXTS })
  @IsIn(AUDITED_CONTEXTS)
  context: string;

  @ApiPropertyOptional({ description: 'A chain head exported earlier (hex): is the chain still leading through it?' })
  @IsOptional() @Matches(/^[0-9a-f]{64}$/, { message: 'head must be the 64 hexadecimal digits of an exported chain head' })
  head?: string;
}

export class VerifyRootParams extends CheckpointParams {
  @ApiProperty({ description: 'The root of the checkpoint you exported earlier (hex)' })
  @Matches(/^[0-9a-f]{64}$/)
  root: string;
}

export class ProofParams extends CheckpointParams {
  @ApiProperty() @IsString() @MaxLength(100)
  eventId: string;
}

export class MerkleLeafDto {
  @ApiProperty() @IsString() @MaxLength(100) eventId: string;
  @ApiProperty() @IsString() @MaxLength(300) streamId: string;
  @ApiProperty() @BoundedNumber(1, Number.MAX_SAFE_INTEGER, { integer: true }) streamVersion: number;
  @ApiProperty() @BoundedNumber(0, Number.MAX_SAFE_INTEGER, { integer: true }) globalPosition: number;
  @ApiProperty() @IsString() @MaxLength(200) type: string;
  @ApiProperty() @Matches(/^[0-9a-f]{64}$/) hash: string;
}

/** An exported checkpoint (GET /audit/checkpoints?format=json) as it is posted back. */
export class ExportedCheckpointDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) format?: string;
  @ApiProperty({ enum: AUDITED_CONTEXTS }) @IsIn(AUDITED_CONTEXTS) context: string;
  @ApiProperty() @CalendarDate() date: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) timeZone?: string;
  @ApiProperty() @Matches(/^[0-9a-f]{64}$/) root: string;
  @ApiPropertyOptional() @IsOptional() @BoundedNumber(0, 100_000, { integer: true }) leafCount?: number;
  @ApiProperty({ type: [MerkleLeafDto] })
  @IsArray() @ArrayMaxSize(100_000) @ValidateNested({ each: true }) @Type(() => MerkleLeafDto)
  leaves: MerkleLeafDto[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() sealed?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) sealedAt?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) hashing?: string;
}
