/**
 * What the platform tells people, one kind per situation. Each person can switch email off per kind;
 * the in-app inbox always receives them.
 */
export const NOTIFICATION_KINDS = {
  'registration-submitted': { vi: 'Có đăng ký mô hình điểm mới cần xem xét', en: 'A pilot-model registration awaits review' },
  'registration-waiting': { vi: 'Đăng ký mô hình điểm chờ xem xét quá 7 ngày', en: 'A registration has waited more than 7 days for review' },
  'registration-approved': { vi: 'Đăng ký mô hình điểm được phê duyệt', en: 'Pilot-model registration approved' },
  'registration-rejected': { vi: 'Đăng ký mô hình điểm bị từ chối', en: 'Pilot-model registration rejected' },
  'report-returned': { vi: 'Báo cáo định kỳ bị trả lại', en: 'Periodic report returned' },
  'report-approved': { vi: 'Báo cáo định kỳ được chấp thuận', en: 'Periodic report approved' },
  'report-due': { vi: 'Sắp đến hạn nộp báo cáo định kỳ', en: 'A periodic report is due soon' },
  'report-overdue': { vi: 'Quá hạn nộp báo cáo định kỳ', en: 'A periodic report is overdue' },
  'certification-expiring': { vi: 'Chứng nhận chuyên gia sắp hết hạn', en: 'An expert certification expires soon' },
  'nomination-to-score': { vi: 'Hồ sơ đề cử cần chấm điểm', en: 'A nomination awaits your score' },
  'enterprise-claim-submitted': { vi: 'Có người xin đại diện doanh nghiệp cần xác nhận', en: 'An enterprise claim awaits confirmation' },
  'enterprise-claim-decided': { vi: 'Yêu cầu đại diện doanh nghiệp đã được xử lý', en: 'Your enterprise claim was decided' },
} as const;

export type NotificationKind = keyof typeof NOTIFICATION_KINDS;
export const NOTIFICATION_KIND_NAMES = Object.keys(NOTIFICATION_KINDS) as NotificationKind[];

/** The offices that receive a unit's work: its officers at the unit's own level. */
export const OFFICER_ROLES = ['province-admin', 'department-officer', 'commune-officer', 'village-officer'] as const;

/** Who is told: users holding one of the roles in the unit (the nearest unit up the tree that has such users), or an enterprise's users, or named users. */
export type Audience =
  | { readonly kind: 'office'; readonly roles: readonly string[]; readonly unit: string }
  | { readonly kind: 'enterprise'; readonly enterpriseAccountId: string }
  | { readonly kind: 'users'; readonly userIds: readonly string[] };

/** Where the record is in the console / API. */
export interface RecordLink {
  readonly service: string;
  readonly recordType: string;
  readonly recordId: string;
  /** The console route that shows it. */
  readonly path: string;
}

/** A notification before it is addressed to people. */
export interface Notice {
  /** Unique per fact: the event id (and the kind), or the reminder's record and threshold. One notice per person per key, ever. */
  readonly key: string;
  readonly kind: NotificationKind;
  readonly audience: Audience;
  readonly title: string;
  readonly body: string;
  readonly link: RecordLink;
  readonly unit: string;
}
