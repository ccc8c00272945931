import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ENTERPRISE_ID_PATTERN } from '@nangsuat/service-runtime';
import { PRODUCTIVITY_TOOLS, ProductivityTool } from '@nangsuat/contracts/support-programs';

export class SubmitRegistrationDto {
  @ApiProperty({ enum: PRODUCTIVITY_TOOLS, isArray: true, example: ['5s', 'kaizen'], description: 'Tools of the pilot model; each must be offered by the programme' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(PRODUCTIVITY_TOOLS.length) @IsIn(PRODUCTIVITY_TOOLS, { each: true, message: `each of $property must be one of: ${PRODUCTIVITY_TOOLS.join(', ')}` })
  tools: ProductivityTool[];

  @ApiPropertyOptional({ example: 'Áp dụng 5S và Kaizen tại xưởng sơ chế sâm Ngọc Linh, giảm 20% thời gian sơ chế', maxLength: 5000 })
  @IsOptional() @IsString() @MaxLength(5000)
  description?: string;

  @ApiPropertyOptional({ example: 'mst-6101234567', description: 'Your enterprise (mst-<tax code>); defaults to the enterprise your account acts for' })
  @IsOptional() @IsString() @Matches(ENTERPRISE_ID_PATTERN, { message: '$property must be an enterprise id mst-<tax code>.' })
  enterpriseId?: string;
}
