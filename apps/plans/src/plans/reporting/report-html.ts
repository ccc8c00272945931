/**
 * The printable annual report (báo cáo định kỳ hằng năm) of a reporting period, in Vietnamese or
 * English: dd/mm/yyyy dates, Vietnamese number formatting (1.234,5) in both languages, the plan's
 * number and title, the targets table, who submitted and who approved or returned it. Pure.
 */
import { formatDate, formatDateTime, formatNumber } from '@nangsuat/vietnamese';
import type { ProgressStatus } from '@nangsuat/contracts/plans';
import type { PeriodFigure } from './period-figures';

export type ReportLanguage = 'vi' | 'en';

export interface ReportDocument {
  readonly periodId: string;
  readonly status: 'open' | 'submitted' | 'returned' | 'approved';
  readonly plan: { readonly documentNumber?: string; readonly title: string; readonly issuingUnitName: string; readonly issueDate?: string };
  readonly unitName: string;
  readonly year: number;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly dueDate: string;
  /** Frozen at submission, or computed now for a report not submitted yet (shown as a draft). */
  readonly figures: readonly PeriodFigure[];
  readonly frozen: boolean;
  readonly generatedAt: string;
  readonly submission?: { readonly number: number; readonly by: string; readonly at: string; readonly late: boolean; readonly summary?: string };
  readonly approval?: { readonly by: string; readonly unitName: string; readonly at: string };
  readonly returns: readonly { readonly by: string; readonly at: string; readonly reason: string }[];
  readonly exceptions: readonly { readonly by: string; readonly at: string; readonly reason: string; readonly eventIds: readonly string[] }[];
  readonly lateEventIds: readonly string[];
}

const T = {
  vi: {
    lang: 'vi',
    heading: 'BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH NĂM',
    draft: 'DỰ THẢO — chưa gửi, số liệu tính tại thời điểm xem',
    plan: 'Kế hoạch',
    numberDated: (n: string, d: string) => `số ${n} ngày ${d}`,
    issuedBy: 'Đơn vị ban hành',
    unit: 'Đơn vị báo cáo',
    period: 'Kỳ báo cáo',
    due: 'Hạn gửi báo cáo',
    status: 'Trạng thái',
    statuses: { open: 'Đang mở', submitted: 'Đã gửi (khóa số liệu)', returned: 'Bị trả lại', approved: 'Đã phê duyệt' },
    cols: ['STT', 'Chỉ tiêu', 'Mốc năm', 'Yêu cầu', 'Trong kỳ', 'Lũy kế', 'Đánh giá'],
    progress: { 'on-track': 'Đúng tiến độ', 'at-risk': 'Có nguy cơ không đạt', achieved: 'Đã đạt', missed: 'Không đạt' } as Record<ProgressStatus, string>,
    planTotal: 'toàn kế hoạch',
    reportedFrom: 'Nguồn số liệu',
    submitted: (n: number, by: string, at: string) => `Gửi lần ${n} bởi ${by} lúc ${at}`,
    late: ' (quá hạn)',
    approved: (by: string, unit: string, at: string) => `Phê duyệt bởi ${by} (${unit}) lúc ${at}`,
    returned: (by: string, at: string, reason: string) => `Trả lại bởi ${by} lúc ${at}. Lý do: ${reason}`,
    exception: (by: string, at: string, reason: string, n: string) => `Cho phép tính ${n} sự kiện đến muộn vào kỳ này: ${by}, ${at}. Lý do: ${reason}`,
    lateNote: (n: string) => `${n} sự kiện ghi nhận sau khi khóa số liệu được tính vào kỳ sau.`,
    summary: 'Tóm tắt',
    generated: 'Lập lúc',
    range: 'từ',
    moreThan: 'trên',
    atLeast: 'ít nhất',
    aboveNational: 'cao hơn bình quân cả nước',
  },
  en: {
    lang: 'en',
    heading: 'ANNUAL REPORT ON PLAN IMPLEMENTATION',
    draft: 'DRAFT — not submitted; figures computed when viewed',
    plan: 'Plan',
    numberDated: (n: string, d: string) => `No. ${n} of ${d}`,
    issuedBy: 'Issued by',
    unit: 'Reporting unit',
    period: 'Reporting period',
    due: 'Due date',
    status: 'Status',
    statuses: { open: 'Open', submitted: 'Submitted (figures locked)', returned: 'Returned', approved: 'Approved' },
    cols: ['No.', 'Target', 'Milestone', 'Required', 'In period', 'Cumulative', 'Assessment'],
    progress: { 'on-track': 'On track', 'at-risk': 'At risk', achieved: 'Achieved', missed: 'Missed' } as Record<ProgressStatus, string>,
    planTotal: 'whole plan',
    reportedFrom: 'Source',
    submitted: (n: number, by: string, at: string) => `Submission ${n} by ${by} at ${at}`,
    late: ' (late)',
    approved: (by: string, unit: string, at: string) => `Approved by ${by} (${unit}) at ${at}`,
    returned: (by: string, at: string, reason: string) => `Returned by ${by} at ${at}. Reason: ${reason}`,
    exception: (by: string, at: string, reason: string, n: string) => `Exception for ${n} late event(s) to count in this period: ${by}, ${at}. Reason: ${reason}`,
    lateNote: (n: string) => `${n} event(s) recorded after the figures were locked count in the next period.`,
    summary: 'Summary',
    generated: 'Generated',
    range: 'from',
    moreThan: 'more than',
    atLeast: 'at least',
    aboveNational: 'above the national average',
  },
} as const;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

