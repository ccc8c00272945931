import { Conflict, DomainRuleViolation, NotFound } from '@nangsuat/event-sourcing';
import { EnterpriseClaimCommand, enterpriseClaimDecider, EnterpriseClaimEvent, EnterpriseClaimState } from './enterprise-claim';

const claim = {
  claimId: '6101000011-0123456789abcdef',
  claimant: { userId: 'u1', username: 'nguoi.moi', email: 'nguoi.moi@example.vn' },
  taxCode: '6101000011',
  enterpriseId: 'mst-6101000011',
  unitCode: '51-NGOKBAY',
  existing: false,
  profile: { name: 'HTX Sâm', sector: 'Nông nghiệp', size: 'small' as const, group: 'cooperative' as const },
  submittedAt: '2026-11-30T02:00:00.000Z',
};
const now = '2026-11-30T03:00:00.000Z';

function given(...commands: EnterpriseClaimCommand[]): EnterpriseClaimState {
  let state = enterpriseClaimDecider.initialState();
  for (const c of commands) for (const e of enterpriseClaimDecider.decide(c, state)) state = enterpriseClaimDecider.evolve(state, e as EnterpriseClaimEvent);
  return state;
}
const submit: EnterpriseClaimCommand = { type: 'SubmitClaim', claim };
const confirm: EnterpriseClaimCommand = { type: 'ConfirmClaim', accountId: 'MST-6101000011', by: 'ngokbay.officer', now };

describe('enterprise claims', () => {
  it('submitted → confirmed: the event names who vouched, for which account', () => {
    expect(enterpriseClaimDecider.decide(confirm, given(submit))).toEqual([
      {
        type: 'EnterpriseClaimConfirmed',
        schemaVersion: 1,
        data: { claimId: claim.claimId, unitCode: '51-NGOKBAY', enterpriseId: 'mst-6101000011', accountId: 'MST-6101000011', claimantId: 'u1', confirmedBy: 'ngokbay.officer', confirmedAt: now },
      },
    ]);
    expect(enterpriseClaimDecider.decide(confirm, given(submit, confirm))).toEqual([]); // a retried confirmation
  });

  it('refused with a reason; a refused claim cannot be confirmed, but the person may claim again', () => {
    const refused = given(submit, { type: 'RefuseClaim', reason: 'Không phải đại diện', by: 'ngokbay.officer', now });
    expect(refused).toMatchObject({ status: 'refused', reason: 'Không phải đại diện' });
    expect(() => enterpriseClaimDecider.decide(confirm, refused)).toThrow(DomainRuleViolation);
    expect(enterpriseClaimDecider.decide(submit, refused)).toHaveLength(1);
    expect(() => enterpriseClaimDecider.decide({ type: 'RefuseClaim', reason: ' ', by: 'x', now }, given(submit))).toThrow(/reason/);
  });

  it('a confirmed link can be revoked, once; a pending claim cannot be claimed twice', () => {
    const revoked = given(submit, confirm, { type: 'RevokeLink', reason: 'Đã nghỉ việc', by: 'ngokbay.officer', now });
    expect(revoked).toMatchObject({ status: 'revoked', accountId: 'MST-6101000011' });
    expect(() => enterpriseClaimDecider.decide({ type: 'RevokeLink', reason: 'lại', by: 'x', now }, revoked)).toThrow(DomainRuleViolation);
    expect(() => enterpriseClaimDecider.decide(submit, given(submit))).toThrow(Conflict);
    expect(() => enterpriseClaimDecider.decide(confirm, given())).toThrow(NotFound);
  });
});
