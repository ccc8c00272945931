import { NotFound } from '@nangsuat/event-sourcing';
import { seedDataset, seedLineage, seedUnits } from './seed';
import { UnitDataset, UnitHierarchy } from './types';
import { AmbiguousSuccessor, InvalidUnitDataset, UnitTree, ancestors, isWithin, rollUpTarget, searchUnits, administrativeUnits, successorOf } from './unit-tree';

describe('seed administrative units', () => {
  const tree = administrativeUnits;

  it('holds the codes other services rely on, with NFC names', () => {
    for (const code of ['VN', '56', '58', '51', '62', '62-KONTUM-CITY', '51-NGOKBAY', '51-DAKCAM', '56-PHANRANG', '51-NGOKBAY-KONRLONG']) {
      expect(tree.has(code)).toBe(true);
    }
    for (const u of seedUnits) expect(u.name).toBe(u.name.normalize('NFC'));
    expect(tree.get('58')).toMatchObject({ name: 'Ninh Thuận', level: 'province', validTo: '2025-06-30' });
    expect(tree.get('62-KONTUM-CITY')).toMatchObject({ level: 'district', parent: '62', validTo: '2025-06-30' });
    expect(tree.displayName('51-NGOKBAY')).toBe('xã Ngọk Bay');
    expect(tree.displayName('51-NGOKBAY-KONRLONG')).toBe('thôn Kon Rờ Lòng');
  });

  it('records the 2025 merges with their legal basis and effective date', () => {
    const merges = seedLineage.filter((e) => e.kind === 'merged');
    expect(merges).toEqual([
      expect.objectContaining({ from: ['58'], into: '56', effectiveDate: '2025-07-01', legalBasis: expect.objectContaining({ document: 'Nghị quyết số 202/2025/QH15' }) }),
      expect.objectContaining({ from: ['62'], into: '51', effectiveDate: '2025-07-01' }),
    ]);
    expect(tree.lineageOf('51-NGOKBAY').map((e) => e.kind)).toEqual(['reassigned']);
    expect(tree.lineageOf('51').map((e) => e.kind)).toEqual(['merged', 'reassigned']);
  });

  it('answers unknown codes with NotFound', () => {
    expect(() => tree.get('99')).toThrow(NotFound);
    expect(tree.find('99')).toBeUndefined();
  });

  describe('ancestors', () => {
    it('follows the structure in force on a date', () => {
      expect(ancestors('51-NGOKBAY', '2024-05-01')).toEqual(['62-KONTUM-CITY', '62', 'VN']);
      expect(ancestors('51-NGOKBAY', '2025-07-01')).toEqual(['51', 'VN']);
      expect(ancestors('51-NGOKBAY-KONRLONG', '2024-05-01')).toEqual(['51-NGOKBAY', '62-KONTUM-CITY', '62', 'VN']);
      expect(ancestors('51-NGOKBAY-KONRLONG')).toEqual(['51-NGOKBAY', '51', 'VN']);
    });

    it('shows a historical unit as it was on its last day', () => {
      expect(ancestors('62-KONTUM-CITY')).toEqual(['62', 'VN']);
      expect(ancestors('58')).toEqual(['VN']);
      expect(ancestors('58', '2025-08-01')).toEqual([]);
    });
  });

  describe('isWithin', () => {
    it.each([
      ['51-NGOKBAY', '51', undefined, true],
      ['51-NGOKBAY-KONRLONG', '51', undefined, true],
      ['51-NGOKBAY', '51-NGOKBAY', undefined, true],
      ['51', '51-NGOKBAY', undefined, false],
      ['51-DAKCAM', '51-NGOKBAY', undefined, false],
      ['56-PHANRANG', '51', undefined, false],
      ['62', '51', undefined, true],
      ['62-KONTUM-CITY', '51', undefined, true],
      ['58', '56', undefined, true],
      ['56', '58', undefined, false],
      ['51-NGOKBAY', '62', undefined, true],
      ['51-NGOKBAY', 'VN', undefined, true],
      ['51-NGOKBAY', '99', undefined, false],
      ['51-NGOKBAY', '62', '2025-06-30', true],
      ['51-NGOKBAY', '51', '2025-06-30', false],
      ['51-NGOKBAY', '51', '2025-07-01', true],
      ['51-NGOKBAY', '62', '2025-07-01', false],
      ['51-NGOKBAY-KONRLONG', '62-KONTUM-CITY', '2024-01-01', true],
      ['58', '56', '2025-08-01', false],
    ])('isWithin(%s, %s, %s) = %s', (unit, ancestor, date, expected) => {
      expect(isWithin(unit, ancestor, date)).toBe(expected);
    });

    it('serves as the UnitHierarchy of libs/auth', () => {
      const hierarchy: UnitHierarchy = new UnitTree();
      expect(hierarchy.isWithin('51-NGOKBAY', '51')).toBe(true);
    });
  });

  describe('successorOf and rollUpTarget', () => {
    it('follows merges from their effective date', () => {
      expect(successorOf('58', '2025-06-30')).toBe('58');
      expect(successorOf('58', '2025-07-01')).toBe('56');
      expect(successorOf('62', '2026-01-01')).toBe('51');
      expect(successorOf('51-NGOKBAY', '2024-01-01')).toBe('51-NGOKBAY');
      expect(successorOf('62-KONTUM-CITY', '2026-01-01')).toBeUndefined();
    });

    it('sends records of historical units where they count today', () => {
      expect(rollUpTarget('58', '2026-03-01')).toBe('56');
      expect(rollUpTarget('58', '2025-06-30')).toBe('58');
      expect(rollUpTarget('62-KONTUM-CITY', '2026-03-01')).toBe('51');
      expect(rollUpTarget('62-KONTUM-CITY', '2025-01-01')).toBe('62-KONTUM-CITY');
      expect(rollUpTarget('51-NGOKBAY', '2026-03-01')).toBe('51-NGOKBAY');
    });
  });

  it('lists subtrees with history, or as in force on a date', () => {
    expect(tree.subtree('51').sort()).toEqual(['51', '51-DAKCAM', '51-NGOKBAY', '51-NGOKBAY-KONRLONG', '62', '62-KONTUM-CITY'].sort());
    expect(tree.subtree('51', '2025-07-01').sort()).toEqual(['51', '51-DAKCAM', '51-NGOKBAY', '51-NGOKBAY-KONRLONG'].sort());
    expect(tree.subtree('62', '2025-01-01').sort()).toEqual(['51-DAKCAM', '51-NGOKBAY', '51-NGOKBAY-KONRLONG', '62', '62-KONTUM-CITY'].filter((c) => c !== '51-DAKCAM').sort());
    expect(tree.children('62-KONTUM-CITY').map((u) => u.code)).toEqual(['51-NGOKBAY']);
    expect(tree.children('51', '2025-07-01').map((u) => u.code)).toEqual(['51-NGOKBAY', '51-DAKCAM']);
  });

  it('searches names ignoring diacritics', () => {
    expect(searchUnits('Ngok Bay').map((u) => u.code)).toEqual(['51-NGOKBAY']);
    expect(searchUnits('ninh thuan').map((u) => u.code)).toEqual(['58']);
    expect(searchUnits('dak cam').map((u) => u.code)).toEqual(['51-DAKCAM']);
    expect(searchUnits('Kon Tum').map((u) => u.code)).toEqual(['62', '62-KONTUM-CITY']);
    expect(searchUnits('kon', { level: 'village' }).map((u) => u.code)).toEqual(['51-NGOKBAY-KONRLONG']);
    expect(searchUnits('khanh hoa', { atDate: '2026-01-01' }).map((u) => u.code)).toEqual(['56']);
    expect(searchUnits('', { within: '56' }).map((u) => u.code)).toEqual(['56', '58', '56-PHANRANG']);
    expect(searchUnits('xa ngok').map((u) => u.code)).toEqual(['51-NGOKBAY']);
  });
});

