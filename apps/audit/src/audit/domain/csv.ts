/**
 * CSV (RFC 4180) for exports: comma separated, CRLF line ends, fields quoted when they hold a comma,
 * quote or line break; objects and arrays are written as JSON. A UTF-8 byte-order mark is prepended
 * so spreadsheet programs show Vietnamese text correctly. Cells starting with = + - @ are prefixed with
 * a quote (') so a spreadsheet never runs them as formulas.
 */
export interface CsvColumn<T> {
  readonly header: string;
  readonly value: (row: T) => unknown;
}

export function toCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[], options: { bom?: boolean } = {}): string {
  const lines = [columns.map((c) => cell(c.header)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => cell(c.value(row))).join(','));
  return `${options.bom === false ? '' : '\uFEFF'}${lines.join('\r\n')}\r\n`;
}

function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  let text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Columns derived from the rows' own keys (first-level), for exports of any query. */
export function columnsOf<T extends object>(rows: readonly T[]): CsvColumn<T>[] {
  const keys: string[] = [];
  for (const row of rows) for (const key of Object.keys(row)) if (!keys.includes(key)) keys.push(key);
  return keys.map((key) => ({ header: key, value: (row: T) => (row as Record<string, unknown>)[key] }));
}
