import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class RevokeCertificationDto {
  @ApiProperty({ example: 'Phát hiện hồ sơ kinh nghiệm không trung thực' })
  @IsString() @MinLength(1) @MaxLength(2000)
  reason!: string;
}
