import { createHash } from 'node:crypto';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { principal, renderWith } from '../test-utils';
import { Attachments, sha256Hex, type Attachment } from './Attachments';

// File contents as text: the test DOM's Blob reads strings as UTF-8 (as browsers do) but not another realm's typed arrays.
const pdf = '%PDF-1.4 Kế hoạch 4009/KH-UBND';
const sha = (text: string) => createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex');
const doc: Attachment = {
  attachmentId: 'att-1',
  purpose: 'plan-document',
  title: 'Kế hoạch 4009/KH-UBND (bản ký)',
  name: 'ke-hoach-4009.pdf',
  mediaType: 'application/pdf',
  kind: 'PDF',
  sizeBytes: Buffer.byteLength(pdf),
  sizeDisplay: '35 B',
  sha256: sha(pdf),
  addedAt: '2026-11-30T03:00:00.000Z',
  addedAtDisplay: '10:00 30/11/2026',
  addedBy: 'phanrang.officer',
};

interface Sent {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: BodyInit | null;
}

function serve(answer: (s: Sent) => { status: number; body: unknown }) {
  const sent: Sent[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const s = { url, method: init?.method ?? 'GET', headers: (init?.headers ?? {}) as Record<string, string>, body: init?.body };
      sent.push(s);
      const { status, body } = answer(s);
      return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    }),
  );
  return sent;
}

afterEach(() => vi.unstubAllGlobals());

