import { administrativeUnits } from '@nangsuat/administrative-units';
import { formatDate } from '@nangsuat/vietnamese';
import type { AchievementState, AchievementStatus } from '@nangsuat/contracts/plans';
import { ORGANISATION_KIND_NAMES, OrganisationKind, OrganisationState } from '@nangsuat/contracts/plans';

export const ACHIEVEMENT_STATUS_NAMES: Record<AchievementStatus, { vi: string; en: string }> = {
  none: { vi: 'Chưa có', en: 'None' },
  recorded: { vi: 'Chờ xác nhận', en: 'Awaiting verification' },
  verified: { vi: 'Đã xác nhận', en: 'Verified' },
  refused: { vi: 'Bị từ chối', en: 'Refused' },
  withdrawn: { vi: 'Đã rút', en: 'Withdrawn' },
};

const unitName = (code: string) => (administrativeUnits.has(code) ? administrativeUnits.displayName(code) : code);

export function achievementView(s: AchievementState, version = s.version) {
  const r = s.recorded!;
  return {
    achievementId: r.achievementId,
    status: s.status,
    statusName: ACHIEVEMENT_STATUS_NAMES[s.status],
    /** Counts for the plans' targets: verified and not withdrawn. */
    counts: s.status === 'verified',
    indicator: r.indicator,
    organisationId: r.organisationId,
    organisationName: r.organisationName,
    organisationKind: r.organisationKind,
    unitCode: r.unitCode,
    unitName: unitName(r.unitCode),
    subjectId: r.subjectId,
    ...(r.subjectRef ? { subjectRef: r.subjectRef } : {}),
    achievedOn: r.achievedOn,
    achievedOnDisplay: formatDate(r.achievedOn),
    ...(r.value !== undefined ? { value: r.value } : {}),
    description: r.description,
    evidence: r.evidence,
    recordedBy: r.recordedBy,
    recordedByUnit: r.recordedByUnit,
    ...(s.verifiedBy ? { verifiedBy: s.verifiedBy, verifiedAt: s.verifiedAt } : {}),
    ...(s.refusal ? { refusal: s.refusal } : {}),
    ...(s.withdrawal ? { withdrawal: s.withdrawal } : {}),
    version,
  };
}
export type AchievementView = ReturnType<typeof achievementView>;

export function organisationView(s: OrganisationState, version = s.version) {
  const d = s.details!;
  return {
    organisationId: s.organisationId!,
    ...d,
    kindName: ORGANISATION_KIND_NAMES[d.kind as OrganisationKind],
    unitName: unitName(d.unitCode),
    version,
  };
}
export type OrganisationView = ReturnType<typeof organisationView>;
