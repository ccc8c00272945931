import ExcelJS from 'exceljs';
import { call, serviceUrl, ServiceName, tokenFor } from './support/platform';

/**
 * Lists downloaded as CSV and Excel from the running platform (scripts/up.sh with its demo data):
 * the export's rows are the list's rows — same filter, every page — under Vietnamese headers.
 */
async function exported(service: ServiceName, path: string, as: string): Promise<{ status: number; lines: string[] }> {
  const res = await fetch(`${serviceUrl(service)}${path}`, { headers: { authorization: `Bearer ${await tokenFor(as)}` } });
  const text = Buffer.from(await res.arrayBuffer()).toString('utf8');
  return { status: res.status, lines: text.replace(/^\uFEFF/, '').trimEnd().split('\r\n') };
}

describe('exports of lists (CSV, Excel) against the running platform', () => {
  it.each([
    ['training', '/courses', 'unit=51', 'ngokbay.trainer', 'Khóa đào tạo,Đơn vị,Từ ngày,Đến ngày,Trạng thái,Số chỗ,Đã đăng ký,Danh sách chờ,Hoàn thành (lượt người),Kế hoạch'],
    ['awards', '/nominations', 'unit=51', 'qn.council', 'Đối tượng đề cử,Hạng mục,Đơn vị,Trạng thái,Ngày đề cử,Điểm trung bình,Kết quả,Quyết định số,Ngày quyết định'],
    ['support-programs', '/registrations', 'unit=51', 'qn.admin', 'Doanh nghiệp,Mã số thuế,Đơn vị,Chương trình,Kế hoạch,Công cụ,Trạng thái,Ngày nộp,Ngày phê duyệt,Ngày hoàn thành,Tăng năng suất (%)'],
    ['plans', '/plans', 'status=issued', 'qn.admin', 'Số hiệu,Tên kế hoạch,Cơ quan ban hành,Ngày ban hành,Trạng thái,Phiên bản,Mốc,Số chỉ tiêu'],
    ['training', '/certifications', 'unit=51', 'qn.assessor', 'Họ và tên,Đơn vị công tác,Đơn vị,Tiêu chuẩn,Hạng,Trạng thái,Số chứng nhận,Hiệu lực từ,Hiệu lực đến'],
    ['support-programs', '/enterprises', 'unit=51', 'qn.admin', 'Doanh nghiệp,Mã số thuế,Đơn vị,Ngành nghề,Quy mô,Nhóm,Tài khoản'],
  ] as const)('%s %s: the CSV has the list\'s rows under Vietnamese headers', async (service, list, filter, as, header) => {
    const shown = await call(service, 'GET', `${list}?${filter}&pageSize=100`, { token: await tokenFor(as) });
    expect(shown.status).toBe(200);
    expect(shown.body.total).toBeGreaterThan(0); // the demo data has some
    const file = await exported(service, `${list}/export?${filter}&format=csv`, as);
    expect(file.status).toBe(200);
    expect(file.lines[0]).toBe(header);
    expect(file.lines).toHaveLength(shown.body.total + 1);
  });

  it('the course catalogue as Excel: one row per course, dates dd/mm/yyyy', async () => {
    const shown = await call('training', 'GET', '/courses?unit=51&pageSize=100', { token: await tokenFor('ngokbay.trainer') });
    const res = await fetch(`${serviceUrl('training')}/courses/export?unit=51&format=xlsx`, { headers: { authorization: `Bearer ${await tokenFor('ngokbay.trainer')}` } });
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.rowCount).toBe(shown.body.total + 1);
    expect(String(sheet.getRow(2).getCell(3).value)).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
  });
});