const num = (n: number | undefined) => (n === undefined ? '—' : formatNumber(n));

function requirement(f: PeriodFigure, t: (typeof T)[ReportLanguage]): string {
  const u = f.unitOfMeasure.startsWith('%') ? ` ${f.unitOfMeasure}` : '';
  switch (f.comparison) {
    case 'range':
      return `${num(f.min)}–${num(f.max)}${u}`;
    case 'more-than':
      return `${t.moreThan} ${num(f.value)}${u}`;
    case 'at-least':
      return `${t.atLeast} ${num(f.value)}${u}`;
    default:
      return t.aboveNational;
  }
}

export function renderReportHtml(doc: ReportDocument, lang: ReportLanguage): string {
  const t = T[lang];
  const e = escapeHtml;
  const rows = doc.figures
    .map((f, i) => {
      const label = lang === 'vi' ? f.label.vi : f.label.en || f.label.vi;
      const cumulative = f.planActual !== undefined ? `${num(f.actual)} <small>(${e(t.planTotal)}: ${num(f.planActual)})</small>` : num(f.actual);
      const source = f.reportedSource ? `<br><small>${e(t.reportedFrom)}: ${e(f.reportedSource)}</small>` : '';
      return `<tr><td>${i + 1}</td><td>${e(label)}${source}</td><td>${f.milestoneYear}</td><td>${e(requirement(f, t))}</td><td class="n">${num(f.periodActual)}</td><td class="n">${cumulative}</td><td class="s-${f.status}">${e(t.progress[f.status])}</td></tr>`;
    })
    .join('\n');
  const planLine = doc.plan.documentNumber
    ? `${t.plan} ${t.numberDated(doc.plan.documentNumber, doc.plan.issueDate ? formatDate(doc.plan.issueDate) : '—')}`
    : t.plan;
  const notes: string[] = [];
  if (doc.submission) notes.push(e(t.submitted(doc.submission.number, doc.submission.by, formatDateTime(doc.submission.at))) + (doc.submission.late ? e(t.late) : ''));
  for (const r of doc.returns) notes.push(e(t.returned(r.by, formatDateTime(r.at), r.reason)));
  for (const x of doc.exceptions) notes.push(e(t.exception(x.by, formatDateTime(x.at), x.reason, formatNumber(x.eventIds.length))));
  if (doc.approval) notes.push(e(t.approved(doc.approval.by, doc.approval.unitName, formatDateTime(doc.approval.at))));
  if (doc.lateEventIds.length) notes.push(e(t.lateNote(formatNumber(doc.lateEventIds.length))));
  return `<!DOCTYPE html>
<html lang="${t.lang}">
<head>
<meta charset="utf-8">
<title>${e(t.heading)} ${doc.year} — ${e(doc.unitName)}</title>
<style>
body{font-family:"Times New Roman",serif;margin:2cm;color:#000}
h1{font-size:16pt;text-align:center;margin-bottom:0}
h2{font-size:13pt;text-align:center;font-weight:normal;margin-top:4px}
table{border-collapse:collapse;width:100%;margin-top:12px}
th,td{border:1px solid #000;padding:4px 6px;font-size:11pt;vertical-align:top}
td.n{text-align:right}
.draft{border:2px dashed #a00;color:#a00;padding:6px;text-align:center;margin:8px 0}
dl{display:grid;grid-template-columns:max-content auto;gap:2px 12px}
dt{font-weight:bold}
@media print{.draft{color:#000;border-color:#000}}
</style>
</head>
<body>
<h1>${e(t.heading)} ${doc.year}</h1>
<h2>${e(planLine)}<br>${e(doc.plan.title)}</h2>
${doc.frozen ? '' : `<p class="draft">${e(t.draft)}</p>`}
<dl>
<dt>${e(t.issuedBy)}</dt><dd>${e(doc.plan.issuingUnitName)}</dd>
<dt>${e(t.unit)}</dt><dd>${e(doc.unitName)}</dd>
<dt>${e(t.period)}</dt><dd>${formatDate(doc.periodStart)} – ${formatDate(doc.periodEnd)}</dd>
<dt>${e(t.due)}</dt><dd>${formatDate(doc.dueDate)}</dd>
<dt>${e(t.status)}</dt><dd>${e(t.statuses[doc.status])}</dd>
</dl>
<table>
<thead><tr>${t.cols.map((c) => `<th>${e(c)}</th>`).join('')}</tr></thead>
<tbody>
${rows}
</tbody>
</table>
${doc.submission?.summary ? `<h3>${e(t.summary)}</h3><p>${e(doc.submission.summary)}</p>` : ''}
<ul>
${notes.map((n) => `<li>${n}</li>`).join('\n')}
</ul>
<p><small>${e(t.generated)}: ${formatDateTime(doc.generatedAt)} · ${e(doc.periodId)}</small></p>
</body>
</html>
`;
}
