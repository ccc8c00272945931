import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { UNIT_CODE_PATTERN } from '@nangsuat/service-runtime';
import { ENTERPRISE_GROUPS, ENTERPRISE_SIZES, EnterpriseGroup, EnterpriseSize } from '@nangsuat/contracts/support-programs';

/** A claim: the tax code, and — for an enterprise the platform does not know yet — its profile. */
export class SubmitEnterpriseClaimDto {
  @ApiProperty({ example: '6101234567', description: 'Mã số thuế of the enterprise you act for (10 digits, or 10-3 for a branch)' })
  @IsString() @IsNotEmpty() @MaxLength(30)
  taxCode: string;

  @ApiPropertyOptional({ example: 'Hợp tác xã Nông nghiệp Sâm Ngọc Linh Ngọk Bay', maxLength: 300, description: 'For a new enterprise' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(300)
  name?: string;

  @ApiPropertyOptional({ example: '51-NGOKBAY', description: 'For a new enterprise: the administrative unit where it is (its officer confirms the claim)' })
  @IsOptional() @IsString() @Matches(UNIT_CODE_PATTERN, { message: '$property must be an administrative unit code such as 51 or 51-NGOKBAY.' })
  unitCode?: string;

  @ApiPropertyOptional({ example: 'Nông nghiệp — dược liệu', maxLength: 200, description: 'For a new enterprise' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200)
  sector?: string;

  @ApiPropertyOptional({ enum: ENTERPRISE_SIZES, description: 'For a new enterprise' })
  @IsOptional() @IsIn(ENTERPRISE_SIZES, { message: `$property must be one of: ${ENTERPRISE_SIZES.join(', ')}` })
  size?: EnterpriseSize;

  @ApiPropertyOptional({ enum: ENTERPRISE_GROUPS, description: 'For a new enterprise' })
  @IsOptional() @IsIn(ENTERPRISE_GROUPS, { message: `$property must be one of: ${ENTERPRISE_GROUPS.join(', ')}` })
  group?: EnterpriseGroup;
}

export class ClaimReasonDto {
  @ApiProperty({ example: 'Người đăng ký không phải đại diện của hợp tác xã', minLength: 3, maxLength: 2000 })
  @IsString() @MinLength(3) @MaxLength(2000)
  reason: string;
}
