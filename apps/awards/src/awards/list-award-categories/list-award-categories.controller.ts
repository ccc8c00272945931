import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ListAwardCategoriesHandler } from './list-award-categories.handler';
import { ListAwardCategoriesQuery } from './list-award-categories.query';

@ApiTags('award categories')
@ApiBearerAuth()
@Controller('award-categories')
export class ListAwardCategoriesController {
  constructor(private readonly handler: ListAwardCategoriesHandler) {}

  @Get()
  @ApiOperation({ summary: 'Award categories (any signed-in user); filter by unit subtree, open on a date, q' })
  list(@Query() q: ListAwardCategoriesQuery) {
    return this.handler.handle(q);
  }
}
