import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class WithdrawNominationDto {
  @ApiProperty({ example: 'Doanh nghiệp xin rút hồ sơ' })
  @IsString() @MinLength(1) @MaxLength(2000)
  reason!: string;
}
