import type { TablePaginationConfig } from 'antd';
import type { TFunction } from 'i18next';
import { useSearchParams } from 'react-router-dom';
import type { Page } from './api';

/**
 * A server-paged table's pagination: the total as the API counts it ("Hơn 1.000" when the API stopped
 * counting, `totalIsLowerBound`), the page and its size.
 */
export function serverPagination(
  t: TFunction,
  data: Pick<Page<unknown>, 'total' | 'totalIsLowerBound'> | undefined,
  options: { current: number; pageSize: number; onChange: (page: number, pageSize: number) => void; showSizeChanger?: boolean },
): TablePaginationConfig {
  return {
    ...options,
    total: data?.total ?? 0,
    showTotal: (total) => t(data?.totalIsLowerBound ? 'common.totalAtLeast' : 'common.total', { total }),
  };
}

/**
 * A list's filter and page kept in the address, so a filtered list can be shared, reloaded and
 * returned to with the back button. Changing a filter goes back to the first page.
 */
export function useListParams(defaultPageSize = 20) {
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? defaultPageSize);
  const get = (name: string): string | undefined => params.get(name) ?? undefined;
  /** Sets the given parameters, removing those given empty. */
  const update = (next: Record<string, string | undefined>) => {
    const merged = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v) merged.set(k, v);
      else merged.delete(k);
    }
    if (!('page' in next)) merged.delete('page');
    setParams(merged);
  };
  const onPageChange = (p: number, size: number) => update({ page: String(p), pageSize: String(size) });
  return { get, page, pageSize, update, onPageChange };
}
