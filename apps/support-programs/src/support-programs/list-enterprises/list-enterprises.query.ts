import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQuery, UNIT_CODE_PATTERN } from '@nangsuat/service-runtime';
import { ENTERPRISE_GROUPS, ENTERPRISE_SIZES } from '@nangsuat/contracts/support-programs';

export class ListEnterprisesQuery extends PageQuery {
  @ApiPropertyOptional({ example: '51', description: 'Enterprises of this unit and every unit within it' })
  @IsOptional() @IsString() @Matches(UNIT_CODE_PATTERN, { message: '$property must be an administrative unit code such as 51 or 51-NGOKBAY.' })
  unit?: string;

  @ApiPropertyOptional({ enum: ENTERPRISE_GROUPS })
  @IsOptional() @IsIn(ENTERPRISE_GROUPS, { message: `$property must be one of: ${ENTERPRISE_GROUPS.join(', ')}` })
  group?: string;

  @ApiPropertyOptional({ enum: ENTERPRISE_SIZES })
  @IsOptional() @IsIn(ENTERPRISE_SIZES, { message: `$property must be one of: ${ENTERPRISE_SIZES.join(', ')}` })
  size?: string;

  @ApiPropertyOptional({ example: 'hop tac xa sam', description: 'Words of the name, tax code or sector; diacritics and case ignored' })
  @IsOptional() @IsString() @MaxLength(200)
  q?: string;
}
