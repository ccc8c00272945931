import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class CancelRegistrationDto {
  @ApiPropertyOptional({ example: 'Bận công tác' })
  @IsOptional() @IsString() @MaxLength(2000)
  reason?: string;
}
