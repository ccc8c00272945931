import type { RecordedEvent } from '@nangsuat/event-sourcing';
import { addDays, formatDate, toVietnamDate } from '@nangsuat/vietnamese';
import { Notice, OFFICER_ROLES } from './kinds';
import type { TrackedCertification, TrackedNomination, TrackedPeriod, TrackedRegistration } from './tracked';

/**
 * Who is told what: pure rules from a context's event (live notices) and from the tracked records
 * and a day (reminders). Texts are Vietnamese first; dates dd/mm/yyyy.
 */

type Data = Record<string, any>;

// Each link opens a page of the web console (apps/console/src/App.tsx): a record's own page where the
// console has one, else the list it appears in (the inbox follows plain paths only, no query strings).
const registrationLink = (id: string) => ({ service: 'support-programs', recordType: 'registration', recordId: id, path: `/registrations/${encodeURIComponent(id)}` });
const periodLink = (id: string) => ({ service: 'plans', recordType: 'reporting-period', recordId: id, path: `/reporting/${encodeURIComponent(id)}` });
const certificationLink = (id: string) => ({ service: 'training', recordType: 'certification', recordId: id, path: '/certifications' });
/** An officer's notice opens the queue of claims; the claimant's opens their own claims. */
const claimQueueLink = (id: string) => ({ service: 'support-programs', recordType: 'enterprise-claim', recordId: id, path: '/enterprise-claims' });
const ownClaimLink = (id: string) => ({ service: 'support-programs', recordType: 'enterprise-claim', recordId: id, path: '/claim' });
const nominationLink = (id: string) => ({ service: 'awards', recordType: 'nomination', recordId: id, path: '/nominations' });

