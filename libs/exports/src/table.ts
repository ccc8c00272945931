import ExcelJS from 'exceljs';

/**
 * Lists as files people open in a spreadsheet: CSV (UTF-8 with a byte-order mark, so Excel shows
 * Vietnamese correctly) and Excel (.xlsx, exceljs). Headers are Vietnamese; values are given as the
 * lists show them (dates dd/mm/yyyy, numbers as numbers). A text cell that starts with = + - @ is
 * written with a leading quote so no spreadsheet runs it as a formula.
 */
export interface ExportColumn<T> {
  /** Vietnamese header, as the list's column is titled. */
  readonly header: string;
  readonly value: (row: T) => string | number | undefined | null;
  /** Column width in characters (Excel). */
  readonly width?: number;
}

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const MEDIA_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** At most this many rows in one export (the whole filtered list up to it). */
export const MAX_EXPORT_ROWS = 10_000;

const FORMULA_START = /^[=+\-@\t\r]/;

function safeText(value: string | number | undefined | null): string | number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return value;
  return FORMULA_START.test(value) && !/^-?\d+([.,]\d+)?$/.test(value) ? `'${value}` : value;
}

export function toCsv<T>(rows: readonly T[], columns: readonly ExportColumn<T>[]): Buffer {
  const cell = (value: string | number | undefined | null): string => {
    const v = safeText(value);
    if (v === undefined) return '';
    const text = String(v);
    return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [columns.map((c) => cell(c.header)).join(','), ...rows.map((row) => columns.map((c) => cell(c.value(row))).join(','))];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function toXlsx<T>(rows: readonly T[], columns: readonly ExportColumn<T>[], sheetName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Năng Suất';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '));
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width ?? Math.min(60, Math.max(12, c.header.length + 2)) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((c) => safeText(c.value(row)) ?? null));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function renderExport<T>(format: ExportFormat, rows: readonly T[], columns: readonly ExportColumn<T>[], sheetName: string): Promise<Buffer> {
  return format === 'csv' ? toCsv(rows, columns) : toXlsx(rows, columns, sheetName);
}

/** attachment; filename="…" with an ASCII fallback and the UTF-8 name. */
export function downloadName(base: string, format: ExportFormat): string {
  const name = `${base}.${format}`;
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Every page of a list query (100 rows a page), up to MAX_EXPORT_ROWS: the rows the list shows, all of them. */
export async function allPages<T>(page: (n: number, pageSize: number) => Promise<{ items: T[]; total: number }>): Promise<T[]> {
  const rows: T[] = [];
  for (let n = 1; rows.length < MAX_EXPORT_ROWS; n++) {
    const found = await page(n, 100);
    rows.push(...found.items);
    if (found.items.length < 100 || rows.length >= found.total) break;
  }
  return rows.slice(0, MAX_EXPORT_ROWS);
}

/** Writes the export as the answer (content type and download name set). */
export async function sendExport<T>(
  res: { setHeader(name: string, value: string): unknown; send(body: Buffer): unknown },
  format: ExportFormat,
  rows: readonly T[],
  columns: readonly ExportColumn<T>[],
  names: { sheet: string; file: string },
): Promise<void> {
  const body = await renderExport(format, rows, columns, names.sheet);
  res.setHeader('content-type', MEDIA_TYPES[format]);
  res.setHeader('content-disposition', downloadName(names.file, format));
  res.send(body);
}
