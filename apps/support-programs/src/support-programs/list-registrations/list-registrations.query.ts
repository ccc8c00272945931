import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ENTERPRISE_ID_PATTERN, ID_PATTERN, PageQuery, UNIT_CODE_PATTERN } from '@nangsuat/service-runtime';

const STATUSES = ['submitted', 'under-review', 'approved', 'rejected', 'in-implementation', 'completed', 'withdrawn'] as const;

export class ListRegistrationsQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'ngokbay-mo-hinh-diem-2025' })
  @IsOptional() @IsString() @Matches(ID_PATTERN, { message: '$property must be a programme id.' })
  programme?: string;

  @ApiPropertyOptional({ example: 'mst-6101234567' })
  @IsOptional() @IsString() @Matches(ENTERPRISE_ID_PATTERN, { message: '$property must be an enterprise id mst-<tax code>.' })
  enterprise?: string;

  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional() @IsIn(STATUSES, { message: `$property must be one of: ${STATUSES.join(', ')}` })
  status?: string;

  @ApiPropertyOptional({ example: '51', description: "Registrations of enterprises in this unit and every unit within it" })
  @IsOptional() @IsString() @Matches(UNIT_CODE_PATTERN, { message: '$property must be an administrative unit code such as 51 or 51-NGOKBAY.' })
  unit?: string;

  @ApiPropertyOptional({ example: 'hop tac xa', description: "Words of the enterprise's name, tax code or the description; diacritics ignored" })
  @IsOptional() @IsString() @MaxLength(200)
  q?: string;
}
