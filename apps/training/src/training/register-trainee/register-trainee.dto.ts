import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ORGANISATION_TYPES, OrganisationType } from '@nangsuat/contracts/training';
import { PersonId } from '@nangsuat/service-runtime';

export class RegisterTraineeDto {
  @ApiPropertyOptional({
    example: 'p-7f3a9c',
    description: 'Pseudonymous person id (a hash of the citizen id or a generated id). Give this or citizenId. A raw 9/12-digit citizen number is refused here.',
  })
  @IsOptional() @PersonId()
  personId?: string;

  @ApiPropertyOptional({
    example: '051095001234',
    description: 'Citizen id (CCCD 12 digits / CMND 9 digits): hashed by the service into personId and never stored. Give this or personId.',
  })
  @IsOptional() @IsString() @Matches(/^(\d{9}|\d{12})$/, { message: 'citizenId must be 9 or 12 digits' })
  citizenId?: string;

  @ApiProperty({ example: 'Nguyễn Thị Hoa' })
  @IsString() @MaxLength(200)
  fullName!: string;

  @ApiProperty({ enum: ORGANISATION_TYPES, example: 'cooperative' })
  @IsIn(ORGANISATION_TYPES as unknown as string[], { message: `organisationType must be one of: ${ORGANISATION_TYPES.join(', ')}` })
  organisationType!: OrganisationType;

  @ApiProperty({ example: 'HTX Nông nghiệp Ngọk Bay' })
  @IsString() @MaxLength(300)
  organisationName!: string;
}
