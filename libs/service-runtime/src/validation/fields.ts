import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsInt,
  IsNumber,
  IsObject,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { isIsoDate, tryParseDate } from '@nangsuat/vietnamese';
import { ENTERPRISE_ID_PATTERN, ID_PATTERN, PERSON_ID_PATTERN, PLAN_DOCUMENT_NUMBER_PATTERN, UNIT_CODE_PATTERN, USERNAME_PATTERN } from '@nangsuat/domain-values';

/**
 * The request-field vocabulary shared by every service, so an identifier, a date or a bounded number
 * has one shape and one message everywhere (400 with the field named). DTOs compose these.
 */

// The identifier shapes are the domain's (libs/domain-values); DTOs check the same patterns the deciders do.
export { ENTERPRISE_ID_PATTERN, ID_PATTERN, PERSON_ID_PATTERN, PLAN_DOCUMENT_NUMBER_PATTERN, UNIT_CODE_PATTERN, USERNAME_PATTERN };
/** Calendar dates as people write them; see CalendarDate. */
export const CALENDAR_DATE_FORMS = 'dd/mm/yyyy (e.g. 26/09/2023) or yyyy-mm-dd (e.g. 2023-09-26)';

/** An identifier of the shape `pattern` (ID_PATTERN by default), named in the message. */
export function Id(pattern: RegExp = ID_PATTERN, what = '1–64 letters, digits, _ or -'): PropertyDecorator {
  return applyDecorators(IsString({ message: `$property must be text: ${what}.` }), Matches(pattern, { message: `$property must be ${what}.` }));
}

export const UnitCode = (): PropertyDecorator => Id(UNIT_CODE_PATTERN, 'an administrative unit code such as 51 or 51-NGOKBAY');
export const PersonId = (): PropertyDecorator => Id(PERSON_ID_PATTERN, "1–128 letters, digits, '_' or '-'");
export const Username = (): PropertyDecorator => Id(USERNAME_PATTERN, 'a username such as qn.admin');

/** Text of at most `max` characters (at least `min`, default 1: empty text says nothing). */
export function Text(max: number, min = 1): PropertyDecorator {
  return applyDecorators(IsString(), MinLength(min), MaxLength(max));
}

/** A finite number within [min, max]; `integer` for counts and years. */
export function BoundedNumber(min: number, max: number, options: { integer?: boolean; each?: boolean } = {}): PropertyDecorator {
  const each = { each: options.each ?? false };
  return applyDecorators(options.integer ? IsInt(each) : IsNumber({ allowNaN: false, allowInfinity: false }, each), Min(min, each), Max(max, each));
}

/** A calendar year of the programmes' time span (`each` for a list of years). */
export const Year = (options: { each?: boolean } = {}): PropertyDecorator => BoundedNumber(1990, 2100, { integer: true, ...options });

/** A list of ids (ID_PATTERN) of at most `max` items. */
export function IdList(max: number, min = 0): PropertyDecorator {
  return applyDecorators(
    IsArray(),
    ArrayMinSize(min),
    ArrayMaxSize(max),
    IsString({ each: true }),
    Matches(ID_PATTERN, { each: true, message: 'each of $property must be 1–64 letters, digits, _ or -.' }),
  );
}

/** True for a date people write (see CalendarDate). */
export const isCalendarDateText = (value: unknown): boolean => typeof value === 'string' && value.length <= 40 && tryParseDate(value) !== undefined;

/**
 * A calendar date written dd/mm/yyyy or yyyy-mm-dd (also "ngày 19 tháng 6 năm 2025"), read into
 * yyyy-mm-dd. An impossible date (2025-13-01, 31/02/2025) is refused here with 400, like any
 * malformed field, on every route.
 */
export function CalendarDate(): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }) => (typeof value === 'string' && value.length <= 40 ? (tryParseDate(value) ?? value) : value)),
    IsString({ message: `$property must be a calendar date written as text, ${CALENDAR_DATE_FORMS}.` }),
    ValidateBy({
      name: 'isCalendarDate',
      validator: {
        validate: (value) => isIsoDate(value),
        defaultMessage: () => `$property must be a real calendar date, ${CALENDAR_DATE_FORMS}.`,
      },
    }),
    ApiProperty({ format: 'calendar-date', maxLength: 40 }),
  );
}

/** A required nested object, validated by its own class. */
export function Nested(type: () => new () => object): PropertyDecorator {
  return applyDecorators(IsDefined(), IsObject(), ValidateNested(), Type(type));
}

/** A list of nested objects, each validated by its class, of min..max items. */
export function NestedList(type: () => new () => object, max: number, min = 0): PropertyDecorator {
  return applyDecorators(IsArray(), ArrayMinSize(min), ArrayMaxSize(max), IsObject({ each: true }), ValidateNested({ each: true }), Type(type));
}

/** A list of texts, each of at most `maxLength`, of min..max items. */
export function TextList(max: number, maxLength: number, min = 0): PropertyDecorator {
  return applyDecorators(IsArray(), ArrayMinSize(min), ArrayMaxSize(max), IsString({ each: true }), MinLength(1, { each: true }), MaxLength(maxLength, { each: true }));
}
