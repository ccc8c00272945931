import { foldDiacritics } from '../../lib/format';

export const ORGANISATION_TYPES = ['department', 'enterprise', 'university', 'college', 'vocational-school', 'cooperative'] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export interface TraineeInput {
  fullName: string;
  organisationType: OrganisationType;
  organisationName: string;
  citizenId?: string;
}

export interface ParsedRow {
  /** 1-based line number in what was pasted. */
  line: number;
  cells: string[];
  trainee?: TraineeInput;
  errors: string[];
}

/** How people write the organisation type in a spreadsheet (Vietnamese or English, with or without diacritics). */
const TYPE_WORDS: Record<string, OrganisationType> = {
  department: 'department',
  'so nganh': 'department',
  so: 'department',
  nganh: 'department',
  'co quan': 'department',
  'co quan nha nuoc': 'department',
  enterprise: 'enterprise',
  'doanh nghiep': 'enterprise',
  dn: 'enterprise',
  university: 'university',
  'dai hoc': 'university',
  'truong dai hoc': 'university',
  college: 'college',
  'cao dang': 'college',
  'truong cao dang': 'college',
  'vocational-school': 'vocational-school',
  'truong nghe': 'vocational-school',
  'truong trung cap nghe': 'vocational-school',
  'co so giao duc nghe nghiep': 'vocational-school',
  cooperative: 'cooperative',
  'hop tac xa': 'cooperative',
  htx: 'cooperative',
};

export function organisationTypeOf(text: string): OrganisationType | undefined {
  const key = foldDiacritics(text).replace(/[–—/,.]/g, ' ').replace(/\s+/g, ' ').trim();
  return TYPE_WORDS[key] ?? (ORGANISATION_TYPES as readonly string[]).find((t) => t === key) as OrganisationType | undefined;
}

/**
 * Rows pasted from a spreadsheet (tab-separated; semicolons also accepted): full name, organisation
 * type, organisation name, citizen id (optional, 12 digits). Each row is checked on its own; a header
 * row is skipped. Error texts are i18n keys with their values.
 */
export function parseTraineeRows(text: string): ParsedRow[] {
  const rows: ParsedRow[] = [];
  const seenIds = new Map<string, number>();
  text.split(/\r?\n/).forEach((raw, index) => {
    if (!raw.trim()) return;
    const cells = (raw.includes('\t') ? raw.split('\t') : raw.split(';')).map((c) => c.normalize('NFC').trim());
    const line = index + 1;
    if (rows.length === 0 && /^(ho (va )?ten|full ?name|name)$/.test(foldDiacritics(cells[0] ?? ''))) return;
    const [fullName = '', typeText = '', organisationName = '', citizenId = ''] = cells;
    const errors: string[] = [];
    if (!fullName) errors.push('paste.errNoName');
    const organisationType = organisationTypeOf(typeText);
    if (!organisationType) errors.push('paste.errType');
    if (!organisationName) errors.push('paste.errNoOrganisation');
    if (citizenId && !/^\d{12}$/.test(citizenId)) errors.push('paste.errCitizenId');
    if (citizenId && seenIds.has(citizenId)) errors.push('paste.errDuplicate');
    if (citizenId) seenIds.set(citizenId, line);
    if (cells.length > 4 && cells.slice(4).some(Boolean)) errors.push('paste.errExtraCells');
    rows.push({
      line,
      cells,
      errors,
      trainee: errors.length ? undefined : { fullName, organisationType: organisationType!, organisationName, ...(citizenId ? { citizenId } : {}) },
    });
  });
  return rows;
}
