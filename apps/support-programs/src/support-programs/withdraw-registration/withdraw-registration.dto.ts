import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class WithdrawRegistrationDto {
  @ApiProperty({ example: 'Doanh nghiệp tạm dừng sản xuất do thiếu nguyên liệu', description: 'Why the registration is withdrawn (required)' })
  @IsString() @IsNotEmpty() @MaxLength(2000)
  reason: string;
}
