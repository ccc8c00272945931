import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { tokenFor } from '@nangsuat/auth/testing';
import { startServiceForTest, ServiceTestApp, apiClient, ddmmyyyy, vnDate } from '@nangsuat/service-runtime/testing';
import { AppModule } from '../../app.module';

/**
 * A course's trainees as CSV and Excel against the real PostgreSQL, FerretDB and Keycloak: the rows
 * are the course page's trainees (registered, completed, waiting), under Vietnamese headers with
 * dates dd/mm/yyyy; ?status= keeps one tab; another commune's officer gets nothing.
 */
describe('training: a course’s trainees exported (CSV, Excel)', () => {
  let svc: ServiceTestApp;
  let api: ReturnType<typeof apiClient>;
  const courseId = `xuat-${randomUUID().slice(0, 8)}`;
  const today = vnDate();

  const download = async (as: string, query: string, id = courseId) => {
    const res = await fetch(`${svc.url}/courses/${id}/trainees/export?${query}`, { headers: { authorization: `Bearer ${await tokenFor(as)}` } });
    return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), body: Buffer.from(await res.arrayBuffer()) };
  };
  const lines = (body: Buffer) => body.toString('utf8').slice(1).trimEnd().split('\r\n');

  beforeAll(async () => {
    svc = await startServiceForTest({ service: 'training', rootModule: AppModule });
    api = apiClient(svc.url);
    const scheduled = await api('ngokbay.officer', 'POST', '/courses', {
      courseId,
      unitCode: '51-NGOKBAY',
      topic: 'Tập huấn 5S cho hợp tác xã',
      startDate: ddmmyyyy(today),
      endDate: vnDate(2),
      capacity: 2,
      trainerId: 'ngokbay.trainer',
      sessions: [{ sessionId: 's1', date: today }, { sessionId: 's2', date: vnDate(1) }],
      minAttendedSessions: 1,
    });
    expect(scheduled.status).toBe(201);
    const people = [
      { personId: 'p-hoa', fullName: 'Nguyễn Thị Hoa', organisationType: 'cooperative', organisationName: '=HTX "Sâm, Chè" Ngọk Bay' },
      { personId: 'p-lan', fullName: 'Trần Văn Lân', organisationType: 'enterprise', organisationName: 'Công ty Cà phê Ngọk Bay' },
      { personId: 'p-minh', fullName: 'Y Minh Niê', organisationType: 'department', organisationName: 'Phòng Kinh tế xã' },
    ];
    for (const p of people) expect((await api('ngokbay.officer', 'POST', `/courses/${courseId}/registrations`, p)).status).toBe(201);
    expect((await api('ngokbay.trainer', 'POST', `/courses/${courseId}/attendance`, { sessionId: 's1', personId: 'p-hoa' })).status).toBe(200);
    expect((await api('ngokbay.trainer', 'POST', `/courses/${courseId}/completions`, { personId: 'p-hoa' })).status).toBe(200);
  });
  afterAll(async () => {
    await svc?.close();
  });

  it("CSV: the course page's trainees, Vietnamese headers, dates dd/mm/yyyy, a formula made harmless", async () => {
    const course = (await api('ngokbay.officer', 'GET', `/courses/${courseId}`)).body;
    const file = await download('ngokbay.officer', 'format=csv');
    expect(file.status).toBe(200);
    expect(file.type).toContain('text/csv');
    expect(file.disposition).toMatch(new RegExp(`attachment; filename="hoc-vien-${courseId}-.*\\.csv"`));
    const rows = lines(file.body);
    expect(rows[0]).toBe('Họ và tên,Loại tổ chức,Tên tổ chức,Trạng thái,Ngày đăng ký,Thứ tự chờ,Số buổi tham dự,Ngày hoàn thành,Mã học viên');
    expect(rows).toHaveLength(1 + course.registered.length + course.waitlist.length + course.cancelled.length);
    const day = ddmmyyyy(today);
    expect(rows).toContain(`Nguyễn Thị Hoa,Hợp tác xã,"'=HTX ""Sâm, Chè"" Ngọk Bay",Hoàn thành,${day},,1/2,${day},p-hoa`);
    expect(rows).toContain(`Trần Văn Lân,Doanh nghiệp,Công ty Cà phê Ngọk Bay,Đã đăng ký,${day},,0/2,,p-lan`);
    expect(rows).toContain(`Y Minh Niê,"Sở, ngành",Phòng Kinh tế xã,Danh sách chờ,${day},1,0/2,,p-minh`);
  });

  it('Excel: the same rows in a worksheet; ?status= keeps one tab', async () => {
    const file = await download('ngokbay.officer', 'format=xlsx&status=waitlisted');
    expect(file.status).toBe(200);
    expect(file.type).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('Học viên');
    expect(sheet.getRow(1).getCell(1).value).toBe('Họ và tên');
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(1).value).toBe('Y Minh Niê');
    expect(lines((await download('ngokbay.officer', 'format=csv&status=completed')).body).slice(1).map((l) => l.split(',')[0])).toEqual(['Nguyễn Thị Hoa']);
  });

  it("another commune's officer may not read the course; a bad format, status or course is refused", async () => {
    expect((await download('dakcam.officer', 'format=csv')).status).toBe(403);
    expect((await download('ngokbay.officer', 'format=pdf')).status).toBe(400);
    expect((await download('ngokbay.officer', 'status=everyone')).status).toBe(400);
    expect((await download('ngokbay.officer', 'format=csv', 'khong-co')).status).toBe(404);
  });
});
