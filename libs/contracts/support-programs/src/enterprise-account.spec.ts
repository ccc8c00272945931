import { Conflict, DomainRuleViolation, NotFound } from '@nangsuat/event-sourcing';
import { deciderSpec } from '@nangsuat/event-sourcing/testing';
import { EnterpriseAccountLinked } from './events';
import { enterpriseAccountDecider, LinkEnterpriseAccount, linkedEnterpriseId } from './enterprise-account';

const spec = deciderSpec(enterpriseAccountDecider);
const NOW = '2025-08-01T09:00:00+07:00';
const link: LinkEnterpriseAccount = { type: 'LinkEnterpriseAccount', accountId: 'DN-51-0001', enterpriseId: 'mst-6101000014', unitCode: '51-NGOKBAY', now: NOW };
const linked: EnterpriseAccountLinked = {
  type: 'EnterpriseAccountLinked',
  schemaVersion: 1,
  data: { accountId: 'DN-51-0001', enterpriseId: 'mst-6101000014', unitCode: '51-NGOKBAY', linkedAt: '2025-08-01T02:00:00.000Z' },
};

describe('enterprise account link (one enterprise per identity-provider account)', () => {
  it('links an account to its enterprise', () => spec.given([]).when(link).then([linked]));
  it('linking again to the same enterprise changes nothing', () => spec.given([linked]).when(link).then([]));
  it('refuses a second enterprise for the same account', () =>
    spec.given([linked]).when({ ...link, enterpriseId: 'mst-0100107518' }).thenThrows(Conflict, /already acts for enterprise mst-6101000014/));
  it('refuses an account id that cannot be one', () => spec.given([]).when({ ...link, accountId: 'DN 51:1' }).thenThrows(DomainRuleViolation, /accountId/));
  it('says what to do when the account has no enterprise yet', () => {
    expect(linkedEnterpriseId({ enterpriseId: 'mst-6101000014' })).toBe('mst-6101000014');
    expect(() => linkedEnterpriseId({})).toThrow(NotFound);
    expect(() => linkedEnterpriseId({})).toThrow(/register it first/);
  });
});
