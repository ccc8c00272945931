import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ID_PATTERN, UNIT_CODE_PATTERN } from '@nangsuat/service-runtime';
import { ENTERPRISE_GROUPS, ENTERPRISE_SIZES, EnterpriseGroup, EnterpriseSize } from '@nangsuat/contracts/support-programs';

export class EnterpriseProfileDto {
  @ApiProperty({ example: 'Hợp tác xã Nông nghiệp Sâm Ngọc Linh Ngọk Bay', maxLength: 300 })
  @IsString() @IsNotEmpty() @MaxLength(300)
  name: string;

  @ApiProperty({ example: '51-NGOKBAY', description: 'Administrative unit where the enterprise is' })
  @IsString() @Matches(UNIT_CODE_PATTERN, { message: '$property must be an administrative unit code such as 51 or 51-NGOKBAY.' })
  unitCode: string;

  @ApiProperty({ example: 'Nông nghiệp — trồng và chế biến dược liệu', maxLength: 200 })
  @IsString() @IsNotEmpty() @MaxLength(200)
  sector: string;

  @ApiProperty({ enum: ENTERPRISE_SIZES, example: 'small' })
  @IsIn(ENTERPRISE_SIZES, { message: `$property must be one of: ${ENTERPRISE_SIZES.join(', ')}` })
  size: EnterpriseSize;

  @ApiProperty({ enum: ENTERPRISE_GROUPS, example: 'cooperative', description: 'Priority group: SME, cooperative, start-up, S&T enterprise, OCOP producer' })
  @IsIn(ENTERPRISE_GROUPS, { message: `$property must be one of: ${ENTERPRISE_GROUPS.join(', ')}` })
  group: EnterpriseGroup;
}

export class RegisterEnterpriseDto extends EnterpriseProfileDto {
  @ApiProperty({ example: '6101234567', description: 'Mã số thuế: 10 digits (check digit verified), or 10 digits-3 digits for a branch; spaces and dots tolerated' })
  @IsString() @IsNotEmpty() @MaxLength(30)
  taxCode: string;

  @ApiPropertyOptional({
    example: 'DN-51-0001',
    description:
      "The enterprise's account in the identity provider (its users' enterprise_id claim). Set from the token when an enterprise registers itself; an officer registering on behalf may give it.",
  })
  @IsOptional() @IsString() @Matches(ID_PATTERN, { message: '$property must be 1–64 letters, digits, - or _.' })
  accountId?: string;
}

/** Only the fields to change. The tax code and the account never change. */
export class UpdateEnterpriseDto extends PartialType(EnterpriseProfileDto) {}
