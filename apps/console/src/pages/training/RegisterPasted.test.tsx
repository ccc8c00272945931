import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch, principal, renderWith } from '../../test-utils';
import { RegisterPasted } from './CourseDetailPage';

afterEach(() => vi.unstubAllGlobals());

const paste = (text: string) => fireEvent.change(screen.getByRole('textbox', { name: 'Dán danh sách từ bảng tính' }), { target: { value: text } });

describe('trainees pasted from a spreadsheet', () => {
  it('shows each bad row its error and writes nothing', async () => {
    const calls = fakeFetch(() => ({ status: 201, body: {} }));
    renderWith(<RegisterPasted courseId="c1" />, { who: principal(['trainer']) });
    paste('Y Blăng\tHợp tác xã\tHTX Sâm\t\nA Thuận\tnông dân\tHTX Sâm\t12');
    await userEvent.click(screen.getByRole('button', { name: 'Kiểm tra' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Có 1 dòng chưa hợp lệ');
    expect(screen.getByText(/Loại đơn vị không rõ.*Số CCCD phải có 12 chữ số/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Ghi 2 học viên/ })).toBeDisabled();
    expect(calls).toHaveLength(0);
  });

  it('writes every row once all are valid, and names a row the API refused', async () => {
    const calls = fakeFetch((c) => ((c.body as { fullName: string }).fullName === 'A Thuận' ? { status: 409, body: { message: 'A Thuận is already registered for this course.' } } : { status: 201, body: {} }));
    renderWith(<RegisterPasted courseId="c1" />, { who: principal(['trainer']) });
    paste('Y Blăng\tHợp tác xã\tHTX Sâm\t062201000123\nA Thuận\tHTX\tHTX Sâm');
    await userEvent.click(screen.getByRole('button', { name: 'Kiểm tra' }));
    await userEvent.click(screen.getByRole('button', { name: /Ghi 2 học viên/ }));
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[0]).toMatchObject({ method: 'POST', url: '/api/training/courses/c1/registrations', body: { fullName: 'Y Blăng', organisationType: 'cooperative', citizenId: '062201000123' } });
    expect((calls[1].body as { personId: string }).personId).toMatch(/^p-/);
    expect(await screen.findByText('A Thuận is already registered for this course.')).toBeInTheDocument();
  });
});
