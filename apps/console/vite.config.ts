/// <reference types="vitest" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// In development Vite forwards /api/<service>/… to the five services (one origin for the browser,
// no CORS); `npm run serve` does the same for the production build (server/serve.mjs).
const ports: Record<string, number> = {
  plans: Number(process.env.PLANS_PORT ?? 3001),
  'support-programs': Number(process.env.SUPPORT_PROGRAMS_PORT ?? 3002),
  training: Number(process.env.TRAINING_PORT ?? 3003),
  awards: Number(process.env.AWARDS_PORT ?? 3004),
  audit: Number(process.env.AUDIT_PORT ?? 3005),
};
const proxy = Object.fromEntries(
  Object.entries(ports).map(([service, port]) => [
    `/api/${service}`,
    { target: `http://127.0.0.1:${port}`, rewrite: (path: string) => path.replace(`/api/${service}`, '') || '/' },
  ]),
);

export default defineConfig({
  plugins: [react()],
  server: { host: '127.0.0.1', port: 4200, strictPort: true, proxy },
  preview: { host: '127.0.0.1', port: 4200, strictPort: true, proxy },
  build: {
    outDir: 'dist',
    target: 'es2022',
    chunkSizeWarningLimit: 2500,
    rollupOptions: {
      output: {
        manualChunks: { antd: ['antd', '@ant-design/icons'], echarts: ['echarts', 'echarts-for-react'], react: ['react', 'react-dom', 'react-router-dom'] },
      },
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['src/test-setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    // Ant Design forms under jsdom are slow on a 2-core machine shared with other work (a dialog test
    // took 8 s alone and over 20 s under a load average of 25); no test asserts on time.
    testTimeout: 60_000,
  },
});