/** Live notices for one event; `registration`/`period` are what was tracked before it (for its addressee). */
export function noticesForEvent(event: Pick<RecordedEvent, 'id' | 'type' | 'data'>, known: { registration?: TrackedRegistration; period?: TrackedPeriod } = {}): Notice[] {
  const d = event.data as Data;
  const key = (kind: string) => `event:${event.id}:${kind}`;
  switch (event.type) {
    case 'RegistrationSubmitted':
      return [
        {
          key: key('registration-submitted'),
          kind: 'registration-submitted',
          audience: { kind: 'office', roles: OFFICER_ROLES, unit: d.programmeUnitCode },
          title: `Đăng ký mô hình điểm mới: ${d.enterpriseName}`,
          body: `${d.enterpriseName} (MST ${d.taxCode}) đã đăng ký tham gia chương trình ${d.programmeId}. Vui lòng xem xét hồ sơ.`,
          link: registrationLink(d.registrationId),
          unit: d.programmeUnitCode,
        },
      ];
    case 'RegistrationApproved':
    case 'RegistrationRejected': {
      const account = known.registration?.enterpriseAccountId;
      if (!account) return [];
      const approved = event.type === 'RegistrationApproved';
      return [
        {
          key: key(approved ? 'registration-approved' : 'registration-rejected'),
          kind: approved ? 'registration-approved' : 'registration-rejected',
          audience: { kind: 'enterprise', enterpriseAccountId: account },
          title: approved ? `Đăng ký chương trình ${d.programmeId} đã được phê duyệt` : `Đăng ký chương trình ${d.programmeId} bị từ chối`,
          body: approved
            ? `Đăng ký mô hình điểm của doanh nghiệp trong chương trình ${d.programmeId} đã được phê duyệt${d.note ? `: ${d.note}` : '.'}`
            : `Đăng ký mô hình điểm của doanh nghiệp trong chương trình ${d.programmeId} bị từ chối. Lý do: ${d.reason}`,
          link: registrationLink(d.registrationId),
          unit: d.unitCode,
        },
      ];
    }
    case 'ReportReturned':
    case 'ReportApproved': {
      const period = known.period;
      if (!period) return [];
      const returned = event.type === 'ReportReturned';
      return [
        {
          key: key(returned ? 'report-returned' : 'report-approved'),
          kind: returned ? 'report-returned' : 'report-approved',
          audience: { kind: 'office', roles: OFFICER_ROLES, unit: period.unit },
          title: returned ? `Báo cáo năm ${period.year} bị trả lại` : `Báo cáo năm ${period.year} đã được chấp thuận`,
          body: returned
            ? `Báo cáo năm ${period.year} (kế hoạch ${period.planId}) bị trả lại. Lý do: ${d.reason}. Hạn nộp: ${formatDate(period.dueDate)}.`
            : `Báo cáo năm ${period.year} (kế hoạch ${period.planId}) đã được chấp thuận.`,
          link: periodLink(period._id),
          unit: period.unit,
        },
      ];
    }
    case 'EnterpriseClaimSubmitted':
      return [
        {
          key: key('enterprise-claim-submitted'),
          kind: 'enterprise-claim-submitted',
          audience: { kind: 'office', roles: OFFICER_ROLES, unit: d.unitCode },
          title: `${d.claimant?.username} xin đại diện ${d.profile?.name}`,
          body: `${d.claimant?.username}${d.claimant?.email ? ` (${d.claimant.email})` : ''} xin được đại diện doanh nghiệp ${d.profile?.name} (MST ${d.taxCode}). Vui lòng xác nhận hoặc từ chối.`,
          link: claimQueueLink(d.claimId),
          unit: d.unitCode,
        },
      ];
    case 'EnterpriseClaimConfirmed':
    case 'EnterpriseClaimRefused':
    case 'EnterpriseLinkRevoked': {
      const text =
        event.type === 'EnterpriseClaimConfirmed'
          ? { title: 'Yêu cầu đại diện doanh nghiệp đã được xác nhận', body: 'Tài khoản của bạn đã được liên kết với doanh nghiệp; hãy đăng nhập lại để sử dụng.' }
          : event.type === 'EnterpriseClaimRefused'
            ? { title: 'Yêu cầu đại diện doanh nghiệp bị từ chối', body: `Lý do: ${d.reason}` }
            : { title: 'Liên kết với doanh nghiệp đã bị thu hồi', body: `Lý do: ${d.reason}` };
      return [
        {
          key: key('enterprise-claim-decided'),
          kind: 'enterprise-claim-decided',
          audience: { kind: 'users', userIds: [d.claimantId] },
          ...text,
          link: ownClaimLink(d.claimId),
          unit: d.unitCode,
        },
      ];
    }
    case 'NominationEvaluationStarted':
      return [
        {
          key: key('nomination-to-score'),
          kind: 'nomination-to-score',
          audience: { kind: 'users', userIds: d.councilMemberIds ?? [] },
          title: `Hồ sơ đề cử cần chấm điểm: ${d.nomineeName}`,
          body: `Hội đồng bắt đầu đánh giá hồ sơ đề cử ${d.nomineeName}. Vui lòng chấm điểm.`,
          link: nominationLink(d.nominationId),
          unit: d.unitCode,
        },
      ];
    default:
      return [];
  }
}

/** Days before a deadline, or after, at which a reminder goes out; each once. */
export const REPORT_REMINDER_DAYS = [14, 3] as const;
export const CERTIFICATION_REMINDER_DAYS = [60, 30] as const;
export const REGISTRATION_WAITING_DAYS = 7;
export const UNSCORED_NOMINATION_DAYS = 7;

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * Reminders due on `today` (yyyy-mm-dd, Vietnam). A reminder is due from its threshold day on (so a
 * run missed on that day still sends it later); its key makes it once only.
 */
