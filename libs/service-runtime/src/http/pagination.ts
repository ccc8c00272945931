import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { DocumentCollection, Filter, Projection, SortSpec } from '@nangsuat/read-models';

/** ?page=1&pageSize=20 on every list; pageSize is capped so one request cannot read a whole collection. */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 100_000, default: 1 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100_000, { message: 'page must be a page number up to 100000' })
  page = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100)
  pageSize = 20;
}

export interface Page<T> {
  readonly items: T[];
  readonly page: number;
  readonly pageSize: number;
  /** Matching records, counted up to COUNT_AHEAD past this page. */
  readonly total: number;
  /** Present (true) when counting stopped: there are more than `total`. */
  readonly totalIsLowerBound?: boolean;
}

export function skipOf(q: PageQuery): number {
  return (q.page - 1) * q.pageSize;
}

/**
 * How far past the requested page a list counts. A list's answer then costs the same with a
 * hundred or a million matching documents: `total` is exact up to this many beyond the page, and
 * past it is a lower bound (`totalIsLowerBound`), which still lets a person page on — each page
 * counts this far past itself.
 */
export const COUNT_AHEAD = 1000;

export interface ListOrder {
  /** Ends with a unique key (e.g. the record's id), so that pages neither repeat nor skip a document. */
  readonly sort: SortSpec;
  readonly projection?: Projection;
}

/** One page of a read model with a bounded count (see COUNT_AHEAD); both run at once. */
export async function readPage<T = Record<string, unknown>>(collection: DocumentCollection<any>, filter: Filter, q: PageQuery, order: ListOrder): Promise<Page<T>> {
  return { ...(await readWindow<T>(collection, filter, skipOf(q), q.pageSize, order)), page: q.page, pageSize: q.pageSize };
}

/** `limit` documents after `skip`, and the count of matches up to COUNT_AHEAD past them. */
export async function readWindow<T = Record<string, unknown>>(
  collection: DocumentCollection<any>,
  filter: Filter,
  skip: number,
  limit: number,
  order: ListOrder,
): Promise<{ items: T[]; total: number; totalIsLowerBound?: boolean }> {
  const bound = skip + limit + COUNT_AHEAD;
  const [items, counted] = await Promise.all([
    collection.find<T>(filter, { sort: order.sort, projection: order.projection, skip, limit }).toArray(),
    collection.countDocuments(filter, { limit: bound + 1 }),
  ]);
  return { items, total: Math.min(counted, bound), ...(counted > bound ? { totalIsLowerBound: true } : {}) };
}
