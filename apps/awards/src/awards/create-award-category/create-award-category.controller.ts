import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@nangsuat/auth';
import type { Actor } from '@nangsuat/event-sourcing';
import type { Request } from 'express';
import { CreateAwardCategoryDto } from './create-award-category.dto';
import { CreateAwardCategoryHandler } from './create-award-category.handler';

@ApiTags('award categories')
@ApiBearerAuth()
@Controller('award-categories')
export class CreateAwardCategoryController {
  constructor(private readonly handler: CreateAwardCategoryHandler) {}

  @Post()
  @HttpCode(201)
  @Roles('province-admin', 'department-officer')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOperation({ summary: 'Create an award category: eligible nominee kinds and the period nominations are accepted in' })
  create(@Req() req: Request, @CurrentActor() actor: Actor, @Body() dto: CreateAwardCategoryDto) {
    return this.handler.handle(req, actor, dto);
  }
}
