/**
 * The administrative units the seed plans name (../shared/seeds, DOMAIN.md) and the 2025 reform
 * that affects them. Codes are fixed (Keycloak users carry them): see docs/decisions/0004.
 *
 * Sources: province codes are the General Statistics Office codes (51 Quảng Ngãi, 56 Khánh Hòa,
 * 58 Ninh Thuận, 62 Kon Tum); the merger of Ninh Thuận into Khánh Hòa and of Kon Tum into Quảng Ngãi
 * from 01/07/2025 follows Nghị quyết 202/2025/QH15. Villages: the commune seed names none ("Ban Nhân
 * dân các thôn"); Kon Rờ Lòng is the one village named in the work brief — add the others when the
 * commune supplies its list.
 */
import { AdministrativeUnit, LegalBasis, LineageEvent, UnitDataset } from './types';

export const REFORM_2025_EFFECTIVE = '2025-07-01';
const LAST_DAY_BEFORE_REFORM = '2025-06-30';

/** Provincial rearrangement by the National Assembly. */
export const RESOLUTION_202_2025_QH15: LegalBasis = {
  document: 'Nghị quyết số 202/2025/QH15',
  issuer: 'Quốc hội',
  title: 'Nghị quyết về việc sắp xếp đơn vị hành chính cấp tỉnh',
};

/**
 * End of the district level (two-tier local government from 01/07/2025). Citation to be confirmed
 * by the province's legal office (see docs/decisions/0004).
 */
export const TWO_TIER_LOCAL_GOVERNMENT_2025: LegalBasis = {
  document: 'Luật Tổ chức chính quyền địa phương số 72/2025/QH15',
  issuer: 'Quốc hội',
  title: 'Tổ chức chính quyền địa phương hai cấp (tỉnh, xã); chấm dứt hoạt động của đơn vị hành chính cấp huyện từ 01/07/2025',
};

/** Commune arrangement in the new Quảng Ngãi; number of the resolution to be confirmed. */
export const QUANG_NGAI_COMMUNES_2025: LegalBasis = {
  document: 'Nghị quyết của Ủy ban Thường vụ Quốc hội về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Quảng Ngãi năm 2025',
  issuer: 'Ủy ban Thường vụ Quốc hội',
};

export const seedUnits: readonly AdministrativeUnit[] = [
  { code: 'VN', name: 'Việt Nam', level: 'nation', parent: null },

  // Provinces in force
  { code: '56', name: 'Khánh Hòa', kind: 'tỉnh', level: 'province', parent: 'VN' },
  { code: '51', name: 'Quảng Ngãi', kind: 'tỉnh', level: 'province', parent: 'VN' },

  // Historical provinces (merged 01/07/2025)
  { code: '58', name: 'Ninh Thuận', kind: 'tỉnh', level: 'province', parent: 'VN', validTo: LAST_DAY_BEFORE_REFORM },
  { code: '62', name: 'Kon Tum', kind: 'tỉnh', level: 'province', parent: 'VN', validTo: LAST_DAY_BEFORE_REFORM },

  // Historical district (district level ended 01/07/2025)
  {
    code: '62-KONTUM-CITY',
    name: 'Kon Tum',
    kind: 'thành phố',
    level: 'district',
    parent: '62',
    validTo: LAST_DAY_BEFORE_REFORM,
  },

  // Communes
  {
    code: '51-NGOKBAY',
    name: 'Ngọk Bay',
    kind: 'xã',
    level: 'commune',
    parent: '51',
    parents: [
      { code: '62-KONTUM-CITY', validTo: LAST_DAY_BEFORE_REFORM },
      { code: '51', validFrom: REFORM_2025_EFFECTIVE },
    ],
  },
  { code: '51-DAKCAM', name: 'Đăk Cấm', level: 'commune', parent: '51' },
  { code: '56-PHANRANG', name: 'Phan Rang', level: 'commune', parent: '56' },

  // Villages of Ngọk Bay
  { code: '51-NGOKBAY-KONRLONG', name: 'Kon Rờ Lòng', kind: 'thôn', level: 'village', parent: '51-NGOKBAY' },
];

export const seedLineage: readonly LineageEvent[] = [
  {
    id: '2025-merge-58-into-56',
    kind: 'merged',
    from: ['58'],
    into: '56',
    effectiveDate: REFORM_2025_EFFECTIVE,
    legalBasis: RESOLUTION_202_2025_QH15,
  },
  {
    id: '2025-merge-62-into-51',
    kind: 'merged',
    from: ['62'],
    into: '51',
    effectiveDate: REFORM_2025_EFFECTIVE,
    legalBasis: RESOLUTION_202_2025_QH15,
  },
  {
    id: '2025-abolish-62-KONTUM-CITY',
    kind: 'abolished',
    unit: '62-KONTUM-CITY',
    effectiveDate: REFORM_2025_EFFECTIVE,
    legalBasis: TWO_TIER_LOCAL_GOVERNMENT_2025,
  },
  {
    id: '2025-reassign-51-NGOKBAY',
    kind: 'reassigned',
    unit: '51-NGOKBAY',
    fromParent: '62-KONTUM-CITY',
    toParent: '51',
    effectiveDate: REFORM_2025_EFFECTIVE,
    legalBasis: QUANG_NGAI_COMMUNES_2025,
  },
];

export const seedDataset: UnitDataset = { units: seedUnits, lineage: seedLineage };
