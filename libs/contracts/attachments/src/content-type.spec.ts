import fc from 'fast-check';
import { sniffMediaType, zipEntryNames } from './content-type';
import { sampleDocx, sampleExe, sampleHtml, samplePdf, samplePng, sampleJpeg, sampleXlsx, sampleZip, zipOf } from './testing';

describe('content type from the bytes, not the name', () => {
  it.each([
    ['a PDF', samplePdf(), 'application/pdf'],
    ['a PNG', samplePng(), 'image/png'],
    ['a JPEG', sampleJpeg(), 'image/jpeg'],
    ['a Word document', sampleDocx(), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['an Excel workbook', sampleXlsx(), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ])('recognises %s', (_label, bytes, type) => {
    expect(sniffMediaType(bytes)).toBe(type);
  });

  it.each([
    ['a plain zip', sampleZip()],
    ['HTML', sampleHtml()],
    ['a Windows program', sampleExe()],
    ['nothing', Buffer.alloc(0)],
    ['a truncated Word document', sampleDocx().subarray(0, 60)],
    ['a zip whose directory lies about its size', (() => { const z = sampleDocx(); z.writeUInt16LE(500, z.length - 12); return z; })()],
  ])('refuses %s', (_label, bytes) => {
    expect(sniffMediaType(bytes)).toBeUndefined();
  });

  it('reads the names in a zip directory', () => {
    expect(zipEntryNames(zipOf({ 'a.txt': 'x', 'thư mục/b.xml': 'y' }))).toEqual(['a.txt', 'thư mục/b.xml']);
  });

  it('never throws, whatever the bytes (and any bytes after "PK\\x03\\x04")', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.boolean(), (random, asZip) => {
        const bytes = asZip ? Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(random)]) : Buffer.from(random);
        const type = sniffMediaType(bytes);
        expect(type === undefined || typeof type === 'string').toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
