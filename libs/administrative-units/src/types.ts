import type { IsoDate } from '@nangsuat/vietnamese';

/** Levels of Vietnamese administration, top down. Districts exist in records before 01/07/2025 only. */
export type UnitLevel = 'nation' | 'province' | 'district' | 'commune' | 'village';

export const UNIT_LEVELS: readonly UnitLevel[] = ['nation', 'province', 'district', 'commune', 'village'];

/** The parent a unit had during a period (both ends inclusive; absent = open). */
export interface ParentLink {
  readonly code: string;
  readonly validFrom?: IsoDate;
  readonly validTo?: IsoDate;
}

/** A name a unit carried before a rename. */
export interface FormerName {
  readonly name: string;
  readonly validFrom?: IsoDate;
  /** Last day the name was in use. */
  readonly validTo: IsoDate;
}

export interface AdministrativeUnit {
  /** Official code (see docs/decisions/0004): "VN", "58", "51-NGOKBAY", "51-NGOKBAY-KONRLONG". */
  readonly code: string;
  /** Name without the kind, NFC: "Ngọk Bay". The name in force now (or on the unit's last day). */
  readonly name: string;
  /** The word that goes before the name: "tỉnh", "thành phố", "xã", "phường", "thôn". */
  readonly kind?: string;
  readonly level: UnitLevel;
  /** Parent now (or on the unit's last day); null for the nation. */
  readonly parent: string | null;
  /** Parent history when the parent changed (first to last). Absent: `parent` for the whole validity. */
  readonly parents?: readonly ParentLink[];
  readonly formerNames?: readonly FormerName[];
  /** First day in force; absent = before anything the platform records. */
  readonly validFrom?: IsoDate;
  /** Last day in force (inclusive); absent = in force. */
  readonly validTo?: IsoDate;
}

/** The legal act that made a change. */
export interface LegalBasis {
  /** As the act is cited: "Nghị quyết số 202/2025/QH15". */
  readonly document: string;
  readonly issuer?: string;
  readonly title?: string;
  readonly issueDate?: IsoDate;
}

interface LineageBase {
  readonly id: string;
  /** First day the new arrangement is in force. */
  readonly effectiveDate: IsoDate;
  readonly legalBasis: LegalBasis;
}

/** Units absorbed into another unit; their records now count under `into`. */
export interface UnitsMerged extends LineageBase {
  readonly kind: 'merged';
  readonly from: readonly string[];
  readonly into: string;
}

/** A unit divided into several; `primary` (if given) continues its records. */
export interface UnitSplit extends LineageBase {
  readonly kind: 'split';
  readonly from: string;
  readonly into: readonly string[];
  readonly primary?: string;
}

/** Same unit, same code, new name (the old name stays in `formerNames`). */
export interface UnitRenamed extends LineageBase {
  readonly kind: 'renamed';
  readonly unit: string;
  readonly oldName: string;
  readonly newName: string;
}

/** Same unit, new parent (communes of an abolished district moved directly under the province). */
export interface UnitReassigned extends LineageBase {
  readonly kind: 'reassigned';
  readonly unit: string;
  readonly fromParent: string;
  readonly toParent: string;
}

/** A unit that ceased without a successor of its own (the district level in 2025); records roll up to its parent. */
export interface UnitAbolished extends LineageBase {
  readonly kind: 'abolished';
  readonly unit: string;
}

export type LineageEvent = UnitsMerged | UnitSplit | UnitRenamed | UnitReassigned | UnitAbolished;

export interface UnitDataset {
  readonly units: readonly AdministrativeUnit[];
  readonly lineage: readonly LineageEvent[];
}

/** What libs/auth needs: is a record's unit inside the subtree of the unit a user acts for? */
export interface UnitHierarchy {
  isWithin(unit: string, ancestor: string): boolean;
}
