/**
 * Document numbers (số, ký hiệu văn bản) as Vietnamese administrative documents write them
 * (Nghị định 30/2020/NĐ-CP on administrative documents):
 *
 *   4009/KH-UBND        number / TYPE-ISSUER              (KH = Kế hoạch, UBND = Ủy ban nhân dân)
 *   138/KH-UBND
 *   74/PC-VHXH          PC = Phiếu chuyển, issued by the Culture-Society Office
 *   336/SKHCN-TĐC       an official letter (công văn) has no type: ISSUER-DRAFTING UNIT
 *                       (Sở KH&CN, drafted by its Tiêu chuẩn – Đo lường – Chất lượng division)
 *   30/2020/NĐ-CP       legal documents carry the year: number / year / TYPE-ISSUER
 *   202/2025/QH15       … or number / year / ISSUER (Quốc hội khóa XV)
 *
 * Input is NFC-normalised; "Số:" prefixes and spaces are dropped; en/em dashes read as "-";
 * the type is matched without regard to case, and "QD" (typed without đ) is read as "QĐ".
 * Numbers restart every year for each issuer and type, so a number is unique per issuing unit,
 * issuer, year, type (documentNumberKey).
 */
import { Conflict, Decider, DomainEvent, DomainRuleViolation } from '@nangsuat/event-sourcing';
import { foldDiacritics, nfc } from '@nangsuat/vietnamese';

/** Type abbreviations of Nghị định 30/2020/NĐ-CP (Phụ lục III) — canonical spelling → name. */
export const DOCUMENT_TYPES: Readonly<Record<string, string>> = {
  NQ: 'Nghị quyết',
  QĐ: 'Quyết định',
  CT: 'Chỉ thị',
  QC: 'Quy chế',
  QYĐ: 'Quy định',
  TC: 'Thông cáo',
  TB: 'Thông báo',
  HD: 'Hướng dẫn',
  CTr: 'Chương trình',
  KH: 'Kế hoạch',
  PA: 'Phương án',
  ĐA: 'Đề án',
  DA: 'Dự án',
  BC: 'Báo cáo',
  BB: 'Biên bản',
  TTr: 'Tờ trình',
  HĐ: 'Hợp đồng',
  CĐ: 'Công điện',
  BGN: 'Bản ghi nhớ',
  BTT: 'Bản thỏa thuận',
  GUQ: 'Giấy ủy quyền',
  GM: 'Giấy mời',
  GGT: 'Giấy giới thiệu',
  GNP: 'Giấy nghỉ phép',
  PG: 'Phiếu gửi',
  PC: 'Phiếu chuyển',
  PB: 'Phiếu báo',
  NĐ: 'Nghị định',
  TT: 'Thông tư',
  L: 'Luật',
};

/** Pseudo-type of an official letter (công văn): its number carries no type abbreviation. */
export const OFFICIAL_LETTER = 'CV';

/** Types a plan may be issued under: a Kế hoạch, or a Quyết định that approves/issues a plan. */
export const PLAN_DOCUMENT_TYPES: readonly string[] = ['KH', 'QĐ'];

const byUpper = new Map(Object.keys(DOCUMENT_TYPES).map((t) => [t.toUpperCase(), t]));
byUpper.set('QD', 'QĐ'); // typed without đ; "QD" is not otherwise a type. (HD/HĐ and DA/ĐA are both real types, so they are kept as typed.)

export interface DocumentNumber {
  readonly number: number;
  /** The digits as written ("01" stays "01" in `canonical`). */
  readonly numberText: string;
  /** Year written in the number (legal documents: 30/2020/NĐ-CP). */
  readonly year?: number;
  /** Canonical type abbreviation ("KH", "QĐ"), or "CV" for an official letter. Undefined for e.g. 202/2025/QH15. */
  readonly type?: string;
  /** The issuing body's abbreviation: "UBND", "SKHCN", "CP", "QH15". */
  readonly issuer: string;
  /** Further segments: the drafting unit ("TĐC" in 336/SKHCN-TĐC). */
  readonly unitSuffix?: string;
  /** Normalised text: "4009/KH-UBND", "12/QĐ-UBND". */
  readonly canonical: string;
}

const EXAMPLE = 'write it as number/TYPE-ISSUER, e.g. 4009/KH-UBND, 12/QĐ-UBND or 336/SKHCN-TĐC';

function invalid(input: string, why: string): never {
  throw new DomainRuleViolation(`"${input}" is not a document number: ${why}; ${EXAMPLE}.`, 'invalid-document-number', { input });
}

const SEGMENT = /^[\p{L}\p{N}]+$/u;

