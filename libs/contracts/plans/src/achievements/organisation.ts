/**
 * The small registry of organisations that achievements name beyond enterprises — schools,
 * hospitals and clinics, colleges and universities, research institutes — each in its administrative
 * unit. One stream per organisation, `organisation-<organisationId>`. Pure.
 */
import { administrativeUnits, UnitTree } from '@nangsuat/administrative-units';
import { Conflict, Decider, DomainEvent, DomainRuleViolation, NotFound } from '@nangsuat/event-sourcing';
import { nfc } from '@nangsuat/vietnamese';

export const ORGANISATION_STREAM_PREFIX = 'organisation-';
export const organisationStreamId = (id: string): string => `${ORGANISATION_STREAM_PREFIX}${id}`;

export const ORGANISATION_KINDS = ['school', 'college', 'university', 'vocational-school', 'hospital', 'clinic', 'institute', 'enterprise', 'cooperative', 'agency', 'other'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export const ORGANISATION_KIND_NAMES: Record<OrganisationKind, { vi: string; en: string }> = {
  school: { vi: 'Trường học', en: 'School' },
  college: { vi: 'Trường cao đẳng', en: 'College' },
  university: { vi: 'Trường đại học', en: 'University' },
  'vocational-school': { vi: 'Cơ sở giáo dục nghề nghiệp', en: 'Vocational school' },
  hospital: { vi: 'Bệnh viện', en: 'Hospital' },
  clinic: { vi: 'Phòng khám', en: 'Clinic' },
  institute: { vi: 'Viện, trung tâm nghiên cứu', en: 'Research institute' },
  enterprise: { vi: 'Doanh nghiệp', en: 'Enterprise' },
  cooperative: { vi: 'Hợp tác xã', en: 'Cooperative' },
  agency: { vi: 'Cơ quan nhà nước', en: 'Public agency' },
  other: { vi: 'Tổ chức khác', en: 'Other organisation' },
};

export interface OrganisationDetails {
  readonly name: string;
  readonly kind: OrganisationKind;
  readonly unitCode: string;
  readonly address?: string;
  /** Mã số thuế / mã đơn vị quan hệ ngân sách, when known. */
  readonly officialCode?: string;
}

export interface RegisterOrganisation extends OrganisationDetails {
  readonly type: 'RegisterOrganisation';
  readonly organisationId: string;
}
export interface ReviseOrganisation extends OrganisationDetails {
  readonly type: 'ReviseOrganisation';
  readonly organisationId: string;
}
export type OrganisationCommand = RegisterOrganisation | ReviseOrganisation;

export type OrganisationRegistered = DomainEvent<'OrganisationRegistered', OrganisationDetails & { readonly organisationId: string }>;
export type OrganisationRevised = DomainEvent<'OrganisationRevised', OrganisationDetails & { readonly organisationId: string; readonly previous: OrganisationDetails }>;
export type OrganisationEvent = OrganisationRegistered | OrganisationRevised;

export interface OrganisationState {
  readonly organisationId?: string;
  readonly details?: OrganisationDetails;
  readonly version: number;
}

const details = (c: OrganisationDetails): OrganisationDetails => ({
  name: nfc(c.name.trim()),
  kind: c.kind,
  unitCode: c.unitCode,
  ...(c.address ? { address: nfc(c.address.trim()) } : {}),
  ...(c.officialCode ? { officialCode: c.officialCode.trim() } : {}),
});

export function createOrganisationDecider(units: UnitTree): Decider<OrganisationCommand, OrganisationEvent, OrganisationState> {
  const check = (c: OrganisationDetails) => {
    const problems: string[] = [];
    if (typeof c.name !== 'string' || !c.name.trim()) problems.push('give the organisation’s name');
    if (!ORGANISATION_KINDS.includes(c.kind)) problems.push(`the kind must be one of ${ORGANISATION_KINDS.join(', ')}`);
    if (!units.has(c.unitCode)) problems.push(`unknown administrative unit "${c.unitCode}"`);
    if (problems.length) throw new DomainRuleViolation(`The organisation cannot be registered: ${problems.join('; ')}.`, 'invalid-organisation', { problems });
  };
  return {
    initialState: () => ({ version: 0 }),
    evolve: (s, e) => {
      const { organisationId, previous, ...rest } = e.data as OrganisationRevised['data'];
      void previous;
      return { organisationId, details: rest as OrganisationDetails, version: s.version + 1 };
    },
    decide: (c, s) => {
      check(c);
      if (c.type === 'RegisterOrganisation') {
        if (s.details) throw new Conflict(`Organisation ${c.organisationId} is already registered (${s.details.name}).`, 'organisation-exists', { organisationId: c.organisationId });
        return [{ type: 'OrganisationRegistered', schemaVersion: 1, data: { organisationId: c.organisationId, ...details(c) } }];
      }
      if (!s.details) throw new NotFound(`No organisation ${c.organisationId} is registered.`, { organisationId: c.organisationId });
      const next = details(c);
      if (JSON.stringify(next) === JSON.stringify(s.details)) throw new DomainRuleViolation('The revision changes nothing.', 'no-change');
      return [{ type: 'OrganisationRevised', schemaVersion: 1, data: { organisationId: c.organisationId, ...next, previous: s.details } }];
    },
  };
}

export const organisationDecider = createOrganisationDecider(administrativeUnits);
