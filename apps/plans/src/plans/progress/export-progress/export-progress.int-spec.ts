import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { tokenFor } from '@nangsuat/auth/testing';
import { startServiceForTest, ServiceTestApp, apiClient } from '@nangsuat/service-runtime/testing';
import { formatNumber } from '@nangsuat/vietnamese';
import { AppModule } from '../../../app.module';
import { issuePlan, target } from '../testing/progress-kit';

/**
 * A plan's targets with their progress as CSV and Excel, through a real plans service (PostgreSQL,
 * FerretDB, Kafka, Keycloak): one row per target of the progress table, the same figures for the
 * same asOf, Vietnamese headers, dates dd/mm/yyyy; readers outside the plan's unit get nothing.
 */
describe('plans: targets with progress exported (CSV, Excel)', () => {
  let svc: ServiceTestApp;
  let api: ReturnType<typeof apiClient>;
  const planId = `xuat-tien-do-${randomUUID().slice(0, 8)}`;
  const documentNumber = `${100 + Math.floor(Math.random() * 800)}/KH-UBND`;

  const download = async (as: string, query: string, id = planId) => {
    const res = await fetch(`${svc.url}/plans/${id}/progress/export?${query}`, { headers: { authorization: `Bearer ${await tokenFor(as)}` } });
    return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), body: Buffer.from(await res.arrayBuffer()) };
  };
  const lines = (body: Buffer) => body.toString('utf8').slice(1).trimEnd().split('\r\n');

  beforeAll(async () => {
    svc = await startServiceForTest({ service: 'plans', rootModule: AppModule });
    api = apiClient(svc.url);
    await issuePlan(api, 'ngokbay.officer', {
      planId,
      unit: '51-NGOKBAY',
      title: 'Kế hoạch nâng cao năng suất xã Ngọk Bay (xuất tiến độ)',
      documentNumber,
      issueDate: '15/08/2025',
      horizonYears: [2030],
      targets: [
        { ...target('pilot-2030', 'pilot-model-enterprises', 'enterprises', 2030, { comparison: 'range', min: 1, max: 2 }), label: { vi: 'Doanh nghiệp có mô hình điểm', en: 'Enterprises with pilot models' } },
        { ...target('trained-2030', 'trained-person-times', 'person-times', 2030, { comparison: 'at-least', value: 1500 }), label: { vi: 'Lượt người được đào tạo', en: 'Person-times trained' } },
      ],
    });
  });
  afterAll(async () => {
    await svc?.close();
  });

  it("CSV: one row per target of the progress table, with the table's figures for the same day", async () => {
    const progress = (await api('ngokbay.officer', 'GET', `/plans/${planId}/progress?asOf=31/12/2025`)).body;
    const file = await download('ngokbay.officer', 'asOf=31/12/2025&format=csv');
    expect(file.status).toBe(200);
    expect(file.type).toContain('text/csv');
    expect(file.disposition).toMatch(/attachment; filename="tien-do-chi-tieu-.*-31-12-2025\.csv"/);
    const rows = lines(file.body);
    expect(rows[0]).toBe('Mã chỉ tiêu,Chỉ tiêu,Năm mốc,Yêu cầu,Đơn vị tính,Cần đạt,Cần đạt đến nay,Thực hiện,Đánh giá,Giai đoạn,Tính đến ngày');
    expect(rows).toHaveLength(1 + progress.targets.length);
    const cell = (v: unknown) => (v === undefined || v === null ? '' : String(v));
    const STATUS: Record<string, string> = { 'on-track': 'Đúng tiến độ', 'at-risk': 'Có nguy cơ chậm', achieved: 'Đã đạt', missed: 'Không đạt' };
    const requirement: Record<string, string> = { 'pilot-2030': 'Từ 1 đến 2 enterprises', 'trained-2030': `Ít nhất ${formatNumber(1500)} person-times` };
    for (const t of progress.targets) {
      const expected = [t.targetId, t.label.vi, t.milestoneYear, requirement[t.targetId], t.unitOfMeasure, cell(t.required), cell(t.expectedByNow), cell(t.actual), STATUS[t.status], t.window.display, '31/12/2025'].join(',');
      expect(rows).toContain(expected);
    }
    expect(rows.find((r) => r.startsWith('trained-2030'))).toContain('Ít nhất 1.500 person-times');
  });

  it('Excel: the same rows, numbers as numbers', async () => {
    const file = await download('ngokbay.officer', 'asOf=31/12/2025&format=xlsx');
    expect(file.status).toBe(200);
    expect(file.type).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('Tiến độ chỉ tiêu');
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(1).getCell(2).value).toBe('Chỉ tiêu');
    expect([2, 3].map((n) => sheet.getRow(n).getCell(1).value).sort()).toEqual(['pilot-2030', 'trained-2030']);
    expect(typeof sheet.getRow(2).getCell(3).value).toBe('number');
  });

  it('refuses a reader outside the plan’s unit, a bad format or day, and an unknown plan', async () => {
    expect((await download('dakcam.officer', 'format=csv')).status).toBe(403);
    expect((await download('ngokbay.officer', 'format=pdf')).status).toBe(400);
    expect((await download('ngokbay.officer', 'asOf=hom-qua')).status).toBe(400);
    expect((await download('ngokbay.officer', 'format=csv', 'khong-co-ke-hoach')).status).toBe(404);
  });
});
