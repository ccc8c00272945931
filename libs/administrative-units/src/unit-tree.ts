/**
 * The administrative-unit tree with history. Pure: no clock, no I/O — every answer depends only on
 * the dataset and the arguments. Where a date is optional, leaving it out means "the latest state
 * the dataset knows" (for a unit no longer in force: its last day).
 */
import { NotFound } from '@nangsuat/event-sourcing';
import { addDays, cleanText, IsoDate, matchesSearch, parseDate, searchKey } from '@nangsuat/vietnamese';
import { seedDataset } from './seed';
import { AdministrativeUnit, LineageEvent, ParentLink, UNIT_LEVELS, UnitDataset, UnitHierarchy, UnitLevel } from './types';

/** A dataset that contradicts itself (unknown parent, child above its parent, cycle...). */
export class InvalidUnitDataset extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid administrative-unit dataset: ${problems.join('; ')}`);
    this.name = 'InvalidUnitDataset';
  }
}

/** A split without a designated primary successor: the caller must choose among `candidates`. */
export class AmbiguousSuccessor extends Error {
  constructor(readonly unit: string, readonly candidates: readonly string[]) {
    super(`Unit ${unit} was split into ${candidates.join(', ')}; its records have no single successor — choose one of them.`);
    this.name = 'AmbiguousSuccessor';
  }
}

export interface UnitSearchOptions {
  /** Only units in force on this date. */
  readonly atDate?: IsoDate;
  readonly level?: UnitLevel;
  /** Only this unit and units within it (undated sense). */
  readonly within?: string;
}

const inRange = (date: IsoDate, from?: IsoDate, to?: IsoDate) => (!from || from <= date) && (!to || date <= to);

export class UnitTree implements UnitHierarchy {
  private readonly byCode = new Map<string, AdministrativeUnit>();
  private readonly lineage: readonly LineageEvent[];

  constructor(dataset: UnitDataset = seedDataset) {
    for (const unit of dataset.units) this.byCode.set(unit.code, { ...unit, name: cleanText(unit.name) });
    this.lineage = [...dataset.lineage].sort((a, b) => (a.effectiveDate < b.effectiveDate ? -1 : a.effectiveDate > b.effectiveDate ? 1 : 0));
    const problems = this.validate(dataset.units);
    if (problems.length) throw new InvalidUnitDataset(problems);
  }

  /** All units (historical ones included), in dataset order. */
  all(): AdministrativeUnit[] {
    return [...this.byCode.values()];
  }

  find(code: string): AdministrativeUnit | undefined {
    return this.byCode.get(code);
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }

  /** The unit, or NotFound (HTTP 404) naming the code. */
  get(code: string): AdministrativeUnit {
    const unit = this.byCode.get(code);
    if (!unit) throw new NotFound(`Administrative unit "${code}" is not known. Use an official unit code such as "51" or "51-NGOKBAY".`, { unit: code });
    return unit;
  }

  levelOf(code: string): UnitLevel {
    return this.get(code).level;
  }

  isValidAt(code: string, date: IsoDate): boolean {
    const unit = this.get(code);
    return inRange(parseDate(date), unit.validFrom, unit.validTo);
  }

  /** The parent links of a unit over time. */
  parentLinks(code: string): readonly ParentLink[] {
    const unit = this.get(code);
    if (unit.parents) return unit.parents;
    return unit.parent ? [{ code: unit.parent, validFrom: unit.validFrom, validTo: unit.validTo }] : [];
  }

  /**
   * The parent on a date (undefined for the nation, or when the unit was not in force that day).
   * Without a date: the parent on the unit's last day (the current parent for units in force).
   */
  parentAt(code: string, atDate?: IsoDate): string | undefined {
    const unit = this.get(code);
    if (atDate === undefined) return unit.parent ?? undefined;
    const date = parseDate(atDate);
    if (!inRange(date, unit.validFrom, unit.validTo)) return undefined;
    return this.parentLinks(code).find((l) => inRange(date, l.validFrom, l.validTo))?.code;
  }

  /** Parent, grandparent … nation, on a date (default: the unit's latest state). */
  ancestors(code: string, atDate?: IsoDate): string[] {
    const unit = this.get(code);
    const date = atDate ?? unit.validTo;
    const result: string[] = [];
    let current = date === undefined ? this.parentAt(code) : this.parentAt(code, date);
    while (current && !result.includes(current)) {
      result.push(current);
      current = date === undefined ? this.parentAt(current) : this.parentAt(current, date);
    }
    return result;
  }

  /**
   * Is `unit` the same as, or inside, `ancestor`?
   * - With a date: in the structure in force on that date (no lineage): isWithin('51-NGOKBAY', '62', '2025-06-30') is true,
   *   isWithin('51-NGOKBAY', '51', '2025-06-30') is false.
   * - Without a date (the access question, used by libs/auth): now or at any time in its history, following the
   *   lineage — a record of Kon Tum (62) or of its city is within Quảng Ngãi (51); a record of Ngọk Bay is within
   *   51 and, historically, within 62 and 62-KONTUM-CITY. Unknown codes are never within anything but themselves.
   */
  isWithin(unit: string, ancestor: string, atDate?: IsoDate): boolean {
    if (unit === ancestor) return true;
    if (!this.byCode.has(unit) || !this.byCode.has(ancestor)) return false;
    if (atDate !== undefined) return this.ancestors(unit, atDate).includes(ancestor);
    return this.historicalClosure(unit).has(ancestor);
  }

  /** Every unit that `code` is, or ever was, inside — directly or through its successors. */
  private historicalClosure(code: string): Set<string> {
    const seen = new Set<string>([code]);
    const queue = [code];
    while (queue.length) {
      const current = queue.shift() as string;
      const next = [...this.parentLinks(current).map((l) => l.code), ...this.lineage.flatMap((e) => this.directSuccessors(e, current))];
      for (const n of next) {
        if (!seen.has(n)) {
          seen.add(n);
          queue.push(n);
        }
      }
    }
    return seen;
  }

  private directSuccessors(event: LineageEvent, code: string): string[] {
    if (event.kind === 'merged' && event.from.includes(code)) return [event.into];
    if (event.kind === 'split' && event.from === code) return [...event.into];
    return [];
  }

  /** Units that continue `code` on `date` through merges and splits (followed transitively); [] if none. */
  successorsOf(code: string, atDate: IsoDate): string[] {
    this.get(code);
    const date = parseDate(atDate);
    const events = this.lineage.filter((e) => e.effectiveDate <= date && this.directSuccessors(e, code).length > 0);
    if (events.length === 0) return this.isValidAt(code, date) ? [code] : [];
    const result = new Set<string>();
    for (const e of events) for (const s of this.directSuccessors(e, code)) for (const t of this.successorsOf(s, date)) result.add(t);
    return [...result];
  }

  /**
   * The unit that continues `code` on `date`: itself while in force (renames keep the code), the unit it
   * was merged into (transitively), or the primary unit of a split. Undefined when the unit ended without a
   * successor (an abolished district: see rollUpTarget) or did not yet exist. Throws AmbiguousSuccessor for
   * a split without a primary.
   */
  successorOf(code: string, atDate: IsoDate): string | undefined {
    const unit = this.get(code);
    const date = parseDate(atDate);
    if (unit.validFrom && date < unit.validFrom) return undefined;
    const split = this.lineage.find((e) => e.kind === 'split' && e.from === code && e.effectiveDate <= date);
    if (split && split.kind === 'split') {
      if (!split.primary) throw new AmbiguousSuccessor(code, split.into);
      return this.successorOf(split.primary, date);
    }
    const candidates = this.successorsOf(code, date);
    if (candidates.length > 1) throw new AmbiguousSuccessor(code, candidates);
    return candidates[0];
  }

  /**
   * Where a record made under `code` counts on `date`: the successor of the unit, or — for a unit abolished
   * without a successor (a district in 2025) — where its parent on its last day counts. A record of
   * Ninh Thuận (58) counts under Khánh Hòa (56) from 01/07/2025; a record of thành phố Kon Tum
   * (62-KONTUM-CITY) under Quảng Ngãi (51). A unit still in force counts under itself.
   */
  rollUpTarget(code: string, atDate: IsoDate): string {
    const unit = this.get(code);
    const date = parseDate(atDate);
    if (unit.validFrom && date < unit.validFrom) return code;
    const successor = this.successorOf(code, date);
    if (successor) return successor;
    const lastDay = unit.validTo ?? addDays(date, -1);
    const parent = this.parentAt(code, lastDay);
    return parent ? this.rollUpTarget(parent, date) : code;
  }

  /** Direct children on a date, or — without a date — every unit that ever had `code` as a parent. */
  children(code: string, atDate?: IsoDate): AdministrativeUnit[] {
    this.get(code);
    return this.all().filter((u) =>
      atDate === undefined ? this.parentLinks(u.code).some((l) => l.code === code) : this.parentAt(u.code, atDate) === code,
    );
  }

  /**
   * The unit and everything within it — with a date, the subtree in force that day; without, every unit that
   * isWithin(u, code) in the undated sense (historical units included): the filter "this unit and its subtree".
   */
  subtree(code: string, atDate?: IsoDate): string[] {
    this.get(code);
    return this.all()
      .filter((u) => (atDate === undefined ? this.isWithin(u.code, code) : this.isValidAt(u.code, atDate) && this.isWithin(u.code, code, atDate)))
      .map((u) => u.code);
  }

  /** The name on a date, taking renames into account. */
  nameAt(code: string, atDate?: IsoDate): string {
    const unit = this.get(code);
    if (atDate === undefined) return unit.name;
    const date = parseDate(atDate);
    return unit.formerNames?.find((n) => inRange(date, n.validFrom, n.validTo))?.name ?? unit.name;
  }

  /** "xã Ngọk Bay", "tỉnh Ninh Thuận", "Việt Nam". */
  displayName(code: string, atDate?: IsoDate): string {
    const unit = this.get(code);
    const name = this.nameAt(code, atDate);
    return unit.kind ? `${unit.kind} ${name}` : name;
  }

  /** Lineage events that involve a unit, oldest first. */
  lineageOf(code: string): LineageEvent[] {
    return this.lineage.filter((e) => {
      switch (e.kind) {
        case 'merged':
          return e.into === code || e.from.includes(code);
        case 'split':
          return e.from === code || e.into.includes(code);
        case 'renamed':
        case 'abolished':
          return e.unit === code;
        case 'reassigned':
          return e.unit === code || e.fromParent === code || e.toParent === code;
      }
    });
  }

  /**
   * Units whose code starts with the query, or whose name, "kind name" or a former name matches the query, ignoring diacritics and case
   * ("Ngok Bay" finds Ngọk Bay). Sorted top level first, then by name.
   */
  search(query: string, options: UnitSearchOptions = {}): AdministrativeUnit[] {
    return this.all()
      .filter((u) => (options.level ? u.level === options.level : true))
      .filter((u) => (options.atDate ? this.isValidAt(u.code, options.atDate) : true))
      .filter((u) => (options.within ? this.isWithin(u.code, options.within) : true))
      .filter((u) => {
        const code = query.trim().toUpperCase();
        if (code !== '' && u.code.startsWith(code)) return true;
        const texts = [u.name, `${u.kind ?? ''} ${u.name}`, ...(u.formerNames ?? []).map((n) => n.name)];
        return texts.some((t) => matchesSearch(t, query));
      })
      .sort((a, b) => UNIT_LEVELS.indexOf(a.level) - UNIT_LEVELS.indexOf(b.level) || searchKey(a.name).localeCompare(searchKey(b.name)));
  }

  private validate(units: readonly AdministrativeUnit[]): string[] {
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const u of units) {
      if (seen.has(u.code)) problems.push(`code ${u.code} appears twice`);
      seen.add(u.code);
      if (u.validFrom && u.validTo && u.validFrom > u.validTo) problems.push(`${u.code}: validFrom after validTo`);
      if (u.level === 'nation' ? u.parent !== null : u.parent === null) problems.push(`${u.code}: only the nation has no parent`);
      for (const link of this.parentLinks(u.code)) {
        const parent = this.byCode.get(link.code);
        if (!parent) problems.push(`${u.code}: unknown parent ${link.code}`);
        else if (UNIT_LEVELS.indexOf(parent.level) >= UNIT_LEVELS.indexOf(u.level)) problems.push(`${u.code}: parent ${link.code} is not above it`);
      }
      if (u.parents && u.parent !== u.parents[u.parents.length - 1].code) problems.push(`${u.code}: parent differs from its last parent link`);
    }
    const known = (code: string, where: string) => {
      if (!this.byCode.has(code)) problems.push(`lineage ${where}: unknown unit ${code}`);
    };
    for (const e of this.lineage) {
      switch (e.kind) {
        case 'merged':
          e.from.forEach((c) => known(c, e.id));
          known(e.into, e.id);
          for (const c of e.from) {
            const from = this.byCode.get(c);
            if (from && from.validTo !== addDays(e.effectiveDate, -1)) problems.push(`${c}: merged on ${e.effectiveDate} but validTo is ${from.validTo ?? 'open'}`);
          }
          break;
        case 'split':
          known(e.from, e.id);
          e.into.forEach((c) => known(c, e.id));
          if (e.primary && !e.into.includes(e.primary)) problems.push(`lineage ${e.id}: primary ${e.primary} is not one of the new units`);
          break;
        case 'reassigned':
          [e.unit, e.fromParent, e.toParent].forEach((c) => known(c, e.id));
          break;
        default:
          known(e.unit, e.id);
      }
    }
    return problems;
  }
}

/**
 * The administrative units the platform runs with: the official units of the deployment (its
 * dataset in seed.ts, with their validity dates and the 2025 reform's lineage), as one tree.
 */
export const administrativeUnits = new UnitTree(seedDataset);

/** Pure functions over administrativeUnits (for tests and scripts; services inject a UnitTree). */
export const isWithin = (unit: string, ancestor: string, atDate?: IsoDate): boolean => administrativeUnits.isWithin(unit, ancestor, atDate);
export const ancestors = (unit: string, atDate?: IsoDate): string[] => administrativeUnits.ancestors(unit, atDate);
export const successorOf = (unit: string, atDate: IsoDate): string | undefined => administrativeUnits.successorOf(unit, atDate);
export const rollUpTarget = (unit: string, atDate: IsoDate): string => administrativeUnits.rollUpTarget(unit, atDate);
export const searchUnits = (query: string, options?: UnitSearchOptions): AdministrativeUnit[] => administrativeUnits.search(query, options);
