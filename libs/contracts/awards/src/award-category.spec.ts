import { Conflict, DomainRuleViolation, NotFound, fold } from '@nangsuat/event-sourcing';
import { deciderSpec } from '@nangsuat/event-sourcing/testing';
import { CreateAwardCategory, awardCategoryDecider, awardCategorySnapshot } from './award-category';
import { parseDecisionNumber } from './decision-number';
import { AwardCategoryCreated, awardCategoryStreamId } from './events';

const spec = deciderSpec(awardCategoryDecider);
const NOW = '2025-09-01T09:00:00+07:00';

const create: CreateAwardCategory = {
  type: 'CreateAwardCategory',
  categoryId: 'nang-suat-2025',
  unitCode: '58',
  name: 'Tôn vinh tổ chức, cá nhân, doanh nghiệp có đóng góp cho hoạt động năng suất năm 2025',
  eligibleNomineeKinds: ['organisation', 'individual', 'enterprise'],
  period: { from: '2025-09-01', to: '2025-10-31' },
  now: NOW,
};
const created: AwardCategoryCreated = {
  type: 'AwardCategoryCreated',
  schemaVersion: 1,
  data: {
    categoryId: 'nang-suat-2025',
    unitCode: '58',
    name: 'Tôn vinh tổ chức, cá nhân, doanh nghiệp có đóng góp cho hoạt động năng suất năm 2025',
    eligibleNomineeKinds: ['organisation', 'individual', 'enterprise'],
    period: { from: '2025-09-01', to: '2025-10-31' },
    createdAt: '2025-09-01T02:00:00.000Z',
  },
};

describe('AwardCategory', () => {
  it('creates a category', () => {
    expect(awardCategoryStreamId('nang-suat-2025')).toBe('award-category-nang-suat-2025');
    spec.given([]).when(create).then([created]);
  });

  it('refuses to create twice', () => {
    spec.given([created]).when(create).thenThrows(Conflict, /already exists/);
  });

  it.each([
    ['an unknown nominee kind', { eligibleNomineeKinds: ['individual', 'robot'] }, /eligibleNomineeKinds\[1\] "robot" is not known; expected one of: organisation, individual, enterprise/],
    ['no nominee kind', { eligibleNomineeKinds: [] }, /eligibleNomineeKinds must have at least 1/],
    ['a reversed period', { period: { from: '2025-10-31', to: '2025-09-01' } }, /period.to 2025-09-01 is before period.from 2025-10-31/],
    ['a missing period', { period: undefined }, /period.from must be a calendar date/],
    ['an empty name', { name: '' }, /name must not be empty/],
  ])('refuses %s', (_label, patch, message) => {
    spec
      .given([])
      .when({ ...create, ...(patch as Partial<CreateAwardCategory>) })
      .thenThrows(DomainRuleViolation, message);
  });

  it('exposes a snapshot for nominations', () => {
    expect(awardCategorySnapshot(fold(awardCategoryDecider, [created]))).toEqual({
      categoryId: 'nang-suat-2025',
      unitCode: '58',
      name: created.data.name,
      eligibleNomineeKinds: ['organisation', 'individual', 'enterprise'],
      period: { from: '2025-09-01', to: '2025-10-31' },
    });
    expect(() => awardCategorySnapshot(awardCategoryDecider.initialState())).toThrow(NotFound);
  });
});

describe('decision document number', () => {
  it.each([
    ['123/QĐ-UBND', { value: '123/QĐ-UBND', number: 123, issuer: 'UBND' }],
    ['45/2025/QĐ-UBND', { value: '45/2025/QĐ-UBND', number: 45, year: 2025, issuer: 'UBND' }],
    ['1322/QĐ-TTg', { value: '1322/QĐ-TTg', number: 1322, issuer: 'TTg' }],
    [' 88 / QĐ-UBND-VX ', { value: '88/QĐ-UBND-VX', number: 88, issuer: 'UBND-VX' }],
    ['123/Q\u00D0-UBND', { value: '123/QĐ-UBND', number: 123, issuer: 'UBND' }], // look-alike Ð
    ['123/QĐ-UBND'.normalize('NFD'), { value: '123/QĐ-UBND', number: 123, issuer: 'UBND' }],
  ])('parses %s', (input, expected) => {
    expect(parseDecisionNumber(input)).toEqual(expected);
  });

  it.each([
    ['123/QD-UBND', /write 'QĐ' with the Vietnamese letter Đ/],
    ['4009/KH-UBND', /not a decision number/], // a plan, not a decision
    ['QĐ-UBND', /not a decision number/],
    ['0/QĐ-UBND', /not a decision number/],
    ['123/QĐ', /not a decision number/],
    ['', /not a decision number/],
  ])('refuses %s', (input, message) => {
    expect(() => parseDecisionNumber(input)).toThrow(DomainRuleViolation);
    expect(() => parseDecisionNumber(input)).toThrow(message);
  });
});
