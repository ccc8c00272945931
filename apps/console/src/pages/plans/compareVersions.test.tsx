import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PlanContent, PlanDetail } from '../../lib/types';
import { fakeFetch, principal, renderWith } from '../../test-utils';
import { compareVersions } from './compareVersions';
import { CompareVersionsTab } from './PlanDetailPage';

const target = { id: 'pilot-model-enterprises-2030', indicator: 'pilot-model-enterprises', label: { vi: 'Doanh nghiệp xây dựng mô hình điểm', en: 'Pilot models' }, unit: 'enterprises', milestoneYear: 2030, comparison: 'range', min: 1, max: 2, source: 'counted' };
const v1: PlanContent = {
  title: 'Kế hoạch năng suất xã Ngọk Bay',
  documentNumber: '12/KH-UBND',
  issueDate: '2026-01-15',
  issuingUnit: '51-NGOKBAY',
  horizonYears: [2030],
  generalObjectives: ['Nâng cao năng suất của hợp tác xã'],
  targets: [target, { ...target, id: 'trained-2030', indicator: 'trained-person-times', label: { vi: 'Lượt người được đào tạo', en: 'Trained' }, unit: 'person-times', comparison: 'at-least', min: undefined, max: undefined, value: 100 }],
  tasks: [{ section: 'I', title: 'Tuyên truyền' }],
};
const v2: PlanContent = {
  ...v1,
  generalObjectives: [...v1.generalObjectives, 'Nhân rộng mô hình 5S'],
  targets: [{ ...target, min: 2, max: 3 }, { ...target, id: 'certified-2030', label: { vi: 'Chuyên gia được chứng nhận', en: 'Experts' } }],
  tasks: [{ section: 'I', title: 'Tuyên truyền, phổ biến', lead: 'Văn phòng HĐND-UBND xã' }],
};

describe('comparing two issued versions of a plan', () => {
  it('names each changed target field, added and removed targets, objectives and tasks', () => {
    const d = compareVersions(v1, v2);
    expect(d).toContainEqual({ area: 'target', op: 'changed', subject: 'Doanh nghiệp xây dựng mô hình điểm', field: 'min', before: '1', after: '2' });
    expect(d).toContainEqual({ area: 'target', op: 'changed', subject: 'Doanh nghiệp xây dựng mô hình điểm', field: 'max', before: '2', after: '3' });
    expect(d).toContainEqual({ area: 'target', op: 'removed', subject: 'Lượt người được đào tạo' });
    expect(d).toContainEqual({ area: 'target', op: 'added', subject: 'Chuyên gia được chứng nhận' });
    expect(d).toContainEqual({ area: 'objective', op: 'added', subject: 'Nhân rộng mô hình 5S' });
    expect(d).toContainEqual({ area: 'task', op: 'changed', subject: 'I. Tuyên truyền, phổ biến', field: 'title', before: 'Tuyên truyền', after: 'Tuyên truyền, phổ biến' });
    expect(d).toHaveLength(7);
  });
  it('finds nothing between a version and itself', () => expect(compareVersions(v1, v1)).toEqual([]));
});

const plan: PlanDetail = {
  planId: 'p1',
  status: 'amended',
  version: 2,
  streamVersion: 5,
  content: v2,
  versions: [
    { version: 1, effectiveDate: '2026-01-15' },
    { version: 2, effectiveDate: '2026-06-01', reason: 'Tăng chỉ tiêu mô hình điểm', legalBasis: 'Nghị quyết 05/NQ-HĐND' },
  ],
};

afterEach(() => vi.unstubAllGlobals());

describe('CompareVersionsTab', () => {
  it('fetches the last two versions and shows their differences with the amendment’s reason', async () => {
    const calls = fakeFetch((c) => ({ status: 200, body: c.url.endsWith('/versions/1') ? { version: 1, effectiveDate: '2026-01-15', content: v1 } : { version: 2, effectiveDate: '2026-06-01', content: v2 } }));
    renderWith(<CompareVersionsTab plan={plan} />, { who: principal(['commune-officer']) });
    const table = await screen.findByTestId('version-differences');
    expect(await within(table).findByText('7 điểm khác nhau giữa phiên bản 1 và phiên bản 2')).toBeInTheDocument();
    expect(within(table).getAllByText('Cận dưới')).toHaveLength(1);
    expect(screen.getByText('Tăng chỉ tiêu mô hình điểm · Nghị quyết 05/NQ-HĐND')).toBeInTheDocument();
    expect(calls.map((c) => c.url).sort()).toEqual(['/api/plans/plans/p1/versions/1', '/api/plans/plans/p1/versions/2']);
  });

  it('compares any two versions the officer picks', async () => {
    fakeFetch((c) => ({ status: 200, body: { version: 1, effectiveDate: '2026-01-15', content: c.url.endsWith('/versions/1') ? v1 : v2 } }));
    renderWith(<CompareVersionsTab plan={plan} />, { who: principal(['commune-officer']) });
    await screen.findByText('7 điểm khác nhau giữa phiên bản 1 và phiên bản 2');
    await userEvent.click(screen.getByRole('combobox', { name: 'Phiên bản sau' }));
    const option = await waitFor(() => {
      const el = document.querySelector('.ant-select-item-option[title="Phiên bản 1 — 15/01/2026"]');
      expect(el).not.toBeNull();
      return el as HTMLElement;
    });
    await userEvent.click(option);
    expect(await screen.findByText('Hai phiên bản giống nhau.')).toBeInTheDocument();
  });

  it('says there is nothing to compare with one version', () => {
    renderWith(<CompareVersionsTab plan={{ ...plan, versions: plan.versions!.slice(0, 1) }} />, { who: principal(['commune-officer']) });
    expect(screen.getByText(/chưa có gì để so sánh/)).toBeInTheDocument();
  });
});
