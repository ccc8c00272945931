import { renderReportHtml, ReportDocument } from './report-html';

const doc: ReportDocument = {
  periodId: 'ngok-bay-2025:51-NGOKBAY:2025',
  status: 'approved',
  plan: { documentNumber: '45/KH-UBND', title: 'Kế hoạch tổng thể nâng cao năng suất … xã Ngọk Bay đến năm 2030', issuingUnitName: 'xã Ngọk Bay', issueDate: '2025-08-15' },
  unitName: 'xã Ngọk Bay',
  year: 2025,
  periodStart: '2025-08-15',
  periodEnd: '2025-11-10',
  dueDate: '2025-11-10',
  figures: [
    { targetId: 'trained', indicator: 'trained-person-times', label: { vi: 'Lượt người được đào tạo', en: 'Person-times trained' }, unitOfMeasure: 'person-times', milestoneYear: 2030, comparison: 'more-than', value: 1500, required: 1501, actual: 1234, periodActual: 1000, status: 'on-track', source: 'counted', eventIds: ['e1'] },
    { targetId: 'labour', indicator: 'labour-productivity-growth', label: { vi: 'Tăng năng suất lao động', en: 'Labour-productivity growth' }, unitOfMeasure: '%/year', milestoneYear: 2025, comparison: 'range', min: 6.5, max: 7, required: 6.5, actual: 6.8, status: 'achieved', source: 'reported', reportedSource: 'Niên giám <2025>', eventIds: ['e2'] },
  ],
  frozen: true,
  generatedAt: '2025-11-20T03:00:00.000Z',
  submission: { number: 2, by: 'ngokbay.officer', at: '2025-11-09T02:30:00.000Z', late: false, summary: 'Đã tổ chức 02 lớp' },
  approval: { by: 'qn.admin', unitName: 'tỉnh Quảng Ngãi', at: '2025-11-12T01:00:00.000Z' },
  returns: [{ by: 'qn.admin', at: '2025-11-08T01:00:00.000Z', reason: 'Thiếu số liệu "tháng 10"' }],
  exceptions: [{ by: 'qn.admin', at: '2025-11-10T01:00:00.000Z', reason: 'Gửi chậm', eventIds: ['a', 'b'] }],
  lateEventIds: ['late-1'],
};

describe('printable report (HTML)', () => {
  it('renders in Vietnamese: dd/mm/yyyy dates, Vietnamese numbers, plan number and title, targets, who submitted and approved', () => {
    const html = renderReportHtml(doc, 'vi');
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH NĂM 2025');
    expect(html).toContain('Kế hoạch số 45/KH-UBND ngày 15/08/2025');
    expect(html).toContain('xã Ngọk Bay đến năm 2030');
    expect(html).toContain('15/08/2025 – 10/11/2025');
    expect(html).toContain('1.234'); // cumulative
    expect(html).toContain('1.000'); // in period
    expect(html).toContain('trên 1.500');
    expect(html).toContain('6,5–7 %/year');
    expect(html).toContain('6,8');
    expect(html).toContain('Đúng tiến độ');
    expect(html).toContain('Đã đạt');
    expect(html).toContain('Gửi lần 2 bởi ngokbay.officer lúc 09/11/2025');
    expect(html).toContain('Phê duyệt bởi qn.admin (tỉnh Quảng Ngãi) lúc 12/11/2025');
    expect(html).toContain('Lý do: Thiếu số liệu &quot;tháng 10&quot;'); // escaped
    expect(html).toContain('Niên giám &lt;2025&gt;');
    expect(html).toContain('Cho phép tính 2 sự kiện đến muộn');
    expect(html).toContain('1 sự kiện ghi nhận sau khi khóa số liệu được tính vào kỳ sau.');
    expect(html).not.toContain('DỰ THẢO');
    expect(html).not.toMatch(/\d{4}-\d{2}-\d{2}/); // no ISO dates shown
  });

  it('renders in English with the same dates and numbers', () => {
    const html = renderReportHtml(doc, 'en');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('ANNUAL REPORT ON PLAN IMPLEMENTATION 2025');
    expect(html).toContain('Plan No. 45/KH-UBND of 15/08/2025');
    expect(html).toContain('Person-times trained');
    expect(html).toContain('more than 1.500');
    expect(html).toContain('1.234');
    expect(html).toContain('On track');
    expect(html).toContain('Submission 2 by ngokbay.officer at 09/11/2025');
    expect(html).toContain('Approved by qn.admin (tỉnh Quảng Ngãi) at 12/11/2025');
    expect(html).toContain('Returned by qn.admin at 08/11/2025');
  });

  it('marks a report not submitted yet as a draft and shows a unit’s share next to the plan total', () => {
    const draft = renderReportHtml(
      { ...doc, status: 'open', frozen: false, submission: undefined, approval: undefined, returns: [], exceptions: [], figures: [{ ...doc.figures[0], planActual: 2345 }] },
      'vi',
    );
    expect(draft).toContain('DỰ THẢO');
    expect(draft).toContain('toàn kế hoạch: 2.345');
    expect(draft).toContain('Đang mở');
  });
});
