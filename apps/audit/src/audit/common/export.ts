import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '@nangsuat/service-runtime';
import { columnsOf, CsvColumn, toCsv } from '../domain/csv';

/** Every auditor query: paginated JSON by default; `format=json|csv` exports the whole result. */
export class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['json', 'csv'], description: 'Export the whole result (not one page) as a JSON or CSV download' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

/** Most rows one export returns; a larger result says so in X-Export-Truncated and should be narrowed. */
export const EXPORT_LIMIT = 50_000;

export interface ExportDocument<T> {
  readonly query: Record<string, unknown>;
  readonly exportedAt: string;
  readonly total: number;
  readonly truncated: boolean;
  readonly items: readonly T[];
}

/** Where an export's download headers go: the controller's response (only its headers are touched here). */
export interface DownloadHeaders {
  setHeader(name: string, value: string): unknown;
}

/** Writes an export as a download; returns what the controller should return (passthrough response). */
export function exportResult<T extends object>(
  res: DownloadHeaders,
  format: 'json' | 'csv',
  name: string,
  query: Record<string, unknown>,
  items: readonly T[],
  total: number,
  columns?: readonly CsvColumn<T>[],
): string | ExportDocument<T> {
  const truncated = total > items.length;
  const filename = `${name.replace(/[^A-Za-z0-9._-]+/g, '_')}.${format}`;
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  res.setHeader('X-Export-Total', String(total));
  if (truncated) res.setHeader('X-Export-Truncated', `only the first ${items.length} of ${total} rows; narrow the query`);
  if (format === 'csv') {
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    return toCsv(items, columns ?? columnsOf(items));
  }
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  return { query, exportedAt: new Date().toISOString(), total, truncated, items };
}
