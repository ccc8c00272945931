import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsOptional, Matches, MaxLength } from 'class-validator';
import { CalendarDate, Nested, Text } from '@nangsuat/service-runtime';
import { COUNTING_RULES, DISTINCT_OF, FACT_KINDS, FEED_SOURCES, IDENTITIES, INDICATOR_LEVELS, IndicatorEntry, REPEATS, UNITS_OF_MEASURE } from '@nangsuat/contracts/plans';

/**
 * Request shapes of catalogue entries: every field typed and bounded (400 naming the field); what
 * the values mean together (a reported indicator takes the latest value, a share is in %…) is checked
 * by the catalogue decider (422).
 */

const UNIT_KEYS = Object.keys(UNITS_OF_MEASURE);
export const IndicatorCode = () =>
  applyDecorators(MaxLength(64), Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: '$property must be a kebab-case indicator code such as schools-5s.' }));

const FactKinds = (min = 0) =>
  applyDecorators(
    IsArray(),
    ArrayMinSize(min),
    ArrayMaxSize(FACT_KINDS.length),
    IsIn(FACT_KINDS, { each: true, message: `each of $property must be one of: ${FACT_KINDS.join(', ')}` }),
    ApiProperty({ enum: FACT_KINDS, isArray: true }),
  );

export class NamesDto {
  @ApiProperty({ example: 'Trường học áp dụng công cụ 5S' }) @Text(300) vi: string;
  @ApiProperty({ example: 'Schools applying 5S' }) @Text(300) en: string;
}

export class CountingRuleDto {
  @ApiProperty({ enum: COUNTING_RULES, example: 'distinct-subjects' }) @IsIn(COUNTING_RULES, { message: `rule must be one of: ${COUNTING_RULES.join(', ')}` }) rule: (typeof COUNTING_RULES)[number];
  @ApiProperty({ enum: IDENTITIES, example: 'record-or-subject', description: 'how facts of one thing are told apart; a reversal undoes the facts of the same thing' })
  @IsIn(IDENTITIES, { message: `identity must be one of: ${IDENTITIES.join(', ')}` })
  identity: (typeof IDENTITIES)[number];
  @ApiProperty({ enum: REPEATS, example: 'first', description: 'repeated facts of one thing: the first stands, the last replaces it, or all stand' })
  @IsIn(REPEATS, { message: `repeats must be one of: ${REPEATS.join(', ')}` })
  repeats: (typeof REPEATS)[number];
  @ApiPropertyOptional({ enum: DISTINCT_OF, example: 'subjects' }) @IsOptional() @IsIn(DISTINCT_OF, { message: `distinct must be one of: ${DISTINCT_OF.join(', ')}` }) distinct?: (typeof DISTINCT_OF)[number];
  @ApiPropertyOptional({ description: 'once a thing has one of these facts, a reversal no longer undoes it' }) @IsOptional() @FactKinds() finalKinds?: (typeof FACT_KINDS)[number][];
  @ApiPropertyOptional({ description: 'facts count only while valid (validUntil)' }) @IsOptional() @IsBoolean() onlyWhileValid?: boolean;
  @ApiPropertyOptional({ description: 'counted again in the breakdown as completed' }) @IsOptional() @FactKinds() completedKinds?: (typeof FACT_KINDS)[number][];
  @ApiPropertyOptional({ description: 'share: the numerator’s fact kinds' }) @IsOptional() @FactKinds() numeratorKinds?: (typeof FACT_KINDS)[number][];
}

export class FactFeedDto {
  @ApiProperty({ enum: FEED_SOURCES, example: 'recorded-achievements' }) @IsIn(FEED_SOURCES, { message: `from must be one of: ${FEED_SOURCES.join(', ')}` }) from: (typeof FEED_SOURCES)[number];
  @ApiPropertyOptional({ description: 'service-events: the fact kinds that count' }) @IsOptional() @FactKinds() counts?: (typeof FACT_KINDS)[number][];
  @ApiPropertyOptional({ description: 'service-events: the fact kinds that undo a count' }) @IsOptional() @FactKinds() reverses?: (typeof FACT_KINDS)[number][];
}

export class IndicatorEntryDto {
  @ApiProperty({ example: 'schools-5s' }) @IndicatorCode() code: string;
  @ApiProperty({ type: NamesDto }) @Nested(() => NamesDto) name: NamesDto;
  @ApiProperty({ enum: UNIT_KEYS, example: 'schools' }) @IsIn(UNIT_KEYS, { message: `unitOfMeasure must be one of: ${UNIT_KEYS.join(', ')}` }) unitOfMeasure: string;
  @ApiProperty({ enum: ['counted', 'reported'] }) @IsIn(['counted', 'reported'], { message: 'source must be counted or reported' }) source: 'counted' | 'reported';
  @ApiProperty({ type: CountingRuleDto }) @Nested(() => CountingRuleDto) counting: CountingRuleDto;
  @ApiProperty({ type: FactFeedDto }) @Nested(() => FactFeedDto) feed: FactFeedDto;
  @ApiProperty({ enum: INDICATOR_LEVELS, isArray: true, example: ['province', 'commune'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(INDICATOR_LEVELS.length)
  @IsIn(INDICATOR_LEVELS, { each: true, message: `each of levels must be one of: ${INDICATOR_LEVELS.join(', ')}` })
  levels: string[];
  @ApiPropertyOptional({ example: '01/01/2026' }) @IsOptional() @CalendarDate() validFrom?: string;
  @ApiPropertyOptional({ example: '31/12/2030' }) @IsOptional() @CalendarDate() validTo?: string;
  @ApiPropertyOptional({ example: 'Bộ chỉ số năng suất quốc gia (Bộ KH&CN)' }) @IsOptional() @Text(500) basis?: string;
  @ApiPropertyOptional() @IsOptional() @Text(2000) note?: string;
}

/** The domain entry of a validated request (missing lists become empty). */
export function toEntry(dto: IndicatorEntryDto): IndicatorEntry {
  return {
    ...dto,
    feed: { from: dto.feed.from, counts: dto.feed.counts ?? [], reverses: dto.feed.reverses ?? [] },
  } as IndicatorEntry;
}
