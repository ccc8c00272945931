import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQuery, UNIT_CODE_PATTERN } from '@nangsuat/service-runtime';
import { ENTERPRISE_GROUPS, PRODUCTIVITY_TOOLS } from '@nangsuat/contracts/support-programs';

export class ListProgrammesQuery extends PageQuery {
  @ApiPropertyOptional({ example: '51', description: 'Programmes of this unit and every unit within it' })
  @IsOptional() @IsString() @Matches(UNIT_CODE_PATTERN, { message: '$property must be an administrative unit code such as 51 or 51-NGOKBAY.' })
  unit?: string;

  @ApiPropertyOptional({ enum: ['open', 'closed'] })
  @IsOptional() @IsIn(['open', 'closed'])
  status?: 'open' | 'closed';

  @ApiPropertyOptional({ enum: PRODUCTIVITY_TOOLS, description: 'Programmes offering this tool' })
  @IsOptional() @IsIn(PRODUCTIVITY_TOOLS, { message: `$property must be one of: ${PRODUCTIVITY_TOOLS.join(', ')}` })
  tool?: string;

  @ApiPropertyOptional({ enum: ENTERPRISE_GROUPS, description: 'Programmes open to this group of enterprises' })
  @IsOptional() @IsIn(ENTERPRISE_GROUPS, { message: `$property must be one of: ${ENTERPRISE_GROUPS.join(', ')}` })
  group?: string;

  @ApiPropertyOptional({ example: '138/KH-UBND', description: 'Programmes serving this plan' })
  @IsOptional() @IsString() @MaxLength(60)
  plan?: string;

  @ApiPropertyOptional({ example: 'mo hinh diem ngok bay', description: 'Words of the name, legal basis or plan; diacritics and case ignored' })
  @IsOptional() @IsString() @MaxLength(200)
  q?: string;
}
