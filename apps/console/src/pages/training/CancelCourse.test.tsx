import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch, principal, renderWith } from '../../test-utils';
import { CourseDetailPage, mayCancelCourse } from './CourseDetailPage';

const course = (over: Record<string, unknown> = {}) => ({
  courseId: 'c1',
  topic: 'Tập huấn 5S cho hợp tác xã',
  unitCode: '51-NGOKBAY',
  status: 'scheduled',
  startDate: '2026-12-01',
  endDate: '2026-12-02',
  capacity: 10,
  personTimes: 0,
  counts: { registered: 2, waitlisted: 1, completed: 0, cancelled: 0, seatsTaken: 2, seatsLeft: 8 },
  sessions: [{ sessionId: 's1', date: '2026-12-01' }],
  registered: [],
  waitlist: [],
  attendance: [],
  completions: [],
  ...over,
});

const show = (who = principal(['commune-officer'])) =>
  renderWith(
    <Routes>
      <Route path="/courses/:id" element={<CourseDetailPage />} />
    </Routes>,
    { who, path: '/courses/c1' },
  );

afterEach(() => vi.unstubAllGlobals());

describe('cancelling a course', () => {
  it('is offered to officers of the unit until someone completed the course', () => {
    const c = course();
    expect(mayCancelCourse(c, principal(['commune-officer']))).toBe(true);
    expect(mayCancelCourse(c, principal(['province-admin'], '51'))).toBe(true);
    expect(mayCancelCourse(c, principal(['commune-officer'], '56-PHANRANG'))).toBe(false);
    expect(mayCancelCourse(c, principal(['trainer']))).toBe(false);
    expect(mayCancelCourse({ ...c, completions: [{ personId: 'p', fullName: 'A', completedOn: '2026-12-02' }] }, principal(['commune-officer']))).toBe(false);
    expect(mayCancelCourse({ ...c, status: 'cancelled' }, principal(['commune-officer']))).toBe(false);
  });

  it('asks for the reason and sends it', async () => {
    let cancelled = false;
    const calls = fakeFetch((c) => {
      if (c.method === 'POST') {
        cancelled = true;
        return { status: 200, body: course({ status: 'cancelled', cancelReason: 'Giảng viên ốm' }) };
      }
      return { status: 200, body: cancelled ? course({ status: 'cancelled', cancelReason: 'Giảng viên ốm' }) : course() };
    });
    show();
    await userEvent.click(await screen.findByRole('button', { name: 'Hủy khóa đào tạo' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('2 học viên đã đăng ký và 1 người trong danh sách chờ');
    await userEvent.type(within(dialog).getByLabelText('Lý do'), 'Giảng viên ốm');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Gửi' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'POST')).toMatchObject({ url: '/api/training/courses/c1/cancel', body: { reason: 'Giảng viên ốm' } }));
    expect(await screen.findByText('Khóa đào tạo đã bị hủy: Giảng viên ốm')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Hủy khóa đào tạo' })).toBeNull();
  }, 60_000);

  it('is not offered to the trainer', async () => {
    fakeFetch(() => ({ status: 200, body: course() }));
    show(principal(['trainer'], '51-NGOKBAY', 'ngokbay.trainer'));
    await screen.findByTestId('course-status');
    expect(screen.queryByRole('button', { name: 'Hủy khóa đào tạo' })).toBeNull();
  });
});
