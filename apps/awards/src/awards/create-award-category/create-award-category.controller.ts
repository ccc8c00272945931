import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nangsuat/auth';
import { CreateAwardCategoryDto } from './create-award-category.dto';
import { CreateAwardCategoryHandler } from './create-award-category.handler';
import { CommandContext, CommandDocs, CurrentCommand } from '@nangsuat/service-runtime';

@ApiTags('award categories')
@ApiBearerAuth()
@Controller('award-categories')
export class CreateAwardCategoryController {
  constructor(private readonly handler: CreateAwardCategoryHandler) {}

  @Post()
  @HttpCode(201)
  @Roles('province-admin', 'department-officer')
  @CommandDocs()
  @ApiOperation({ summary: 'Create an award category: eligible nominee kinds and the period nominations are accepted in' })
  create(@CurrentCommand() context: CommandContext, @Body() dto: CreateAwardCategoryDto) {
    return this.handler.handle(context, dto);
  }
}
