import ExcelJS from 'exceljs';
import { tokenFor } from '@nangsuat/auth/testing';
import { startServiceForTest, ServiceTestApp } from '@nangsuat/service-runtime/testing';
import { formatDate } from '@nangsuat/vietnamese';
import { AppModule } from '../../app.module';
import { client, eventually, taxCodeFrom } from '../testing/http-client';

/**
 * The registration list as CSV and Excel against the real FerretDB, PostgreSQL and Keycloak: the
 * export's rows are the list's rows (same filter, every page), with Vietnamese headers and dates as
 * the list shows them; another commune's officer exports none of them.
 */
describe('support-programs: registration list exports (CSV, Excel)', () => {
  let service: ServiceTestApp;
  let api: ReturnType<typeof client>;

  const download = async (as: string, query: string) => {
    const res = await fetch(`${service.url}/registrations/export?${query}`, { headers: { authorization: `Bearer ${await tokenFor(as)}` } });
    return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), body: Buffer.from(await res.arrayBuffer()) };
  };

  const NAME = '=HTX "Sâm, Chè" Ngọk Bay';
  const programmes: string[] = [];

  beforeAll(async () => {
    service = await startServiceForTest({ service: 'support-programs', rootModule: AppModule });
    api = client(service.url);
    // An enterprise whose name holds a quote, a comma and a leading "=", applying to three programmes.
    const enterprise = await api.post('/enterprises', 'ent.ngokbay', { taxCode: taxCodeFrom('610100055'), name: NAME, unitCode: '51-NGOKBAY', sector: 'Nông nghiệp', size: 'small', group: 'cooperative' });
    expect(enterprise.status).toBe(201);
    for (const n of [1, 2, 3]) {
      const programme = await api.post('/programmes', 'qn.admin', {
        name: `Chương trình xuất danh sách ${n}`,
        legalBasis: ['Kế hoạch 138/KH-UBND'],
        funding: { sources: ['state-budget'] },
        eligibleGroups: ['cooperative'],
        toolsOffered: ['5s'],
        openingDate: '2025-08-01',
        closingDate: '2030-12-31',
        capacity: 10,
        unitCode: '51-NGOKBAY',
      });
      expect(programme.status).toBe(201);
      programmes.push(programme.body.id);
      expect((await api.post(`/programmes/${programme.body.id}/registrations`, 'ent.ngokbay', { tools: ['5s'] })).status).toBe(201);
    }
    await eventually(() => api.get('/registrations?unit=51-NGOKBAY', 'ngokbay.officer'), (r) => r.body?.total === 3);
  });
  afterAll(() => service?.close());

  it('CSV: the list\'s rows under Vietnamese headers, dates dd/mm/yyyy, quotes and formulas made harmless', async () => {
    const list = await api.get('/registrations?unit=51-NGOKBAY&pageSize=100', 'ngokbay.officer');
    const file = await download('ngokbay.officer', 'unit=51-NGOKBAY&format=csv');
    expect(file.status).toBe(200);
    expect(file.type).toContain('text/csv');
    expect(file.disposition).toMatch(/attachment; filename="dang-ky-mo-hinh-diem-.*\.csv"/);
    const text = file.body.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Doanh nghiệp,Mã số thuế,Đơn vị,Chương trình,Kế hoạch,Công cụ,Trạng thái,Ngày nộp,Ngày phê duyệt,Ngày hoàn thành,Tăng năng suất (%)');
    expect(lines).toHaveLength(list.body.total + 1);
    const today = formatDate(new Date());
    expect(list.body.total).toBe(3);
    for (const row of list.body.items as { programmeId: string; taxCode: string }[]) {
      const line = lines.find((l) => l.includes(row.programmeId));
      expect(line).toBe(`"'=HTX ""Sâm, Chè"" Ngọk Bay",${row.taxCode},51-NGOKBAY,${row.programmeId},,5s,Đã nộp,${today},,,`);
    }
  });

  it('Excel: the same rows in a worksheet', async () => {
    const file = await download('ngokbay.officer', 'unit=51-NGOKBAY&format=xlsx');
    expect(file.status).toBe(200);
    expect(file.type).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe('Doanh nghiệp');
    expect(sheet.rowCount).toBe(4);
    const exported = [2, 3, 4].map((n) => [String(sheet.getRow(n).getCell(1).value), String(sheet.getRow(n).getCell(4).value)]);
    expect(exported.map(([name]) => name)).toEqual([`'${NAME}`, `'${NAME}`, `'${NAME}`]);
    expect(exported.map(([, programme]) => programme).sort()).toEqual([...programmes].sort());
  });

  it('filtered as the list is: another commune\'s officer gets only the header; a bad format is refused', async () => {
    const other = await download('dakcam.officer', 'unit=51-NGOKBAY&format=csv');
    expect(other.status).toBe(200);
    expect(other.body.toString('utf8').slice(1).trimEnd().split('\r\n')).toHaveLength(1);
    expect((await download('ngokbay.officer', 'format=pdf')).status).toBe(400);
  });

  it('the enterprise list exports the same way: its rows, its Vietnamese headers', async () => {
    const list = await api.get('/enterprises?unit=51-NGOKBAY&pageSize=100', 'ngokbay.officer');
    const res = await fetch(`${service.url}/enterprises/export?unit=51-NGOKBAY&format=csv`, { headers: { authorization: `Bearer ${await tokenFor('ngokbay.officer')}` } });
    expect(res.status).toBe(200);
    const lines = Buffer.from(await res.arrayBuffer()).toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Doanh nghiệp,Mã số thuế,Đơn vị,Ngành nghề,Quy mô,Nhóm,Tài khoản');
    expect(lines).toHaveLength(list.body.total + 1);
    expect(lines[1]).toBe(`"'=HTX ""Sâm, Chè"" Ngọk Bay",${list.body.items[0].taxCode},51-NGOKBAY,Nông nghiệp,Nhỏ,Hợp tác xã,DN-51-0001`);
  });
});
