import '@testing-library/jest-dom/vitest';
import { configure } from '@testing-library/react';

// What a test waits to appear (findBy…, waitFor) may take seconds when the shared 2-core machine is
// loaded (a queue's rows came after the default 1 s once in the full suite); a wait that can never
// succeed still fails, only later.
configure({ asyncUtilTimeout: 10_000 });

// jsdom lacks these browser APIs that Ant Design reads.
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({ matches: false, media: query, onchange: null, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {}, dispatchEvent: () => false }) as MediaQueryList;
}
class NoopResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= NoopResizeObserver;
