import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, Matches } from 'class-validator';
import { USERNAME_PATTERN } from '@nangsuat/service-runtime';

export class StartEvaluationDto {
  @ApiProperty({ example: ['qn.council'], description: 'Usernames of the award council members (each must evaluate once before the decision)' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50)
  @IsString({ each: true }) @Matches(USERNAME_PATTERN, { each: true, message: 'each councilMemberIds entry must be a username such as qn.council' })
  councilMemberIds!: string[];
}
