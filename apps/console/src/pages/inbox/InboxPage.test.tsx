import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch, principal, renderWith } from '../../test-utils';
import { InboxPage, linkPathOf } from './InboxPage';

const notice = (id: string, read: boolean) => ({
  id,
  kind: 'registration-approved',
  title: `Đăng ký ${id} đã được phê duyệt`,
  body: 'Chương trình hỗ trợ mô hình điểm xã Ngọk Bay',
  link: { service: 'support-programs', recordType: 'registration', recordId: id, path: `/registrations/${id}` },
  createdAt: '2026-11-30T03:00:00.000Z',
  createdAtDisplay: '30/11/2026 10:00',
  read,
  email: 'sent',
});

afterEach(() => vi.unstubAllGlobals());

describe('the inbox', () => {
  it('links only to console routes', () => {
    expect(linkPathOf({ link: { path: '/registrations/r-1' } })).toBe('/registrations/r-1');
    expect(linkPathOf({ link: { path: 'https://elsewhere.example/x' } })).toBeUndefined();
    expect(linkPathOf({ link: { path: 'javascript:alert(1)' } })).toBeUndefined();
  });

  it('shows the notices with their dates and links, counts the unread, and marks one read', async () => {
    const calls = fakeFetch((c) =>
      c.method === 'POST' ? { status: 200, body: { marked: 1 } } : { status: 200, body: { items: [notice('r-1', false), notice('r-2', true)], page: 1, pageSize: 20, total: 2, unread: 1 } },
    );
    renderWith(<InboxPage />, { who: principal(['enterprise'], '51-NGOKBAY', 'ent.ngokbay') });
    const link = await screen.findByRole('link', { name: 'Đăng ký r-1 đã được phê duyệt' });
    expect(link).toHaveAttribute('href', '/registrations/r-1');
    expect(screen.getAllByText('30/11/2026 10:00')).toHaveLength(2);
    expect(screen.getByText('Đã đọc')).toBeInTheDocument();
    expect(screen.getByText('1 thông báo chưa đọc')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Đánh dấu đã đọc: Đăng ký r-1 đã được phê duyệt' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url.endsWith('/api/notifications/notifications/r-1/read'))).toBe(true));
  });
});
