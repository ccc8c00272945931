import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nangsuat/auth';
import { CommandContext, CurrentCommand, Nested, Text } from '@nangsuat/service-runtime';
import { IndicatorEntryDto, toEntry } from '../indicator-entry.dto';
import { CATALOGUE_WRITERS, IndicatorCatalogue, indicatorView, IndicatorView } from '../indicator-catalogue.service';

export class DefineIndicatorDto {
  @ApiProperty({ type: IndicatorEntryDto }) @Nested(() => IndicatorEntryDto) entry: IndicatorEntryDto;
  @ApiProperty({ example: 'Chỉ tiêu riêng của tỉnh theo Kế hoạch 4009/KH-UBND' }) @Text(1000, 3) reason: string;
}

@ApiTags('indicators')
@ApiBearerAuth()
@Controller('indicators')
export class DefineIndicatorController {
  constructor(private readonly catalogue: IndicatorCatalogue) {}

  @Post()
  @Roles(...CATALOGUE_WRITERS)
  @ApiOperation({ summary: 'Add an indicator to the catalogue (code, names, unit, counting rule, facts, levels, validity), with the reason' })
  async define(@CurrentCommand() context: CommandContext, @Body() dto: DefineIndicatorDto): Promise<IndicatorView & { catalogueVersion: number }> {
    const entry = toEntry(dto.entry);
    const { view } = await this.catalogue.execute(context, { type: 'DefineIndicator', entry }, dto.reason);
    const defined = view.indicators.find((i) => i.code === entry.code)!;
    return { ...defined, catalogueVersion: view.version };
  }
}

export { indicatorView };
