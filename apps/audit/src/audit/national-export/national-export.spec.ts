import { canonicalJson, RecordedEvent, sha256Hex } from '@nangsuat/event-sourcing';
import { computeForPlan, mapAchievementToContribution, NINH_THUAN_4009_TARGETS, seedIndicator, StoredContribution } from '@nangsuat/contracts/plans';
import { buildNationalExport, ExportFact } from './national-export';

const verified = (id: string, school: string): RecordedEvent =>
  ({
    id,
    type: 'AchievementVerified',
    schemaVersion: 1,
    streamId: `achievement-${id}`,
    streamVersion: 2,
    globalPosition: 10,
    occurredAt: '2026-01-01T00:00:00Z',
    recordedAt: '2026-01-01T00:00:00Z',
    data: { achievementId: id, indicator: 'schools-5s', subjectId: school, unitCode: '58', achievedOn: '2024-10-01' },
    metadata: { actor: { id: 'u', username: 'kh.admin', unit: '56' }, unit: '58', correlationId: 'c' },
    prevHash: '',
    hash: 'h',
  }) as RecordedEvent;

describe('national database export', () => {
  const plan = {
    planId: 'nt',
    status: 'issued',
    version: 1,
    documentNumber: '4009/KH-UBND',
    title: 'Kế hoạch',
    issuingUnit: '58',
    issueDate: '2023-09-26',
    targets: NINH_THUAN_4009_TARGETS.filter((t) => t.id === 'schools-5s-2025' || t.id === 'trained-person-times-2025'),
    catalogue: seedIndicator,
    catalogueVersion: 0,
  };
  const events = [verified('a1', 'school-1'), verified('a2', 'school-2')];
  const contributions = events.map((e) => (mapAchievementToContribution(e) as { contribution: StoredContribution }).contribution);
  const facts = new Map<string, ExportFact>(events.map((e) => [e.id, { eventId: e.id, context: 'plans', day: '2026-01-01', event: e }]));
  const input = { plan, asOf: '2025-12-31T16:59:59.999Z', generatedAt: '2026-01-02T00:00:00Z', catalogue: seedIndicator, contributions, reported: [], facts, proofs: new Map(), checkpoints: [] };

  it('carries the figures the progress computation gives, with the facts behind them', () => {
    const exported = buildNationalExport(input);
    const progress = computeForPlan(plan, contributions, [], input.asOf);
    expect(exported.targets.map((t) => [t.targetId, t.actual, t.status])).toEqual(progress.map((p) => [p.targetId, p.actual, p.status]));
    expect(exported.targets.find((t) => t.targetId === 'schools-5s-2025')).toMatchObject({ actual: 2, facts: ['a1', 'a2'], byUnit: [{ unit: '58', actual: 2 }] });
    expect(exported.facts.map((f) => [f.eventId, f.recordedOnDisplay])).toEqual([
      ['a1', '01/01/2026'],
      ['a2', '01/01/2026'],
    ]);
    expect(exported.indicators.map((i) => i.code)).toEqual(['trained-person-times', 'schools-5s']);
  });

  it('hashes its content: the same input gives the same hash, another figure another one', () => {
    const { contentHash, ...body } = buildNationalExport(input);
    expect(sha256Hex(canonicalJson(body))).toBe(contentHash);
    expect(buildNationalExport(input).contentHash).toBe(contentHash);
    expect(buildNationalExport({ ...input, contributions: contributions.slice(0, 1) }).contentHash).not.toBe(contentHash);
  });
});
