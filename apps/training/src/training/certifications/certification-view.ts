import type { ReadModelStore } from '@nangsuat/read-models';
import type { Decider, EventStorePort } from '@nangsuat/event-store';
import { StreamStateProjection } from '@nangsuat/projections';
import { formatDate, searchKey } from '@nangsuat/vietnamese';
import { CERTIFICATION_STREAM_PREFIX, CertificationCommand, CertificationState, CriterionScore, EvidenceDocument, expertCertificationDecider, ExpertCertificationEvent, isCertifiedOn, vietnamDate } from '@nangsuat/contracts/training';

/**
 * What the API shows of a certification: the decider's state plus what it does not keep (the
 * applicant's name, evidence, the assessment, who granted or revoked and why). Same fold for command
 * responses, GET /certifications/:id (from the store) and the `training.certifications` read model.
 */
export interface CertificationViewState {
  readonly cert: CertificationState;
  readonly fullName?: string;
  readonly organisationName?: string;
  readonly evidence: readonly EvidenceDocument[];
  readonly appliedAt?: string;
  readonly assessment?: {
    readonly assessorId: string;
    readonly scores: readonly CriterionScore[];
    readonly totalScore: number;
    readonly result: 'passed' | 'failed';
    readonly failedCriteria: readonly string[];
    readonly assessedAt: string;
  };
  readonly grant?: { readonly grantedBy: string; readonly grantedAt: string };
  readonly renewals: readonly { readonly previousValidTo: string; readonly validTo: string; readonly renewedAt: string }[];
  readonly revocation?: { readonly reason: string; readonly revokedBy: string; readonly revokedAt: string };
  readonly expiredAt?: string;
}

export const certificationViewDecider: Decider<CertificationCommand, ExpertCertificationEvent, CertificationViewState> = {
  initialState: () => ({ cert: expertCertificationDecider.initialState(), evidence: [], renewals: [] }),
  decide: (command, state) => expertCertificationDecider.decide(command, state.cert),
  evolve: (state, event) => {
    const cert = expertCertificationDecider.evolve(state.cert, event);
    switch (event.type) {
      case 'CertificationApplied':
        return { ...state, cert, fullName: event.data.fullName, organisationName: event.data.organisationName, evidence: event.data.evidence, appliedAt: event.data.appliedAt };
      case 'CertificationAssessed': {
        const { assessorId, scores, totalScore, result, failedCriteria, assessedAt } = event.data;
        return { ...state, cert, assessment: { assessorId, scores, totalScore, result, failedCriteria, assessedAt } };
      }
      case 'CertificationGranted':
        return { ...state, cert, grant: { grantedBy: event.data.grantedBy, grantedAt: event.data.grantedAt } };
      case 'CertificationRenewed':
        return {
          ...state,
          cert,
          evidence: [...state.evidence, ...event.data.evidence],
          renewals: [...state.renewals, { previousValidTo: event.data.previousValidTo, validTo: event.data.validTo, renewedAt: event.data.renewedAt }],
        };
      case 'CertificationRevoked':
        return { ...state, cert, revocation: { reason: event.data.reason, revokedBy: event.data.revokedBy, revokedAt: event.data.revokedAt } };
      case 'CertificationExpired':
        return { ...state, cert, expiredAt: event.data.expiredAt };
      default:
        return { ...state, cert };
    }
  },
};

export function certificationView(view: CertificationViewState, version: number, today: string) {
  const c = view.cert;
  return {
    certificationId: c.ref?.certificationId,
    personId: c.ref?.personId,
    fullName: view.fullName,
    ...(view.organisationName ? { organisationName: view.organisationName } : {}),
    unitCode: c.ref?.unitCode,
    standard: c.ref ? { code: c.ref.standardCode, version: c.ref.standardVersion } : undefined,
    levelCode: c.ref?.levelCode,
    levelName: c.requirements?.levelName,
    status: c.status,
    /** Certified and within validity on the service's today (Vietnam). */
    activeToday: isCertifiedOn(c, today),
    ...(c.certificateNumber ? { certificateNumber: c.certificateNumber } : {}),
    ...(c.validFrom ? { validFrom: c.validFrom, validTo: c.validTo, display: { validFrom: formatDate(c.validFrom), validTo: formatDate(c.validTo!) } } : {}),
    evidence: view.evidence,
    requirements: c.requirements,
    ...(view.appliedAt ? { appliedOn: vietnamDate(view.appliedAt) } : {}),
    ...(view.assessment ? { assessment: view.assessment } : {}),
    ...(view.grant ? { grant: view.grant } : {}),
    renewals: view.renewals,
    ...(view.revocation ? { revocation: view.revocation } : {}),
    ...(view.expiredAt ? { expiredAt: view.expiredAt } : {}),
    version,
  };
}

export const CERTIFICATIONS_COLLECTION = 'certifications_view';

/** Read model `training.certifications`: one document per application, searchable by name without diacritics. */
export const certificationProjection = (store: EventStorePort, readModels: ReadModelStore) =>
  new StreamStateProjection<CertificationViewState>(store, readModels, {
    name: 'training.certifications',
    collection: CERTIFICATIONS_COLLECTION,
    indexes: [{ certificationId: 1 }, { unitCode: 1 }, { status: 1, validTo: 1 }],
    fields: ['validFrom', 'levelCode'],
    textSearch: ['searchKey'],
    streamPrefix: CERTIFICATION_STREAM_PREFIX,
    decider: certificationViewDecider as Decider<unknown, ExpertCertificationEvent, CertificationViewState>,
    toDocument: (state, stream) => {
      if (state.cert.status === 'none') return null;
      const view = certificationView(state, stream.version, vietnamDate(new Date().toISOString()));
      const { activeToday: _ignored, ...stored } = view; // depends on the day: computed when read
      return { ...stored, searchKey: searchKey(`${view.fullName ?? ''} ${view.organisationName ?? ''} ${view.certificateNumber ?? ''} ${view.certificationId}`) };
    },
  });
