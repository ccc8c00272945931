import { columnsOf, toCsv } from './csv';
import { reportHash, sealReport, verifyReportHash } from './report-hash';

describe('CSV', () => {
  it('quotes, escapes, writes objects as JSON and defuses formulas', () => {
    const rows = [{ a: 'Kế hoạch, số 4009', b: 'say "hi"', c: { x: 1 }, d: '=SUM(A1)', e: -3, f: undefined }];
    expect(toCsv(rows, columnsOf(rows), { bom: false })).toBe('a,b,c,d,e,f\r\n"Kế hoạch, số 4009","say ""hi""","{""x"":1}",\'=SUM(A1),-3,\r\n');
    expect(toCsv([], [{ header: 'x', value: () => 1 }]).startsWith('\uFEFF')).toBe(true);
  });
});

describe('report hash', () => {
  it('is a SHA-256 over the canonical JSON of the report without its integrity member', () => {
    const report = sealReport({ plan: '4009/KH-UBND', period: { from: '2025-01-01', to: '2025-12-31' }, events: [{ id: 'e1' }] });
    expect(report.integrity.sha256).toBe(reportHash({ events: [{ id: 'e1' }], period: { to: '2025-12-31', from: '2025-01-01' }, plan: '4009/KH-UBND' }));
    expect(verifyReportHash(report)).toMatchObject({ valid: true });
    expect(verifyReportHash(JSON.parse(JSON.stringify(report)))).toMatchObject({ valid: true });
    expect(verifyReportHash({ ...report, events: [{ id: 'e2' }] })).toMatchObject({ valid: false, expected: report.integrity.sha256 });
    expect(verifyReportHash({ plan: 'x' })).toMatchObject({ valid: false, reason: expect.stringMatching(/no integrity/) });
  });
});
