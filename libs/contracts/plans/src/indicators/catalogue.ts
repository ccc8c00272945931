/**
 * The indicator catalogue: one stream, `indicator-catalogue`, whose version is the catalogue's
 * version. It starts with the seeded entries (seed-catalogue.ts); each change is an event saying who
 * (metadata), what and why:
 *  - IndicatorDefined: a new indicator (a province's own, or one of a newly published national set);
 *  - IndicatorRevised: an entry changed (names, levels, validity, counting rule…), with the previous one;
 *  - IndicatorSetImported: a whole set read from a file, as one versioned change — the entries it
 *    adds and those it revises; importing the same set and version again is refused.
 * Pure.
 */
import { Decider, DomainEvent, DomainRuleViolation } from '@nangsuat/event-sourcing';
import { canonicalJson, Conflict, NotFound } from '@nangsuat/event-sourcing';
import { nfc } from '@nangsuat/vietnamese';
import { assertSoundEntry, entryProblems, IndicatorEntry, IndicatorLookup, normaliseEntry } from './indicator';
import { SEED_INDICATORS } from './seed-catalogue';

export const INDICATOR_CATALOGUE_STREAM = 'indicator-catalogue';
/** Stream-id prefix for the audit service's registry (the catalogue is a single stream). */
export const INDICATOR_CATALOGUE_STREAM_PREFIX = 'indicator-catalogue';

export interface DefineIndicator {
  readonly type: 'DefineIndicator';
  readonly entry: IndicatorEntry;
}
export interface ReviseIndicator {
  readonly type: 'ReviseIndicator';
  readonly entry: IndicatorEntry;
}
export interface ImportIndicatorSet {
  readonly type: 'ImportIndicatorSet';
  /** "Bộ chỉ số năng suất quốc gia". */
  readonly setName: string;
  /** The set's own version ("2026.1"). */
  readonly setVersion: string;
  /** The file or document it was read from. */
  readonly source: string;
  readonly entries: readonly IndicatorEntry[];
}
export type CatalogueCommand = DefineIndicator | ReviseIndicator | ImportIndicatorSet;

export type IndicatorDefined = DomainEvent<'IndicatorDefined', { readonly entry: IndicatorEntry }>;
export type IndicatorRevised = DomainEvent<'IndicatorRevised', { readonly entry: IndicatorEntry; readonly previous: IndicatorEntry }>;
export type IndicatorSetImported = DomainEvent<
  'IndicatorSetImported',
  {
    readonly setName: string;
    readonly setVersion: string;
    readonly source: string;
    readonly added: readonly IndicatorEntry[];
    readonly revised: readonly { readonly entry: IndicatorEntry; readonly previous: IndicatorEntry }[];
    /** Codes of the set whose entries were already exactly so. */
    readonly unchanged: readonly string[];
  }
>;
export type CatalogueEvent = IndicatorDefined | IndicatorRevised | IndicatorSetImported;

export interface CatalogueEntryState {
  readonly entry: IndicatorEntry;
  /** Catalogue version that last changed it (0: seeded). */
  readonly changedInVersion: number;
  readonly origin: 'seed' | 'defined' | 'imported';
  /** For imported entries: the set they came from. */
  readonly set?: string;
}

export interface CatalogueState {
  /** Number of changes folded (= stream version). */
  readonly version: number;
  /** By code, in the order they entered the catalogue (a plain object: the audit service shows it as it is). */
  readonly entries: Readonly<Record<string, CatalogueEntryState>>;
  /** "name@version" of the sets imported. */
  readonly imports: readonly string[];
}

const setKey = (name: string, version: string) => `${nfc(name.trim())}@${nfc(version.trim())}`;
const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);
const has = (state: CatalogueState, code: string) => Object.prototype.hasOwnProperty.call(state.entries, code);

export function initialCatalogue(): CatalogueState {
  return { version: 0, entries: Object.fromEntries(SEED_INDICATORS.map((entry) => [entry.code, { entry, changedInVersion: 0, origin: 'seed' as const }])), imports: [] };
}