describe('UnitTree with other datasets', () => {
  const base = seedDataset.units.filter((u) => ['VN', '51'].includes(u.code));

  it('follows splits, with or without a primary successor', () => {
    const dataset: UnitDataset = {
      units: [
        ...base,
        { code: 'A', name: 'An Phú', level: 'commune', parent: '51', validTo: '2025-12-31' },
        { code: 'B', name: 'Bình An', level: 'commune', parent: '51', validFrom: '2026-01-01' },
        { code: 'C', name: 'Cát Tiên', level: 'commune', parent: '51', validFrom: '2026-01-01' },
      ],
      lineage: [{ id: 's', kind: 'split', from: 'A', into: ['B', 'C'], effectiveDate: '2026-01-01', legalBasis: { document: 'NQ test' } }],
    };
    const tree = new UnitTree(dataset);
    expect(tree.successorsOf('A', '2026-02-01').sort()).toEqual(['B', 'C']);
    expect(() => tree.successorOf('A', '2026-02-01')).toThrow(AmbiguousSuccessor);
    expect(tree.isWithin('A', 'B')).toBe(true);
    const withPrimary = new UnitTree({ ...dataset, lineage: [{ ...dataset.lineage[0], primary: 'B' } as never] });
    expect(withPrimary.rollUpTarget('A', '2026-02-01')).toBe('B');
  });

  it('reads former names on a date', () => {
    const tree = new UnitTree({
      units: [...base, { code: 'X', name: 'Hòa Bình', formerNames: [{ name: 'Hoà Bình Cũ', validTo: '2025-06-30' }], level: 'commune', parent: '51' }],
      lineage: [{ id: 'r', kind: 'renamed', unit: 'X', oldName: 'Hoà Bình Cũ', newName: 'Hòa Bình', effectiveDate: '2025-07-01', legalBasis: { document: 'NQ test' } }],
    });
    expect(tree.nameAt('X', '2025-06-30')).toBe('Hoà Bình Cũ');
    expect(tree.nameAt('X', '2025-07-01')).toBe('Hòa Bình');
    expect(tree.search('hoa binh cu').map((u) => u.code)).toEqual(['X']);
  });

  it('refuses a dataset that contradicts itself', () => {
    expect(() => new UnitTree({ units: [...base, { code: 'Y', name: 'Y', level: 'commune', parent: 'ZZ' }], lineage: [] })).toThrow(InvalidUnitDataset);
    expect(() => new UnitTree({ units: [...base, { code: 'P', name: 'P', level: 'nation', parent: '51' }], lineage: [] })).toThrow(/only the nation/);
    expect(
      () =>
        new UnitTree({
          units: [...base, { code: 'M', name: 'M', level: 'province', parent: 'VN' }],
          lineage: [{ id: 'm', kind: 'merged', from: ['M'], into: '51', effectiveDate: '2025-07-01', legalBasis: { document: 'x' } }],
        }),
    ).toThrow(/validTo/);
  });
});
