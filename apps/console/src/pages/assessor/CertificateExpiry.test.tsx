import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { todayInVietnam } from '../../lib/format';
import { fakeFetch, principal, renderWith } from '../../test-utils';
import { certificateValidity, CertificationsPage } from './CertificationsPage';

const isoDaysFromToday = (days: number) => new Date(Date.parse(`${todayInVietnam()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const cert = (validTo: string, status = 'certified') => ({
  certificationId: 'cert-1',
  fullName: 'Trần Văn Minh',
  unitCode: '51',
  levelCode: 'expert',
  levelName: 'Chuyên gia năng suất',
  status,
  appliedOn: '2023-01-10',
  evidence: [],
  requirements: { criteria: [], minTotalScore: 70, validityYears: 3, renewalEvidenceTypes: ['cpd-record'] },
  certificateNumber: 'CGNS-QN-2023-001',
  validFrom: '2023-02-01',
  validTo,
});

afterEach(() => vi.unstubAllGlobals());

describe('certificate expiry', () => {
  it('tells valid, expiring within 90 days and past its validity apart', () => {
    expect(certificateValidity({ status: 'certified', validTo: '2026-12-31' }, '2026-11-30')).toEqual({ state: 'expiring', daysLeft: 31 });
    expect(certificateValidity({ status: 'certified', validTo: '2027-06-30' }, '2026-11-30').state).toBe('valid');
    expect(certificateValidity({ status: 'certified', validTo: '2026-11-29' }, '2026-11-30')).toEqual({ state: 'past-validity', daysLeft: -1 });
    expect(certificateValidity({ status: 'expired', validTo: '2026-11-29' }, '2026-11-30').state).toBe('none');
  });

  it('an assessor records the expiry of a certificate past its validity', async () => {
    const past = cert(isoDaysFromToday(-2));
    const calls = fakeFetch((c) => (c.method === 'POST' ? { status: 200, body: { ...past, status: 'expired' } } : c.url.startsWith('/api/training/certifications?') ? { status: 200, body: { items: [past], page: 1, pageSize: 20, total: 1 } } : { status: 200, body: past }));
    renderWith(<CertificationsPage />, { who: principal(['expert-assessor'], '51', 'qn.assessor') });
    expect(await screen.findByText('Đã quá hạn, chưa ghi nhận hết hạn')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Trần Văn Minh' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Ghi nhận hết hạn' }));
    // The drawer is a dialog too: the confirmation is the one opened last.
    const dialog = (await screen.findAllByRole('dialog')).at(-1)!;
    expect(dialog).toHaveTextContent('Chứng nhận CGNS-QN-2023-001 có hiệu lực đến');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Gửi' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'POST')?.url).toBe('/api/training/certifications/cert-1/expire'));
  }, 60_000);

  it('offers no expiry while the certificate is valid, and warns when it expires soon', async () => {
    const soon = cert(isoDaysFromToday(30));
    fakeFetch((c) => (c.url.startsWith('/api/training/certifications?') ? { status: 200, body: { items: [soon], page: 1, pageSize: 20, total: 1 } } : { status: 200, body: soon }));
    renderWith(<CertificationsPage />, { who: principal(['expert-assessor'], '51', 'qn.assessor') });
    expect(await screen.findByText('Sắp hết hạn: còn 30 ngày')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Trần Văn Minh' }));
    await screen.findByTestId('certification-validity');
    expect(screen.queryByRole('button', { name: 'Ghi nhận hết hạn' })).toBeNull();
  }, 60_000);
});
