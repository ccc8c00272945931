import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n';
import { fakeFetch, principal, renderWith } from '../../test-utils';
import { SealedReportsPage } from './SealedReportsPage';
import { sealedReportHtml, type SealedReport } from './sealedReport';

// Sealed by the audit service's own sealReport (apps/audit domain/report-hash.ts).
const REPORT: SealedReport = {"format":"nangsuat-audit-report/2","generatedAt":"2026-11-30T02:00:00.000Z","generatedBy":{"username":"auditor.vn","unit":"VN"},"plan":{"streamId":"plan-p1","planId":"p1","documentNumber":"12/KH-UBND","title":"Kế hoạch <b>năng suất</b> xã Ngọk Bay","unit":"51-NGOKBAY"},"period":{"from":"2026-01-01","to":"2026-11-30","fromInstant":"2025-12-31T17:00:00.000Z","toInstant":"2026-11-30T16:59:59.999Z","timeZone":"Asia/Ho_Chi_Minh"},"stateAtStart":{"version":0,"state":{"status":"none"}},"stateAtEnd":{"version":3,"state":{"status":"amended"}},"changes":[{"op":"changed","path":"status","before":"none","after":"amended"}],"events":[{"eventId":"e1","streamVersion":3,"type":"PlanAmended","recordedAt":"2026-11-30T01:00:00.000Z","who":{"username":"ngokbay.officer","unit":"51-NGOKBAY"},"unit":"51-NGOKBAY","reason":"Điều chỉnh chỉ tiêu"}],"metrics":[{"metric":"pilot-model-enterprises","description":"d","unit":"51-NGOKBAY","countAtStart":0,"countAtEnd":2,"steps":[]}],"anomalies":[],"integrity":{"algorithm":"SHA-256","canonicalisation":"JSON, object keys sorted recursively, no whitespace, undefined members dropped (libs/event-store canonicalJson); the integrity member is excluded","sha256":"4a345a7411b1dff3d8a28887994acbccde74c5fb8e00f1d091c8ea18cefa3624"}};

const auditor = principal(['auditor'], 'VN', 'auditor.vn');
const path = '/audit/reports?planId=p1&from=2026-01-01&to=2026-11-30';

afterEach(() => vi.unstubAllGlobals());

describe('sealed audit reports', () => {
  it('fetches the report for the plan and period, and confirms its seal in the browser', async () => {
    const calls = fakeFetch(() => ({ status: 200, body: REPORT }));
    renderWith(<SealedReportsPage />, { who: auditor, path });
    expect(await screen.findByTestId('sealed-report-seal')).toHaveTextContent('Niêm phong khớp');
    expect(calls.some((c) => c.url === '/api/audit/audit/reports/plan?planId=p1&from=2026-01-01&to=2026-11-30')).toBe(true);
    expect(screen.getByTestId('sealed-report-title')).toHaveTextContent('12/KH-UBND — 01/01/2026 – 30/11/2026');
  });

  it('says so when the report it received does not match its seal', async () => {
    fakeFetch(() => ({ status: 200, body: { ...REPORT, metrics: [{ ...REPORT.metrics[0], countAtEnd: 3 }] } }));
    renderWith(<SealedReportsPage />, { who: auditor, path });
    expect(await screen.findByTestId('sealed-report-seal')).toHaveTextContent('Niêm phong không khớp');
  });

  it('checks a report file in the browser and with the audit service', async () => {
    const calls = fakeFetch((c) => (c.method === 'POST' ? { status: 200, body: { valid: true } } : { status: 200, body: { items: [], page: 1, pageSize: 20, total: 0 } }));
    const { container } = renderWith(<SealedReportsPage />, { who: auditor, path: '/audit/reports' });
    const input = container.querySelector('input[type=file]') as HTMLInputElement;
    await userEvent.upload(input, new File([JSON.stringify(REPORT)], 'bao-cao.json', { type: 'application/json' }));
    expect(await screen.findByTestId('report-file-check')).toHaveTextContent('Niêm phong khớp');
    expect(screen.getByTestId('report-file-server')).toHaveTextContent('Dịch vụ kiểm toán: niêm phong khớp.');
    await waitFor(() => expect(calls.find((c) => c.method === 'POST')?.url).toBe('/api/audit/audit/reports/verify'));
  });

  it('names a file that is not JSON', async () => {
    fakeFetch(() => ({ status: 200, body: { items: [], page: 1, pageSize: 20, total: 0 } }));
    const { container } = renderWith(<SealedReportsPage />, { who: auditor, path: '/audit/reports' });
    await userEvent.upload(container.querySelector('input[type=file]') as HTMLInputElement, new File(['not json'], 'x.json', { type: 'application/json' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('x.json: not a JSON file');
  });

  it('is for auditors only', () => {
    renderWith(<SealedReportsPage />, { who: principal(['commune-officer']), path });
    expect(screen.getByText('Bạn không có quyền thực hiện thao tác này')).toBeInTheDocument();
  });

  it('prints the seal and escapes what the report holds', () => {
    const html = sealedReportHtml(REPORT, i18n.t.bind(i18n), 'vi', true);
    expect(html).toContain(REPORT.integrity.sha256);
    expect(html).toContain('Kế hoạch &lt;b&gt;năng suất&lt;/b&gt; xã Ngọk Bay');
    expect(html).not.toContain('<b>năng suất</b>');
    expect(html).toContain('01/01/2026 – 30/11/2026');
    expect(html).toContain('Điều chỉnh kế hoạch');
  });
});
