import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router-dom';
import { vi } from 'vitest';
import { StaticAuthProvider } from './auth/AuthProvider';
import type { Principal, Role } from './auth/claims';
import { initI18n } from './i18n';

initI18n('vi');

export const principal = (roles: Role[], unit = '51-NGOKBAY', username = 'ngokbay.officer'): Principal => ({ username, name: username, roles, unit });

/** Renders a component with what the console gives it: language, query cache, router, signed-in user. */
export function renderWith(ui: ReactNode, { who, path = '/' }: { who?: Principal; path?: string } = {}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <StaticAuthProvider principal={who}>
      <QueryClientProvider client={queryClient}>
        <AntApp>
          <MemoryRouter initialEntries={[path]} future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>{ui}</MemoryRouter>
        </AntApp>
      </QueryClientProvider>
    </StaticAuthProvider>,
  );
}

export interface RecordedCall {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: unknown;
}

/** A fetch that answers from a table and records what was sent (the component tests' API). */
export function fakeFetch(answer: (call: RecordedCall) => { status: number; body: unknown }) {
  const calls: RecordedCall[] = [];
  const fn = vi.fn(async (url: string, init?: RequestInit) => {
    const call: RecordedCall = {
      url,
      method: init?.method ?? 'GET',
      headers: (init?.headers ?? {}) as Record<string, string>,
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
    };
    calls.push(call);
    const { status, body } = answer(call);
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fn);
  return calls;
}
