import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, Matches } from 'class-validator';

export class StartEvaluationDto {
  @ApiProperty({ example: ['qn.council'], description: 'Usernames of the award council members (each must evaluate once before the decision)' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50)
  @IsString({ each: true }) @Matches(/^[A-Za-z0-9._@-]{1,200}$/, { each: true, message: 'each councilMemberIds entry must be a username' })
  councilMemberIds!: string[];
}
