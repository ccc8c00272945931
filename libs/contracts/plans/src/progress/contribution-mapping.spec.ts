import type { RecordedEvent } from '@nangsuat/event-sourcing';
import { mapEventToContribution, SourceService, sourceServiceOfTopic } from './contribution-mapping';

const envelope = (type: string, data: Record<string, unknown>, extra: Partial<RecordedEvent> = {}): RecordedEvent =>
  ({
    id: `ev-${type}`,
    type,
    schemaVersion: 1,
    data,
    streamId: `stream-${type}`,
    streamVersion: 1,
    globalPosition: 7,
    occurredAt: '2025-09-01T03:00:00.000Z',
    recordedAt: '2025-09-01T03:00:01.000Z',
    metadata: { actor: { id: 'u1', username: 'ngokbay.officer', unit: '51-NGOKBAY' }, unit: '51-NGOKBAY', correlationId: 'c-1' },
    prevHash: '',
    hash: 'h',
    ...extra,
  }) as RecordedEvent;

const reg = { registrationId: 'p1:mst-1', programmeId: 'p1', enterpriseId: 'mst-1', unitCode: '51-NGOKBAY', programmeUnitCode: '51', planDocumentNumber: '138/KH-UBND' };
const cert = { certificationId: 'c1', personId: 'person-1', unitCode: '51', standardCode: 'TCVN 13751', standardVersion: '2023', levelCode: 'L1', certificateNumber: 'CG-01' };

