import { createHash } from 'node:crypto';
import { BadRequestException, PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import { contentDisposition } from './object-storage';
import { inspectUpload, objectKeyFor, uploadedFileName } from './upload';
import { samplePdf, sampleHtml } from './testing';

describe('an upload is checked before anything is stored', () => {
  it('gives the facts the event records: kind by content, size, SHA-256, name', () => {
    const bytes = samplePdf();
    const facts = inspectUpload({ originalname: 'ke-hoach.png', buffer: bytes }, 1000);
    expect(facts).toMatchObject({ name: 'ke-hoach.png', mediaType: 'application/pdf', sizeBytes: bytes.length });
    expect(facts.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('refuses a missing, empty, oversized or foreign file with a message that says what to do', () => {
    expect(() => inspectUpload(undefined, 1000)).toThrow(BadRequestException);
    expect(() => inspectUpload({ originalname: 'a.pdf', buffer: Buffer.alloc(0) }, 1000)).toThrow(/empty/);
    expect(() => inspectUpload({ originalname: 'a.pdf', buffer: samplePdf() }, 10)).toThrow(PayloadTooLargeException);
    expect(() => inspectUpload({ originalname: 'a.pdf', buffer: sampleHtml() }, 1000)).toThrow(UnsupportedMediaTypeException);
    expect(() => inspectUpload({ originalname: 'a.pdf', buffer: sampleHtml() }, 1000)).toThrow(/HTML.*PDF, PNG, JPEG/);
  });

  it('takes the name without its folders or control characters, in NFC, and repairs UTF-8 read as Latin-1', () => {
    expect(uploadedFileName('C:\\Users\\a\\Ke\u0302\u0301 hoa\u0323ch.pdf')).toBe('Kế hoạch.pdf');
    expect(uploadedFileName(Buffer.from('Quyết định.pdf', 'utf8').toString('latin1'))).toBe('Quyết định.pdf');
    expect(uploadedFileName('a\u0000b\u0007.pdf')).toBe('ab.pdf');
    expect(() => uploadedFileName('../')).toThrow(/name/);
    expect(() => uploadedFileName('x'.repeat(300))).toThrow(/255/);
    expect(uploadedFileName('raw.bin', 'Tên do người dùng đặt.pdf')).toBe('Tên do người dùng đặt.pdf');
  });

  it('keys objects by context, record and hash', () => {
    expect(objectKeyFor('plans', 'plan-ninh-thuan-4009-2023', 'ab'.repeat(32))).toBe(`plans/plan-ninh-thuan-4009-2023/${'ab'.repeat(32)}`);
    expect(objectKeyFor('support-programs', 'pilot-model-registration-p1:mst-0123456789', 'c')).toBe('support-programs/pilot-model-registration-p1%3Amst-0123456789/c');
  });

  it('downloads under the Vietnamese name with an ASCII fallback', () => {
    expect(contentDisposition('Quyết định số 12.pdf')).toBe(
      `attachment; filename="Quyet dinh so 12.pdf"; filename*=UTF-8''${encodeURIComponent('Quyết định số 12.pdf')}`,
    );
  });
});
