/**
 * Benchmark (not a test): times the console in Debian's chromium with the Performance API.
 *   first load   — a full navigation to /plans with the HTTP cache disabled, until the plans table shows rows
 *   page change  — from the officer home to Plans through the menu (client-side), until the table shows rows
 * Baselines measured in the same run: a navigation to a tiny static document from the same server
 * (/console-config.json), and the same API request the plans page makes, fetched raw from the page.
 * Usage: bash scripts/up.sh, then `npm run bench` in apps/console (BENCH_RUNS=20, BENCH_USER=ngokbay.officer).
 */
import { CONSOLE_URL, launchBrowser, newContext, signIn } from '../e2e/browser';

const runs = Number(process.env.BENCH_RUNS ?? 20);
const user = process.env.BENCH_USER ?? 'ngokbay.officer';

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
const fmt = (v: number) => `${v.toFixed(0).padStart(6)} ms`;
function report(name: string, values: number[], baselineName: string, baseline: number[]) {
  console.log(`${name.padEnd(34)} p50 ${fmt(percentile(values, 50))}  p95 ${fmt(percentile(values, 95))}   | ${baselineName.padEnd(36)} p50 ${fmt(percentile(baseline, 50))}  p95 ${fmt(percentile(baseline, 95))}`);
}

const rowsShown = () => {
  const rows = document.querySelectorAll('main .ant-table-tbody tr.ant-table-row');
  return rows.length > 0 && !document.querySelector('main .ant-spin-spinning') ? performance.now() : false;
};

const browser = await launchBrowser();
try {
  const context = await newContext(browser);
  const page = await context.newPage();
  await signIn(page, user);
  const cdp = await context.newCDPSession(page);

  const firstLoad: number[] = [];
  const staticLoad: number[] = [];
  const pageChange: number[] = [];
  const rawApi: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.goto(`${CONSOLE_URL}/console-config.json`);
    const staticMs = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
    await page.goto(`${CONSOLE_URL}/plans`);
    const loadMs = (await (await page.waitForFunction(rowsShown, undefined, { polling: 'raf', timeout: 30_000 })).jsonValue()) as number;
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });

    await page.goto(`${CONSOLE_URL}/`);
    await page.getByTestId('indicator-pilot-model-enterprises').waitFor();
    await page.waitForLoadState('networkidle');
    const start = await page.evaluate(() => {
      const t0 = performance.now();
      (document.querySelector('nav a[href="/plans"]') as HTMLAnchorElement).click();
      return t0;
    });
    const end = (await (await page.waitForFunction(rowsShown, undefined, { polling: 'raf', timeout: 30_000 })).jsonValue()) as number;
    // The same request the plans page makes, raw, with the same token, from the same page.
    const apiMs = await page.evaluate(async () => {
      const key = Object.keys(sessionStorage).find((k) => k.startsWith('oidc.user:'))!;
      const token = (JSON.parse(sessionStorage.getItem(key)!) as { access_token: string }).access_token;
      const t0 = performance.now();
      const res = await fetch('/api/plans/plans?page=1&pageSize=20', { headers: { Authorization: `Bearer ${token}` } });
      await res.json();
      return performance.now() - t0;
    });
    if (i === 0) continue; // warm-up: the first round also warms the services' caches
    firstLoad.push(loadMs);
    staticLoad.push(staticMs);
    pageChange.push(end - start);
    rawApi.push(apiMs);
  }
  console.log(`Console at ${CONSOLE_URL}, ${runs} runs as ${user}, chromium headless (cache disabled for first loads)`);
  report('first load /plans (rows shown)', firstLoad, 'baseline: static document load', staticLoad);
  report('page change home → plans (rows)', pageChange, 'baseline: the page\'s API call, raw', rawApi);
} finally {
  await browser.close();
}