describe('event → contribution mapping', () => {
  const table: [SourceService, string, Record<string, unknown>, Record<string, unknown>][] = [
    ['support-programs', 'RegistrationApproved', { ...reg, approvedAt: '2025-09-02T01:00:00Z' }, { kind: 'pilot-model-approved', indicator: 'pilot-model-enterprises', subjectId: 'mst-1', refId: 'p1:mst-1', unit: '51-NGOKBAY', originUnit: '51', planDocumentNumber: '138/KH-UBND', occurredAt: '2025-09-02T01:00:00.000Z', occurredOn: '2025-09-02' }],
    ['support-programs', 'RegistrationCompleted', { ...reg, completedAt: '2025-12-01T01:00:00Z' }, { kind: 'pilot-model-completed', indicator: 'pilot-model-enterprises', subjectId: 'mst-1' }],
    ['support-programs', 'RegistrationWithdrawn', { ...reg, seatHeld: true, reason: 'x', withdrawnAt: '2025-10-01T01:00:00Z' }, { kind: 'pilot-model-withdrawn', refId: 'p1:mst-1' }],
    ['training', 'TraineeCompleted', { courseId: 'k1', unitCode: '51-NGOKBAY', personId: 'person-1', planDocumentNumber: '138/KH-UBND', completedAt: '2025-09-03T01:00:00Z' }, { kind: 'training-completed', indicator: 'trained-person-times', subjectId: 'person-1', refId: 'k1', unit: '51-NGOKBAY' }],
    ['training', 'CertificationGranted', { ...cert, validFrom: '2025-01-01', validTo: '2027-12-31', grantedAt: '2025-01-01T01:00:00Z' }, { kind: 'expert-certified', indicator: 'certified-experts', subjectId: 'person-1', refId: 'c1', validUntil: '2027-12-31' }],
    ['training', 'CertificationRenewed', { ...cert, previousValidTo: '2027-12-31', validTo: '2030-12-31', renewedAt: '2027-06-01T01:00:00Z' }, { kind: 'expert-certified', refId: 'c1', validUntil: '2030-12-31' }],
    ['training', 'CertificationExpired', { ...cert, validTo: '2027-12-31', expiredAt: '2028-01-01T01:00:00Z' }, { kind: 'expert-certification-expired', refId: 'c1' }],
    ['training', 'CertificationRevoked', { ...cert, reason: 'fraud', revokedBy: 'qn.admin', revokedAt: '2026-01-01T01:00:00Z' }, { kind: 'expert-certification-revoked', refId: 'c1' }],
    ['awards', 'NominationDecided', { nominationId: 'n1', categoryId: 'cat', unitCode: '51', nomineeKind: 'enterprise', enterpriseId: 'mst-1', outcome: 'awarded', decidedAt: '2025-11-01T01:00:00Z' }, { kind: 'award-decided', indicator: 'awards', subjectId: 'mst-1', refId: 'n1' }],
  ];

  it.each(table)('%s %s counts', (service, type, data, expected) => {
    const r = mapEventToContribution(envelope(type, data), service);
    expect(r.outcome).toBe('contribution');
    if (r.outcome !== 'contribution') return;
    expect(r.contribution).toMatchObject({ _id: `ev-${type}`, eventId: `ev-${type}`, sourceService: service, eventType: type, streamId: `stream-${type}`, ...expected });
  });

  it('uses the envelope occurredAt when the payload has no time of its own, and normalises document numbers', () => {
    const r = mapEventToContribution(envelope('TraineeCompleted', { courseId: 'k', unitCode: '51', personId: 'p', planDocumentNumber: 'Số: 138/KH-UBND ' }), 'training');
    expect(r).toMatchObject({ outcome: 'contribution', contribution: { occurredAt: '2025-09-01T03:00:00.000Z', occurredOn: '2025-09-01', planDocumentNumber: '138/KH-UBND' } });
  });

  it.each([
    ['support-programs', 'RegistrationWithdrawn', { ...reg, seatHeld: false, reason: 'x' }, 'withdrawn before approval'],
    ['awards', 'NominationDecided', { nominationId: 'n1', categoryId: 'c', unitCode: '51', nomineeKind: 'organisation', outcome: 'not-awarded' }, 'not awarded'],
  ] as const)('%s %s does not count (%s)', (service, type, data, reason) => {
    expect(mapEventToContribution(envelope(type, data), service)).toEqual({ outcome: 'not-counted', reason: expect.stringContaining(reason) });
  });

  it.each([
    ['training', 'CourseScheduled'],
    ['training', 'TraineeRegistered'],
    ['support-programs', 'RegistrationSubmitted'],
    ['support-programs', 'SeatReserved'],
    ['awards', 'NominationSubmitted'],
    // a counted type on another service's topic is not trusted
    ['awards', 'TraineeCompleted'],
  ] as const)('%s %s is irrelevant', (service, type) => {
    expect(mapEventToContribution(envelope(type, { unitCode: '51' }), service)).toEqual({ outcome: 'irrelevant' });
  });

  it.each([
    ['training', 'TraineeCompleted', { courseId: 'k', unitCode: '51' }, 'missing personId'],
    ['training', 'TraineeCompleted', { courseId: 'k', unitCode: '99-NOWHERE', personId: 'p' }, 'unknown administrative unit "99-NOWHERE"'],
    ['support-programs', 'RegistrationApproved', { registrationId: 'r', enterpriseId: 'e' }, 'missing unitCode'],
    ['training', 'CertificationGranted', { ...cert, validTo: '31/12/2027' }, 'validTo'],
  ] as const)('%s %s cannot be mapped: %s', (service, type, data, reason) => {
    const r = mapEventToContribution(envelope(type, data), service);
    expect(r.outcome).toBe('unmappable');
    expect((r as { reason: string }).reason).toContain(reason);
  });

  it('cannot map a fact without a valid time', () => {
    const r = mapEventToContribution(envelope('TraineeCompleted', { courseId: 'k', unitCode: '51', personId: 'p' }, { occurredAt: 'yesterday', recordedAt: 'never' }), 'training');
    expect(r.outcome).toBe('unmappable');
  });

  it('knows the source service from the topic', () => {
    expect(sourceServiceOfTopic('nangsuat.training.events')).toBe('training');
    expect(sourceServiceOfTopic('nangsuat.support-programs.events')).toBe('support-programs');
    expect(sourceServiceOfTopic('nangsuat.plans.events')).toBeUndefined();
  });
});
