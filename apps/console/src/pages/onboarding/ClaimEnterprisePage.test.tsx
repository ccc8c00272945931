import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch, principal, renderWith } from '../../test-utils';
import { ClaimEnterprisePage } from './ClaimEnterprisePage';
import type { EnterpriseClaim } from './claims';

const claim = (over: Partial<EnterpriseClaim>): EnterpriseClaim => ({
  id: '6101234567-0123456789abcdef',
  status: 'submitted',
  taxCode: '6101234567',
  enterpriseId: 'mst-6101234567',
  enterpriseName: 'Hợp tác xã Sâm Ngọc Linh',
  unitCode: '51-NGOKBAY',
  existing: true,
  claimant: { userId: 'u1', username: 'nguoi.moi', email: 'nguoi.moi@example.vn' },
  submittedAt: '2026-11-29T18:30:00.000Z',
  version: 1,
  ...over,
});
const page = (items: EnterpriseClaim[]) => ({ status: 200, body: { items, page: 1, pageSize: 50, total: items.length } });
const newcomer = principal([], '', 'nguoi.moi');

afterEach(() => vi.unstubAllGlobals());

describe('claiming an enterprise (a person who signed up themselves)', () => {
  it('sends the tax code; when the API asks for the profile, opens the new-enterprise fields and sends them', async () => {
    let first = true;
    const calls = fakeFetch((c) => {
      if (c.method === 'GET') return page([]);
      if (first) {
        first = false;
        return { status: 422, body: { message: 'No enterprise with tax code 6101234567 is registered yet; to claim it as a new one, give also: name, unitCode, sector, size, group.', code: 'profile-required' } };
      }
      return { status: 201, body: claim({ existing: false }) };
    });
    renderWith(<ClaimEnterprisePage />, { who: newcomer });
    expect(await screen.findByText('Bạn chưa gửi yêu cầu nào')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Mã số thuế'), '6101234567');
    await userEvent.click(screen.getByRole('button', { name: 'Gửi yêu cầu' }));
    expect(await screen.findByText(/give also: name/)).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: /chưa có trên nền tảng/ })).toBeChecked();
    await userEvent.type(screen.getByLabelText('Tên doanh nghiệp'), 'Hợp tác xã Sâm Ngọc Linh');
    await userEvent.type(screen.getByLabelText('Đơn vị'), '51-NGOKBAY');
    await userEvent.type(screen.getByLabelText('Ngành, lĩnh vực'), 'Dược liệu');
    await userEvent.click(screen.getByRole('button', { name: 'Gửi yêu cầu' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(2));
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts[0]).toMatchObject({ url: '/api/support-programs/enterprise-claims', body: { taxCode: '6101234567' } });
    expect(posts[1].body).toEqual({ taxCode: '6101234567', name: 'Hợp tác xã Sâm Ngọc Linh', unitCode: '51-NGOKBAY', sector: 'Dược liệu' });
    expect(posts[1].headers['Idempotency-Key']).toBeTruthy();
  });

  it('refuses a tax code that is not 10 digits before sending anything', async () => {
    const calls = fakeFetch(() => page([]));
    renderWith(<ClaimEnterprisePage />, { who: newcomer });
    await userEvent.type(await screen.findByLabelText('Mã số thuế'), '61012');
    await userEvent.click(screen.getByRole('button', { name: 'Gửi yêu cầu' }));
    expect(await screen.findByText(/Mã số thuế gồm 10 chữ số/)).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('shows each claim with its date as dd/mm/yyyy and the reason of a refusal', async () => {
    fakeFetch(() => page([claim({ status: 'refused', reason: 'Không phải người đại diện' })]));
    renderWith(<ClaimEnterprisePage />, { who: newcomer });
    expect(await screen.findByText('Hợp tác xã Sâm Ngọc Linh')).toBeInTheDocument();
    expect(screen.getByText('30/11/2026')).toBeInTheDocument();
    expect(screen.getByText('Bị từ chối')).toBeInTheDocument();
    expect(screen.getByText('Không phải người đại diện')).toBeInTheDocument();
  });

  it('after confirmation asks the person to sign in again (the new token carries the enterprise)', async () => {
    fakeFetch(() => page([claim({ status: 'confirmed', accountId: 'MST-6101234567' })]));
    renderWith(<ClaimEnterprisePage />, { who: newcomer });
    expect(await screen.findByText(/Yêu cầu đã được xác nhận/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Đăng nhập lại' })).toBeInTheDocument();
    expect(screen.queryByLabelText('Mã số thuế')).not.toBeInTheDocument();
  });
});
