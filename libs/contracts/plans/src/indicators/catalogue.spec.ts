import { deciderSpec } from '@nangsuat/event-sourcing/testing';
import { Conflict, DomainRuleViolation, fold, NotFound } from '@nangsuat/event-sourcing';
import { administrativeUnits } from '@nangsuat/administrative-units';
import { CatalogueEvent, catalogueDecider, lookupIn } from './catalogue';
import { IndicatorEntry } from './indicator';
import { SEED_INDICATORS } from './seed-catalogue';
import { targetCatalogueProblems } from './target-check';

const spec = deciderSpec(catalogueDecider);
const ocop: IndicatorEntry = {
  code: 'ocop-products',
  name: { vi: 'Sản phẩm OCOP đạt 3 sao trở lên', en: 'OCOP products rated 3 stars or more' },
  unitOfMeasure: 'products',
  source: 'counted',
  counting: { rule: 'distinct-subjects', identity: 'record-or-subject', repeats: 'first', distinct: 'subjects' },
  feed: { from: 'recorded-achievements', counts: [], reverses: [] },
  levels: ['province', 'commune'],
  validFrom: '2026-01-01',
};
const defined: CatalogueEvent = { type: 'IndicatorDefined', schemaVersion: 1, data: { entry: { ...ocop, feed: { from: 'recorded-achievements', counts: ['indicator-counted'], reverses: ['indicator-count-withdrawn'] } } } };

describe('indicator catalogue decider', () => {
  it('starts with the seeded entries: the indicators of the seed plans', () => {
    const state = catalogueDecider.initialState();
    expect(Object.keys(state.entries)).toEqual(SEED_INDICATORS.map((e) => e.code));
    expect(state.version).toBe(0);
  });

  it('defines an indicator fed by recorded achievements (their kinds filled in)', () => spec.given([]).when({ type: 'DefineIndicator', entry: ocop }).then([defined]));

  it('refuses a code already in the catalogue', () => spec.given([defined]).when({ type: 'DefineIndicator', entry: ocop }).thenThrows(Conflict, /already has an indicator "ocop-products"/));

  it.each<[string, Partial<IndicatorEntry>, RegExp]>([
    ['a code that is no key', { code: 'OCOP products' }, /kebab-case/],
    ['a missing English name', { name: { vi: 'x', en: ' ' } }, /Vietnamese and English/],
    ['an unknown unit', { unitOfMeasure: 'bananas' as never }, /unknown unit of measure/],
    ['a reported indicator counted from facts', { source: 'reported' }, /fed by reported statistics/],
    ['a distinct count in %', { unitOfMeasure: '%' }, /counted unit/],
    ['a share without numerator', { unitOfMeasure: '%', counting: { rule: 'share', identity: 'record', repeats: 'all' } }, /numerator/],
    ['no level', { levels: [] }, /levels it applies to/],
    ['validity the wrong way round', { validFrom: '2030-01-01', validTo: '2026-01-01' }, /is after valid to/],
    ['service events without a kind', { feed: { from: 'service-events', counts: [], reverses: [] } }, /at least one fact kind/],
  ])('refuses %s', (_, over, message) => spec.given([]).when({ type: 'DefineIndicator', entry: { ...ocop, ...over } }).thenThrows(DomainRuleViolation, message));

  it('revises an entry, keeping the previous one; a revision that changes nothing is refused', () => {
    const revised = { ...defined.data.entry, levels: ['province', 'commune', 'village'] as const };
    const [event] = spec.given([defined]).when({ type: 'ReviseIndicator', entry: { ...revised, levels: [...revised.levels] } }).events();
    expect(event).toMatchObject({ type: 'IndicatorRevised', data: { previous: defined.data.entry } });
    spec.given([defined]).when({ type: 'ReviseIndicator', entry: defined.data.entry }).thenThrows(DomainRuleViolation, /changes nothing/);
    spec.given([]).when({ type: 'ReviseIndicator', entry: ocop }).thenThrows(NotFound, /no indicator "ocop-products"/);
  });

  it('imports a set as one change: added, revised and unchanged entries; the same version twice is refused', () => {
    const schools = SEED_INDICATORS.find((e) => e.code === 'schools-5s')!;
    const command = {
      type: 'ImportIndicatorSet' as const,
      setName: 'Bộ chỉ số năng suất quốc gia',
      setVersion: '2026.1',
      source: 'bo-chi-so-2026.json',
      entries: [ocop, { ...schools, validTo: '2030-12-31' }, SEED_INDICATORS[0]],
    };
    const events = spec.given([]).when(command).events();
    expect(events).toHaveLength(1);
    const e = events[0] as Extract<CatalogueEvent, { type: 'IndicatorSetImported' }>;
    expect(e.data.added.map((a) => a.code)).toEqual(['ocop-products']);
    expect(e.data.revised.map((r) => [r.entry.code, r.previous.validTo])).toEqual([['schools-5s', undefined]]);
    expect(e.data.unchanged).toEqual(['pilot-model-enterprises']);
    const state = fold(catalogueDecider, events);
    expect(state.version).toBe(1);
    expect(lookupIn(state)('schools-5s')?.validTo).toBe('2030-12-31');
    spec.given(events).when(command).thenThrows(Conflict, /already imported/);
    spec.given([]).when({ ...command, entries: [ocop, ocop] }).thenThrows(DomainRuleViolation, /appears twice/);
    spec.given([]).when({ ...command, entries: [{ ...ocop, code: 'Bad Code' }] }).thenThrows(DomainRuleViolation, /cannot be imported: .*kebab-case/);
  });
});

describe('plans refer to catalogue entries', () => {
  const state = fold(catalogueDecider, [defined]);
  const check = (targets: { id: string; indicator: string; unit: string; source: string }[], planUnit = '51', today = '2026-06-01', existing: typeof targets = []) =>
    targetCatalogueProblems(targets, { lookup: lookupIn(state), planUnit, today, units: administrativeUnits, existing });

  it('accepts the seed indicators and one defined at run time', () => {
    expect(check([{ id: 't', indicator: 'trained-person-times', unit: 'person-times', source: 'counted' }, { id: 'o', indicator: 'ocop-products', unit: 'products', source: 'counted' }])).toEqual([]);
  });

  it('refuses a code outside the catalogue, another unit or source, another level, and an indicator not yet in force', () => {
    expect(check([{ id: 'x', indicator: 'made-up', unit: 'enterprises', source: 'counted' }]).join(' ')).toMatch(/"made-up" is not in the indicator catalogue/);
    expect(check([{ id: 'x', indicator: 'ocop-products', unit: 'enterprises', source: 'counted' }]).join(' ')).toMatch(/measured in products, not enterprises/);
    expect(check([{ id: 'x', indicator: 'labour-productivity-growth', unit: '%/year', source: 'reported' }], '51-NGOKBAY').join(' ')).toMatch(/not the commune level/);
    expect(check([{ id: 'x', indicator: 'ocop-products', unit: 'products', source: 'counted' }], '51', '2025-06-01').join(' ')).toMatch(/not in force today \(starts on 01\/01\/2026\)/);
    // a target the plan already had keeps its indicator
    const kept = { id: 'x', indicator: 'ocop-products', unit: 'products', source: 'counted' };
    expect(check([kept], '51', '2025-06-01', [kept])).toEqual([]);
  });
});
