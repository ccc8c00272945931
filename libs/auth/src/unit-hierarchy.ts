/**
 * Which administrative units lie within which: the scope rules of AccessPolicy need the unit tree.
 * Implementations answer for the unit of a record, including records of historical units (a record
 * of Ninh Thuận, 58, merged into Khánh Hòa, 56, on 1/7/2025, lies within 56's scope).
 */
export interface UnitHierarchy {
  /** True when `unit` is `ancestor` itself, lies below it, or was merged into it (or into a unit below it). */
  isWithin(unit: string, ancestor: string): boolean;
}

/** Injection token for the UnitHierarchy used by AccessPolicy. */
export const UNIT_HIERARCHY = Symbol('UNIT_HIERARCHY');

export interface StaticUnit {
  readonly code: string;
  readonly name: string;
  /** Parent in the current tree (undefined for the nation). */
  readonly parent?: string;
  /** For a historical unit: the unit it was merged into (lineage). */
  readonly mergedInto?: string;
}

/**
 * The seed units (a shared convention with libs/administrative-units, which builds the real tree
 * with validity dates and lineage).
 *
 * SUPERSEDED: libs/administrative-units has landed and its `administrativeUnits` is now the default
 * UNIT_HIERARCHY of AuthModule and AccessPolicy (access-policy.spec.ts runs the rules table against
 * both and they agree). This table stays only as a dependency-free fallback for tests; remove it
 * once nothing uses it.
 */
export const SEED_UNITS: readonly StaticUnit[] = [
  { code: 'VN', name: 'Việt Nam' },
  { code: '56', name: 'tỉnh Khánh Hòa', parent: 'VN' },
  { code: '58', name: 'tỉnh Ninh Thuận (historical, merged into Khánh Hòa 1/7/2025)', parent: 'VN', mergedInto: '56' },
  { code: '51', name: 'tỉnh Quảng Ngãi', parent: 'VN' },
  { code: '62', name: 'tỉnh Kon Tum (historical, merged into Quảng Ngãi 1/7/2025)', parent: 'VN', mergedInto: '51' },
  { code: '56-PHANRANG', name: 'phường Phan Rang', parent: '56' },
  { code: '51-NGOKBAY', name: 'xã Ngọk Bay', parent: '51' },
  { code: '51-DAKCAM', name: 'xã Đăk Cấm', parent: '51' },
  { code: '51-NGOKBAY-KONRLONG', name: 'thôn Kon Rờ Lòng', parent: '51-NGOKBAY' },
];

/**
 * UnitHierarchy from a static table (parent links plus merge lineage); superseded by
 * libs/administrative-units' UnitTree (see SEED_UNITS). Unknown codes lie within
 * nothing but themselves: access is refused rather than guessed.
 */
export class StaticUnitHierarchy implements UnitHierarchy {
  private readonly units: ReadonlyMap<string, StaticUnit>;

  constructor(units: readonly StaticUnit[] = SEED_UNITS) {
    this.units = new Map(units.map((u) => [u.code, u]));
  }

  isWithin(unit: string, ancestor: string): boolean {
    if (!unit || !ancestor) return false;
    // Breadth-first over both links (parent, mergedInto); the seen-set guards against cycles in a bad table.
    const seen = new Set<string>();
    const queue = [unit];
    while (queue.length > 0) {
      const code = queue.shift()!;
      if (code === ancestor) return true;
      if (seen.has(code)) continue;
      seen.add(code);
      const u = this.units.get(code);
      if (u?.mergedInto) queue.push(u.mergedInto);
      if (u?.parent) queue.push(u.parent);
    }
    return false;
  }
}
