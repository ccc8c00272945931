import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { Id, Nested, PersonId, Text, TextList, UnitCode } from '@nangsuat/service-runtime';
import { NOMINATOR_KINDS, NOMINEE_KINDS, NominatorKind, NomineeKind } from '@nangsuat/contracts/awards';

export class NomineeDto {
  @ApiProperty({ enum: NOMINEE_KINDS, example: 'enterprise' })
  @IsIn(NOMINEE_KINDS as unknown as string[], { message: `nominee.kind must be one of: ${NOMINEE_KINDS.join(', ')}` })
  kind!: NomineeKind;

  @ApiProperty({ example: 'HTX Nông nghiệp Ngọk Bay' })
  @Text(300)
  name!: string;

  @ApiPropertyOptional({ example: 'mst-6101234567', description: 'For an enterprise nominee registered in support-programs' })
  @IsOptional() @PersonId()
  enterpriseId?: string;

  @ApiPropertyOptional({ example: 'p-7f3a9c', description: 'For an individual: a pseudonymous person id' })
  @IsOptional() @PersonId()
  personId?: string;
}

export class NominatorDto {
  @ApiProperty({ enum: NOMINATOR_KINDS, example: 'cooperative-alliance' })
  @IsIn(NOMINATOR_KINDS as unknown as string[], { message: `nominatedBy.kind must be one of: ${NOMINATOR_KINDS.join(', ')}` })
  kind!: NominatorKind;

  @ApiProperty({ example: 'Liên minh Hợp tác xã tỉnh Quảng Ngãi' })
  @Text(300)
  name!: string;
}

export class NominateDto {
  @ApiPropertyOptional({ example: 'nom-2025-001', description: 'Your id for the nomination; generated when absent' })
  @IsOptional() @Id()
  nominationId?: string;

  @ApiProperty({ example: 'ns-2025-dn' })
  @Id()
  categoryId!: string;

  @ApiProperty({ type: NomineeDto })
  @Nested(() => NomineeDto)
  nominee!: NomineeDto;

  @ApiProperty({ type: NominatorDto })
  @Nested(() => NominatorDto)
  nominatedBy!: NominatorDto;

  @ApiProperty({ example: '51-NGOKBAY', description: 'The nominee\'s unit (within the category\'s unit)' })
  @UnitCode()
  unitCode!: string;

  @ApiProperty({ example: ['Áp dụng 5S, năng suất lao động tăng 12 %'], description: 'At least one' })
  @TextList(50, 2000, 1)
  achievements!: string[];
}
