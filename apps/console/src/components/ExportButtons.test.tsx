import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fileNameOf } from '../lib/api';
import { principal, renderWith } from '../test-utils';
import { ExportButtons } from './ExportButtons';

const saved: { name: string; size: number }[] = [];

beforeEach(() => {
  saved.length = 0;
  vi.stubGlobal('URL', Object.assign(Object.create(URL), URL, { createObjectURL: (b: Blob) => (saved.push({ name: '', size: b.size }), 'blob:x'), revokeObjectURL: () => undefined }));
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved[saved.length - 1].name = this.download;
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('downloading a list as CSV or Excel', () => {
  it('reads the UTF-8 file name the API gives, else the plain one', () => {
    expect(fileNameOf(`attachment; filename="ke-hoach-30-11-2026.xlsx"; filename*=UTF-8''k%E1%BA%BF-ho%E1%BA%A1ch.xlsx`)).toBe('kế-hoạch.xlsx');
    expect(fileNameOf('attachment; filename="ke-hoach.csv"')).toBe('ke-hoach.csv');
    expect(fileNameOf(null)).toBeUndefined();
  });

  it('asks the export route with the list filter (not its page) and the format, and saves the file under its name', async () => {
    const urls: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        urls.push(url);
        return new Response('\uFEFFSố hiệu,Tên kế hoạch\r\n', { status: 200, headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="ke-hoach-30-11-2026.csv"' } });
      }),
    );
    renderWith(<ExportButtons service="plans" path="/plans/export" query={{ q: 'năng suất', status: 'issued', page: 3, pageSize: 20 }} name="ke-hoach" />, { who: principal(['commune-officer']) });
    await userEvent.click(screen.getByRole('button', { name: /Tải CSV/ }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(urls[0]).toBe(`/api/plans/plans/export?q=${encodeURIComponent('năng suất').replace(/%20/g, '+')}&status=issued&format=csv`);
    expect(saved[0]).toMatchObject({ name: 'ke-hoach-30-11-2026.csv' });
    expect(saved[0].size).toBeGreaterThan(0);
  });

  it("shows the API's refusal beside the buttons and saves nothing", async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ message: 'format must be one of: csv, xlsx' }), { status: 400, headers: { 'content-type': 'application/json' } })));
    renderWith(<ExportButtons service="training" path="/courses/export" name="khoa-dao-tao" />, { who: principal(['commune-officer']) });
    await userEvent.click(screen.getByRole('button', { name: /Tải Excel/ }));
    expect(await screen.findByText(/format must be one of: csv, xlsx/)).toBeInTheDocument();
    expect(saved).toHaveLength(0);
  });
});