describe("a record's documents", () => {
  it('hashes a file as the services do (SHA-256, hex)', async () => {
    expect(await sha256Hex(new Blob([pdf]))).toBe(sha(pdf));
  });

  it('lists the documents with their kind, size, who and when; a download asks for a time-limited link', async () => {
    const sent = serve((s) => (s.url.endsWith('/link') ? { status: 200, body: { url: 'http://127.0.0.1:8333/b/x?X-Amz-Signature=abc' } } : { status: 200, body: [doc] }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    renderWith(<Attachments service="plans" recordPath="/plans/p-1" streamId="plan-p-1" purposes={['plan-document', 'amendment']} canAttach={false} />, { who: principal(['commune-officer']) });
    expect(await screen.findByText('Kế hoạch 4009/KH-UBND (bản ký)')).toBeInTheDocument();
    expect(screen.getByText('ke-hoach-4009.pdf · PDF · 35 B')).toBeInTheDocument();
    expect(screen.getByText('Văn bản kế hoạch')).toBeInTheDocument();
    expect(screen.getByText('10:00 30/11/2026')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Đính kèm' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Tải về: ke-hoach-4009.pdf' }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(sent.map((s) => s.url)).toContain('/api/plans/plans/p-1/attachments/att-1/link');
    click.mockRestore();
  });

  it('uploads the chosen file with its kind and title as multipart, with an Idempotency-Key; a refusal is shown', async () => {
    let refuse = true;
    const sent = serve((s) => {
      if (s.method === 'POST') {
        if (refuse) return { status: 415, body: { message: 'The file is HTML; accepted are PDF, PNG, JPEG, Word (.docx) and Excel (.xlsx).' } };
        return { status: 201, body: { ...doc, attachmentId: 'att-2', purpose: 'evidence', name: 'bien-ban.pdf' } };
      }
      return { status: 200, body: [] };
    });
    const { container } = renderWith(<Attachments service="support-programs" recordPath="/registrations/r-1" streamId="pilot-model-registration-r-1" purposes={['application', 'evidence']} canAttach />, { who: principal(['enterprise']) });
    expect(await screen.findByText('Chưa có tài liệu nào')).toBeInTheDocument();
    const form = container.querySelector('form')!;
    await userEvent.click(within(form).getByRole('combobox'));
    await userEvent.click(await screen.findByTitle('Minh chứng'));
    await userEvent.type(within(form).getByLabelText('Tiêu đề'), 'Biên bản nghiệm thu');
    const input = form.querySelector('input[type=file]') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File([pdf], 'bien-ban.pdf', { type: 'application/pdf' })] } });
    const attach = within(form).getByRole('button', { name: 'Đính kèm' });
    await waitFor(() => expect(attach).toBeEnabled());
    await userEvent.click(attach);
    expect(await screen.findByText(/accepted are PDF, PNG, JPEG/)).toBeInTheDocument();
    refuse = false;
    await userEvent.click(attach);
    await waitFor(() => expect(sent.filter((s) => s.method === 'POST')).toHaveLength(2));
    const post = sent.filter((s) => s.method === 'POST')[1];
    expect(post.url).toBe('/api/support-programs/registrations/r-1/attachments');
    expect(post.headers['Idempotency-Key']).toBeTruthy();
    const body = post.body as FormData;
    expect(body.get('purpose')).toBe('evidence');
    expect(body.get('title')).toBe('Biên bản nghiệm thu');
    expect((body.get('file') as File).name).toBe('bien-ban.pdf');
  });

  it("attaches an amendment's document to the amendment chosen (the newest offered first), not a typed number", async () => {
    const sent = serve((s) => (s.method === 'POST' ? { status: 201, body: { ...doc, attachmentId: 'att-3', purpose: 'amendment', planVersion: 2 } } : { status: 200, body: [] }));
    const amendments = [
      { version: 3, label: 'Phiên bản 3 — 01/09/2025' },
      { version: 2, label: 'Phiên bản 2 — 15/03/2025 — Bổ sung chỉ tiêu' },
    ];
    const { container } = renderWith(<Attachments service="plans" recordPath="/plans/p-1" streamId="plan-p-1" purposes={['plan-document', 'amendment']} canAttach amendments={amendments} />, { who: principal(['commune-officer']) });
    expect(await screen.findByText('Chưa có tài liệu nào')).toBeInTheDocument();
    const form = container.querySelector('form')!;
    await userEvent.click(within(form).getAllByRole('combobox')[0]!);
    await userEvent.click(await screen.findByTitle('Văn bản điều chỉnh'));
    expect(await within(form).findByTitle('Phiên bản 3 — 01/09/2025')).toBeInTheDocument();
    await userEvent.click(within(form).getAllByRole('combobox')[1]!);
    await userEvent.click(await screen.findByTitle('Phiên bản 2 — 15/03/2025 — Bổ sung chỉ tiêu'));
    fireEvent.change(form.querySelector('input[type=file]') as HTMLInputElement, { target: { files: [new File([pdf], 'quyet-dinh.pdf', { type: 'application/pdf' })] } });
    const attach = within(form).getByRole('button', { name: 'Đính kèm' });
    await waitFor(() => expect(attach).toBeEnabled());
    await userEvent.click(attach);
    await waitFor(() => expect(sent.filter((s) => s.method === 'POST')).toHaveLength(1));
    const body = sent.find((s) => s.method === 'POST')!.body as FormData;
    expect(body.get('purpose')).toBe('amendment');
    expect(body.get('planVersion')).toBe('2');
  });

  it('checks a file the person holds against the recorded fingerprints, in the browser', async () => {
    const sent = serve(() => ({ status: 200, body: [doc] }));
    const { container } = renderWith(<Attachments service="plans" recordPath="/plans/p-1" streamId="plan-p-1" purposes={['plan-document']} canAttach={false} />, { who: principal(['commune-officer']) });
    await screen.findByText('Kế hoạch 4009/KH-UBND (bản ký)');
    const input = container.querySelector('input[type=file]') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File([pdf], 'ban-tai-ve.pdf')] } });
    expect(await screen.findByText(/Tệp ban-tai-ve.pdf trùng khớp với tài liệu “Kế hoạch 4009\/KH-UBND \(bản ký\)”/)).toBeInTheDocument();
    // The upload control renews its input after each file: pick the second file through the new one.
    fireEvent.change(container.querySelector('input[type=file]') as HTMLInputElement, { target: { files: [new File(['%PDF-1.4 đã sửa'], 'ban-sua.pdf')] } });
    expect(await screen.findByText('Tệp ban-sua.pdf không trùng với tài liệu nào đã đính kèm hồ sơ này.')).toBeInTheDocument();
    expect(sent.every((s) => s.method === 'GET')).toBe(true);
  });

  it('an auditor verifies against the store through the audit service: a changed file is named', async () => {
    const sent = serve((s) =>
      s.url.startsWith('/api/audit/')
        ? { status: 200, body: { chain: { ok: true }, ok: false, attachments: [{ attachmentId: 'att-1', object: { status: 'changed' } }] } }
        : { status: 200, body: [doc] },
    );
    renderWith(<Attachments service="plans" recordPath="/plans/p-1" streamId="plan-p-1" purposes={['plan-document']} canAttach={false} />, { who: principal(['auditor'], 'VN', 'auditor.vn') });
    await userEvent.click(await screen.findByRole('button', { name: 'Xác minh với kho lưu trữ' }));
    expect(await screen.findByText('Đã bị thay đổi')).toBeInTheDocument();
    expect(screen.getByText(/có tệp trong kho không còn khớp/)).toBeInTheDocument();
    expect(sent.map((s) => s.url)).toContain('/api/audit/audit/streams/plan-p-1/attachments');
  });

  it('offers no verification to those who are not auditors', async () => {
    serve(() => ({ status: 200, body: [doc] }));
    renderWith(<Attachments service="plans" recordPath="/plans/p-1" streamId="plan-p-1" purposes={['plan-document']} canAttach={false} />, { who: principal(['commune-officer']) });
    await screen.findByText('Kế hoạch 4009/KH-UBND (bản ký)');
    expect(screen.queryByRole('button', { name: 'Xác minh với kho lưu trữ' })).not.toBeInTheDocument();
  });
});