function evolve(state: CatalogueState, event: CatalogueEvent): CatalogueState {
  const version = state.version + 1;
  const entries: Record<string, CatalogueEntryState> = { ...state.entries };
  switch (event.type) {
    case 'IndicatorDefined':
      entries[event.data.entry.code] = { entry: event.data.entry, changedInVersion: version, origin: 'defined' };
      return { ...state, version, entries };
    case 'IndicatorRevised': {
      const before = entries[event.data.entry.code];
      entries[event.data.entry.code] = { ...before, entry: event.data.entry, changedInVersion: version, origin: before?.origin ?? 'defined' };
      return { ...state, version, entries };
    }
    case 'IndicatorSetImported': {
      const set = setKey(event.data.setName, event.data.setVersion);
      for (const entry of event.data.added) entries[entry.code] = { entry, changedInVersion: version, origin: 'imported', set };
      for (const { entry } of event.data.revised) entries[entry.code] = { entry, changedInVersion: version, origin: 'imported', set };
      return { version, entries, imports: [...state.imports, set] };
    }
    default:
      return { ...state, version };
  }
}

function sound(entry: IndicatorEntry): IndicatorEntry {
  const e = normaliseEntry(entry);
  assertSoundEntry(e);
  return e;
}

function decide(command: CatalogueCommand, state: CatalogueState): CatalogueEvent[] {
  switch (command.type) {
    case 'DefineIndicator': {
      const entry = sound(command.entry);
      if (has(state, entry.code)) {
        throw new Conflict(`The catalogue already has an indicator "${entry.code}"; revise it instead (POST /indicators/${entry.code}/revisions).`, 'indicator-exists', { code: entry.code });
      }
      return [{ type: 'IndicatorDefined', schemaVersion: 1, data: { entry } }];
    }
    case 'ReviseIndicator': {
      const entry = sound(command.entry);
      const current = has(state, entry.code) ? state.entries[entry.code] : undefined;
      if (!current) throw new NotFound(`The catalogue has no indicator "${entry.code}".`, { code: entry.code });
      if (same(current.entry, entry)) throw new DomainRuleViolation(`The revision changes nothing in indicator "${entry.code}".`, 'no-change');
      return [{ type: 'IndicatorRevised', schemaVersion: 1, data: { entry, previous: current.entry } }];
    }
    case 'ImportIndicatorSet': {
      const setName = typeof command.setName === 'string' ? nfc(command.setName.trim()) : '';
      const setVersion = typeof command.setVersion === 'string' ? nfc(command.setVersion.trim()) : '';
      const source = typeof command.source === 'string' ? nfc(command.source.trim()) : '';
      const problems: string[] = [];
      if (!setName) problems.push('Name the indicator set (setName).');
      if (!setVersion) problems.push('Give the version of the set (setVersion).');
      if (!source) problems.push('Say which file or document the set comes from (source).');
      if (!Array.isArray(command.entries) || command.entries.length === 0) problems.push('The set has no indicators.');
      const entries = (command.entries ?? []).map(normaliseEntry);
      const codes = new Set<string>();
      for (const e of entries) {
        if (codes.has(e.code)) problems.push(`Indicator "${e.code}" appears twice in the set.`);
        codes.add(e.code);
        problems.push(...entryProblems(e));
      }
      if (problems.length) throw new DomainRuleViolation(`The indicator set cannot be imported: ${problems.join(' ')}`, 'invalid-indicator-set', { problems });
      if (state.imports.includes(setKey(setName, setVersion))) {
        throw new Conflict(`Version ${setVersion} of "${setName}" was already imported; import a new version of the set.`, 'indicator-set-imported', { setName, setVersion });
      }
      const added = entries.filter((e) => !has(state, e.code));
      const revised = entries.filter((e) => has(state, e.code) && !same(state.entries[e.code].entry, e)).map((entry) => ({ entry, previous: state.entries[entry.code]!.entry }));
      const unchanged = entries.filter((e) => has(state, e.code) && same(state.entries[e.code].entry, e)).map((e) => e.code);
      return [{ type: 'IndicatorSetImported', schemaVersion: 1, data: { setName, setVersion, source, added, revised, unchanged } }];
    }
  }
}

export const catalogueDecider: Decider<CatalogueCommand, CatalogueEvent, CatalogueState> = { decide, evolve, initialState: initialCatalogue };

/** The entries of a catalogue state as a lookup by code. */
export const lookupIn =
  (state: CatalogueState): IndicatorLookup =>
  (code) =>
    (has(state, code) ? state.entries[code].entry : undefined);
