import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { serverPagination, useListParams } from './listPaging';

const t = ((key: string, o: { total: number }) => `${key}:${o.total}`) as never;

describe('serverPagination', () => {
  it("says 'more than' when the API stopped counting", () => {
    const exact = serverPagination(t, { total: 42 }, { current: 2, pageSize: 20, onChange: () => {} });
    expect(exact).toMatchObject({ current: 2, pageSize: 20, total: 42 });
    expect(exact.showTotal!(42, [21, 40])).toBe('common.total:42');
    expect(serverPagination(t, { total: 1020, totalIsLowerBound: true }, { current: 1, pageSize: 20, onChange: () => {} }).showTotal!(1020, [1, 20])).toBe('common.totalAtLeast:1020');
    expect(serverPagination(t, undefined, { current: 1, pageSize: 20, onChange: () => {} }).total).toBe(0);
  });
});

describe('useListParams', () => {
  const wrapper = (initial: string) =>
    function Wrapper({ children }: { children: ReactNode }) {
      return <MemoryRouter initialEntries={[initial]}>{children}</MemoryRouter>;
    };
  const hook = (initial: string) => renderHook(() => ({ list: useListParams(), location: useLocation() }), { wrapper: wrapper(initial) });

  it('reads the filter and the page from the address', () => {
    const { result } = hook('/enterprises?q=dak+to&page=3&pageSize=50');
    expect(result.current.list).toMatchObject({ page: 3, pageSize: 50 });
    expect(result.current.list.get('q')).toBe('dak to');
    expect(result.current.list.get('group')).toBeUndefined();
  });

  it('goes back to the first page when a filter changes, and drops a filter set empty', () => {
    const { result } = hook('/enterprises?q=dak&group=sme&page=3');
    act(() => result.current.list.update({ group: 'cooperative', q: '' }));
    expect(result.current.location.search).toBe('?group=cooperative');
  });

  it('keeps the filter when the page changes', () => {
    const { result } = hook('/enterprises?group=sme');
    act(() => result.current.list.onPageChange(2, 50));
    expect(new URLSearchParams(result.current.location.search)).toEqual(new URLSearchParams('group=sme&page=2&pageSize=50'));
  });
});