/** Parses and normalises a document number; DomainRuleViolation (422) with the reason when malformed. */
export function parseDocumentNumber(input: string): DocumentNumber {
  if (typeof input !== 'string') invalid(String(input), 'it is not text');
  const text = nfc(input)
    .trim()
    .replace(/^số\s*:?\s*/iu, '')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s*([/-])\s*/g, '$1');
  if (text === '') invalid(input, 'it is empty');
  if (/\s/.test(text)) invalid(input, 'it contains spaces inside a part');
  const parts = text.split('/');
  if (parts.length < 2) invalid(input, 'the "/" between the number and the symbol is missing');
  if (parts.length > 3) invalid(input, 'it has too many "/"');
  const [numberText, ...rest] = parts;
  if (!/^\d+$/.test(numberText)) invalid(input, `the number "${numberText}" must be digits only`);
  const number = Number(numberText);
  if (number < 1) invalid(input, 'the number must be 1 or more');
  let year: number | undefined;
  if (rest.length === 2) {
    if (!/^\d{4}$/.test(rest[0])) invalid(input, `"${rest[0]}" should be the year (4 digits) in number/year/SYMBOL`);
    year = Number(rest[0]);
  }
  const symbol = rest[rest.length - 1];
  const segments = symbol.split('-');
  if (segments.some((s) => s === '')) invalid(input, 'a "-" has nothing on one side');
  const bad = segments.find((s) => !SEGMENT.test(s));
  if (bad) invalid(input, `"${bad}" may contain only letters and digits`);

  let type: string | undefined;
  let issuer: string;
  let unitSuffix: string | undefined;
  const known = byUpper.get(segments[0].toUpperCase());
  if (known && segments.length >= 2) {
    type = known;
    issuer = segments[1];
    unitSuffix = segments.slice(2).join('-') || undefined;
  } else if (year !== undefined && segments.length === 1) {
    issuer = segments[0];
  } else if (segments.length >= 2) {
    type = OFFICIAL_LETTER;
    issuer = segments[0];
    unitSuffix = segments.slice(1).join('-') || undefined;
  } else {
    invalid(input, `the symbol "${symbol}" needs a type and an issuer separated by "-"`);
  }
  const symbolText = [type && type !== OFFICIAL_LETTER ? type : undefined, issuer, unitSuffix].filter(Boolean).join('-');
  const canonical = [numberText, year, symbolText].filter((p) => p !== undefined).join('/');
  return { number, numberText, year, type, issuer, unitSuffix, canonical };
}

/** parseDocumentNumber(...).canonical */
export function normalizeDocumentNumber(input: string): string {
  return parseDocumentNumber(input).canonical;
}

/** The Vietnamese name of the document's type ("Kế hoạch"), or "Công văn". */
export function documentTypeName(doc: DocumentNumber): string | undefined {
  if (doc.type === OFFICIAL_LETTER) return 'Công văn';
  return doc.type ? DOCUMENT_TYPES[doc.type] : undefined;
}

/**
 * The uniqueness key of a document number: issuing unit (two provinces both issue …/KH-UBND),
 * issuer, year (from the number, else from the issue date), type, number. Folded, so "QD" = "QĐ"
 * and "01" = "1": "58|UBND|2023|KH|4009".
 */
export function documentNumberKey(doc: DocumentNumber | string, issuingUnit: string, issueYear?: number): string {
  const parsed = typeof doc === 'string' ? parseDocumentNumber(doc) : doc;
  const year = parsed.year ?? issueYear;
  if (year === undefined) {
    throw new DomainRuleViolation(`The year of ${parsed.canonical} is unknown: give the issue date.`, 'document-number-year-missing');
  }
  const fold = (s?: string) => foldDiacritics(s ?? '').toUpperCase();
  return [issuingUnit, fold(parsed.issuer), year, fold(parsed.type), parsed.number].join('|');
}

// ---------------------------------------------------------------------------------------------
// The registry of used numbers: one stream per key ("document-number-<key>"), so that two plans
// cannot be issued under the same number even by concurrent writers (optimistic concurrency).

export interface ReserveDocumentNumber {
  readonly type: 'ReserveDocumentNumber';
  readonly key: string;
  readonly documentNumber: string;
  readonly planId: string;
}

export type DocumentNumberReserved = DomainEvent<'DocumentNumberReserved', { readonly key: string; readonly documentNumber: string; readonly planId: string }>;

export interface DocumentNumberRegistryState {
  readonly planId?: string;
  readonly documentNumber?: string;
}

export const documentNumberRegistryDecider: Decider<ReserveDocumentNumber, DocumentNumberReserved, DocumentNumberRegistryState> = {
  initialState: () => ({}),
  decide: (command, state) => {
    const { key, documentNumber, planId } = command;
    if (state.planId === planId) return [];
    if (state.planId) {
      throw new Conflict(
        `Document number ${state.documentNumber} is already used by plan ${state.planId} (same issuer, year and type). Check the number on the signed document.`,
        'document-number-taken',
        { key, planId: state.planId },
      );
    }
    return [{ type: 'DocumentNumberReserved', schemaVersion: 1, data: { key, documentNumber, planId } }];
  },
  evolve: (state, event) => (event.type === 'DocumentNumberReserved' ? { planId: event.data.planId, documentNumber: event.data.documentNumber } : state),
};

/** Stream id of a key in the registry. */
export const DOCUMENT_NUMBER_STREAM_PREFIX = 'document-number-';
export const documentNumberStreamId = (key: string): string => `${DOCUMENT_NUMBER_STREAM_PREFIX}${key}`;