export function dueReminders(
  today: string,
  records: {
    periods: readonly TrackedPeriod[];
    certifications: readonly TrackedCertification[];
    registrations: readonly TrackedRegistration[];
    nominations?: readonly TrackedNomination[];
  },
): Notice[] {
  const notices: Notice[] = [];
  for (const p of records.periods) {
    if (p.status !== 'open' && p.status !== 'returned') continue;
    const left = daysBetween(today, p.dueDate);
    const office = { kind: 'office' as const, roles: OFFICER_ROLES, unit: p.unit };
    if (left < 0) {
      notices.push({
        key: `reminder:report-overdue:${p._id}`,
        kind: 'report-overdue',
        audience: office,
        title: `Quá hạn nộp báo cáo năm ${p.year}`,
        body: `Báo cáo năm ${p.year} (kế hoạch ${p.planId}) đã quá hạn nộp ngày ${formatDate(p.dueDate)}.`,
        link: periodLink(p._id),
        unit: p.unit,
      });
      continue;
    }
    // The nearest threshold reached (3 days before wins over 14): one reminder per threshold.
    const threshold = [...REPORT_REMINDER_DAYS].sort((a, b) => a - b).find((days) => left <= days);
    if (threshold === undefined) continue;
    notices.push({
      key: `reminder:report-due:${p._id}:${threshold}`,
      kind: 'report-due',
      audience: office,
      title: `Còn ${left} ngày đến hạn nộp báo cáo năm ${p.year}`,
      body: `Hạn nộp báo cáo năm ${p.year} (kế hoạch ${p.planId}) là ngày ${formatDate(p.dueDate)}.`,
      link: periodLink(p._id),
      unit: p.unit,
    });
  }
  for (const c of records.certifications) {
    if (c.status !== 'valid') continue;
    const left = daysBetween(today, c.validTo);
    if (left < 0) continue;
    const threshold = [...CERTIFICATION_REMINDER_DAYS].sort((a, b) => a - b).find((days) => left <= days);
    if (threshold === undefined) continue;
    notices.push({
      key: `reminder:certification-expiring:${c._id}:${threshold}`,
      kind: 'certification-expiring',
      audience: { kind: 'office', roles: ['expert-assessor'], unit: c.unitCode },
      title: `Chứng nhận ${c.certificateNumber} hết hạn sau ${left} ngày`,
      body: `Chứng nhận chuyên gia năng suất số ${c.certificateNumber} hết hiệu lực ngày ${formatDate(c.validTo)}.`,
      link: certificationLink(c._id),
      unit: c.unitCode,
    });
  }
  for (const r of records.registrations) {
    if (r.status !== 'submitted') continue;
    const waited = daysBetween(r.submittedOn, today);
    if (waited <= REGISTRATION_WAITING_DAYS) continue;
    notices.push({
      key: `reminder:registration-waiting:${r._id}`,
      kind: 'registration-waiting',
      audience: { kind: 'office', roles: OFFICER_ROLES, unit: r.programmeUnitCode },
      title: `Đăng ký của ${r.enterpriseName} chờ xem xét ${waited} ngày`,
      body: `Đăng ký mô hình điểm của ${r.enterpriseName} nộp ngày ${formatDate(r.submittedOn)} chưa được xem xét.`,
      link: registrationLink(r._id),
      unit: r.programmeUnitCode,
    });
  }
  for (const n of records.nominations ?? []) {
    if (n.status !== 'evaluating' || daysBetween(n.startedOn, today) <= UNSCORED_NOMINATION_DAYS) continue;
    for (const member of n.councilMemberIds.filter((m) => !n.evaluatedBy.includes(m))) {
      notices.push({
        key: `reminder:nomination-unscored:${n._id}:${member}`,
        kind: 'nomination-to-score',
        audience: { kind: 'users', userIds: [member] },
        title: `Nhắc chấm điểm hồ sơ đề cử: ${n.nomineeName}`,
        body: `Hội đồng bắt đầu đánh giá hồ sơ đề cử ${n.nomineeName} từ ngày ${formatDate(n.startedOn)}; bạn chưa chấm điểm.`,
        link: nominationLink(n._id),
        unit: n.unitCode,
      });
    }
  }
  return notices;
}

/** The Vietnam date of an instant (for submittedOn). */
export const vietnamDay = (instant: string): string => toVietnamDate(instant);
export { addDays };
