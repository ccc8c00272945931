import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Enterprise } from '../../lib/types';
import { fakeFetch, principal, renderWith } from '../../test-utils';
import { EditProfile, profileChanges } from './EnterprisePage';

const enterprise: Enterprise = { id: 'mst-6101000014', taxCode: '6101000014', name: 'Hợp tác xã Nông nghiệp Sâm Ngọc Linh Ngọk Bay', unitCode: '51-NGOKBAY', sector: 'Nông nghiệp — dược liệu', size: 'small', group: 'cooperative' };

afterEach(() => vi.unstubAllGlobals());

describe("an enterprise's profile", () => {
  it('sends only the fields that changed, trimmed', () => {
    expect(profileChanges(enterprise, enterprise)).toEqual({});
    expect(profileChanges(enterprise, { ...enterprise, sector: '  Nông nghiệp — dược liệu và du lịch ', size: 'medium' })).toEqual({ sector: 'Nông nghiệp — dược liệu và du lịch', size: 'medium' });
  });

  it('PATCHes the enterprise; the tax code is not offered for change', async () => {
    const calls = fakeFetch(() => ({ status: 200, body: { ...enterprise, sector: 'Dược liệu' } }));
    renderWith(<EditProfile enterprise={enterprise} />, { who: principal(['enterprise'], '51-NGOKBAY', 'ent.ngokbay') });
    await userEvent.click(screen.getByRole('button', { name: 'Sửa hồ sơ' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Mã số thuế 6101000014 không thay đổi được.');
    expect(within(dialog).queryByLabelText('Mã số thuế')).toBeNull();
    const sector = within(dialog).getByLabelText('Ngành, lĩnh vực');
    await userEvent.clear(sector);
    await userEvent.type(sector, 'Dược liệu');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Gửi' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toMatchObject({ method: 'PATCH', url: '/api/support-programs/enterprises/mst-6101000014', body: { sector: 'Dược liệu' } });
  }, 60_000);
});
