import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nangsuat/auth';
import { DomainRuleViolation } from '@nangsuat/event-sourcing';
import { CommandContext, CurrentCommand, Nested, Text } from '@nangsuat/service-runtime';
import { IndicatorEntryDto, toEntry } from '../indicator-entry.dto';
import { CATALOGUE_WRITERS, IndicatorCatalogue, IndicatorView } from '../indicator-catalogue.service';

export class ReviseIndicatorDto {
  @ApiProperty({ type: IndicatorEntryDto, description: 'the whole entry as it is to be; its code is the one in the path' }) @Nested(() => IndicatorEntryDto) entry: IndicatorEntryDto;
  @ApiProperty({ example: 'Bộ KH&CN công bố bộ chỉ số năm 2026' }) @Text(1000, 3) reason: string;
}

@ApiTags('indicators')
@ApiBearerAuth()
@Controller('indicators')
export class ReviseIndicatorController {
  constructor(private readonly catalogue: IndicatorCatalogue) {}

  @Post(':code/revisions')
  @Roles(...CATALOGUE_WRITERS)
  @ApiOperation({ summary: 'Revise a catalogue entry (names, levels, validity, counting rule…), with the reason; the previous entry is kept in the event' })
  async revise(@CurrentCommand() context: CommandContext, @Param('code') code: string, @Body() dto: ReviseIndicatorDto): Promise<IndicatorView & { catalogueVersion: number }> {
    if (dto.entry.code !== code) throw new DomainRuleViolation(`The entry's code "${dto.entry.code}" is not the one in the path ("${code}"); a code never changes — define a new indicator instead.`, 'code-mismatch');
    const { view } = await this.catalogue.execute(context, { type: 'ReviseIndicator', entry: toEntry(dto.entry) }, dto.reason);
    return { ...view.indicators.find((i) => i.code === code)!, catalogueVersion: view.version };
  }
}
