/**
 * Numbers as Vietnamese documents write them: dot for thousands, comma for decimals —
 * 1.234.567,5 — and percentages such as "6,5%".
 *
 * Parsing rule (what people actually type into forms):
 *  1. Spaces (also non-breaking) are ignored: "1 234" = 1234. A leading "+" or "-" is a sign.
 *  2. Both "." and "," present: the one that comes LAST is the decimal mark and the other one must
 *     group digits by three ("1.234.567,5" = 1234567.5; "1,234.5" = 1234.5).
 *  3. Only ",": one comma is the decimal mark ("6,5" = 6.5, "1,234" = 1.234). Two or more commas
 *     are refused (a Vietnamese number never has two decimal marks).
 *  4. Only ".": two or more dots are thousands separators and must group by three
 *     ("1.234.567" = 1234567). ONE dot is a thousands separator when it is followed by exactly
 *     three digits and preceded by 1–3 digits not starting with 0 — "1.234" = 1234, "6.500" = 6500,
 *     as a Vietnamese reader understands them; otherwise it is a decimal point typed on an
 *     English keyboard: "6.5" = 6.5, "0.125" = 0.125, "1234.5" = 1234.5.
 *     So a value with exactly three decimals must be typed with a comma: "1,234" (= 1.234).
 * Anything else (letters, empty, misplaced separators) is refused with a message that says why.
 */
import { VietnameseFormatError } from './errors';

const EXPECTED = 'a number such as 1.234.567,5 or 6,5 or 6.5';

function fail(input: string, why: string): never {
  throw new VietnameseFormatError(`"${input}" is not a number: ${why}.`, input, EXPECTED);
}

function checkGrouped(input: string, integerPart: string, sep: string): string {
  const groups = integerPart.split(sep);
  if (!/^\d{1,3}$/.test(groups[0]) || groups.slice(1).some((g) => !/^\d{3}$/.test(g))) {
    fail(input, `"${sep}" separates thousands and must be followed by groups of exactly three digits`);
  }
  return groups.join('');
}

/** Reads a number written the Vietnamese way (see the rule at the top of this file). */
export function parseNumber(input: string): number {
  let text = input.normalize('NFC').replace(/[\s\u00a0\u202f]/gu, '');
  if (text === '') fail(input, 'it is empty');
  let sign = 1;
  if (text[0] === '-' || text[0] === '−' || text[0] === '+') {
    sign = text[0] === '+' ? 1 : -1;
    text = text.slice(1);
  }
  if (!/^[\d.,]+$/.test(text) || !/\d/.test(text)) fail(input, 'use digits with "." for thousands and "," for decimals');
  if (!/^\d/.test(text) || !/\d$/.test(text)) fail(input, 'it must start and end with a digit');

  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  let integerPart: string;
  let fraction = '';
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    const at = text.lastIndexOf(decimal);
    integerPart = text.slice(0, at);
    fraction = text.slice(at + 1);
    if (integerPart.includes(decimal)) fail(input, `"${decimal}" appears twice`);
    integerPart = checkGrouped(input, integerPart, group);
  } else if (lastComma >= 0) {
    const parts = text.split(',');
    if (parts.length > 2) fail(input, 'it has more than one decimal comma (thousands are separated by ".")');
    [integerPart, fraction] = parts;
  } else if (lastDot >= 0) {
    const parts = text.split('.');
    if (parts.length > 2) {
      integerPart = checkGrouped(input, text, '.');
    } else if (/^[1-9]\d{0,2}$/.test(parts[0]) && /^\d{3}$/.test(parts[1])) {
      integerPart = parts[0] + parts[1];
    } else {
      [integerPart, fraction] = parts;
    }
  } else {
    integerPart = text;
  }
  if (!/^\d+$/.test(integerPart) || (fraction !== '' && !/^\d+$/.test(fraction))) fail(input, 'misplaced separator');
  const value = Number(fraction ? `${integerPart}.${fraction}` : integerPart);
  if (!Number.isFinite(value)) fail(input, 'it is too large');
  return sign * value === 0 ? 0 : sign * value;
}

/** parseNumber, or undefined instead of an error. */
export function tryParseNumber(input: string): number | undefined {
  try {
    return parseNumber(input);
  } catch {
    return undefined;
  }
}

export interface NumberFormatOptions {
  /** Default 2. */
  readonly maximumFractionDigits?: number;
  /** Default 0. */
  readonly minimumFractionDigits?: number;
  /** Pad the integer part with zeros to this many digits, as documents write counts: 2 → "05". */
  readonly minimumIntegerDigits?: number;
}

/** 1234567.5 → "1.234.567,5"; -0.25 → "-0,25". */
export function formatNumber(value: number, options: NumberFormatOptions = {}): string {
  if (!Number.isFinite(value)) throw new RangeError(`Cannot format ${value} as a number`);
  const max = options.maximumFractionDigits ?? 2;
  const min = Math.min(options.minimumFractionDigits ?? 0, max);
  const fixed = Math.abs(value).toFixed(max);
  let [integerPart, fraction = ''] = fixed.split('.');
  while (fraction.length > min && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  integerPart = integerPart.padStart(options.minimumIntegerDigits ?? 1, '0');
  const grouped = integerPart.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const negative = value < 0 && /[1-9]/.test(integerPart + fraction);
  return `${negative ? '-' : ''}${grouped}${fraction ? `,${fraction}` : ''}`;
}

/**
 * A percentage given in percent points: 6.5 → "6,5%" (Vietnamese documents put no space before %).
 * With `ratio: true` the value is a ratio: 0.065 → "6,5%".
 */
export function formatPercent(value: number, options: NumberFormatOptions & { readonly ratio?: boolean } = {}): string {
  const points = options.ratio ? value * 100 : value;
  return `${formatNumber(points, { maximumFractionDigits: options.maximumFractionDigits ?? 2, minimumFractionDigits: options.minimumFractionDigits })}%`;
}

/** "6,5%", "6,5 %", "6.5%" or "6,5" → 6.5 (percent points). */
export function parsePercent(input: string): number {
  const text = input.normalize('NFC').trim().replace(/\s*%$/u, '');
  try {
    return parseNumber(text);
  } catch (e) {
    if (e instanceof VietnameseFormatError) {
      throw new VietnameseFormatError(`"${input}" is not a percentage such as 6,5%: ${e.message}`, input, 'a percentage such as 6,5%');
    }
    throw e;
  }
}

/** A range as documents write it: (6.5, 7, '%/năm') → "6,5–7%/năm"; (2, 5, undefined, 2) → "02–05". */
export function formatRange(min: number, max: number, unit = '', minimumIntegerDigits = 1): string {
  const o = { minimumIntegerDigits };
  return `${formatNumber(min, o)}–${formatNumber(max, o)}${unit}`;
}
