/**
 * What a file is, from its first bytes and (for Office documents) its zip directory — never from
 * its name or the Content-Type the client declared, either of which anyone can set.
 *
 * Accepted: PDF, PNG, JPEG, Word (.docx) and Excel (.xlsx). Office Open XML files are zip archives;
 * they are told apart from any other zip by the part their [Content_Types].xml names as the main
 * document (word/document.xml, xl/workbook.xml), read from the zip's central directory.
 */

export const ACCEPTED_MEDIA_TYPES = {
  'application/pdf': { label: 'PDF', extensions: ['pdf'] },
  'image/png': { label: 'PNG', extensions: ['png'] },
  'image/jpeg': { label: 'JPEG', extensions: ['jpg', 'jpeg'] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { label: 'Word (.docx)', extensions: ['docx'] },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { label: 'Excel (.xlsx)', extensions: ['xlsx'] },
} as const;

export type AcceptedMediaType = keyof typeof ACCEPTED_MEDIA_TYPES;

export const ACCEPTED_KINDS_TEXT = Object.values(ACCEPTED_MEDIA_TYPES)
  .map((t) => t.label)
  .join(', ');

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0): boolean =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const ZIP_END_OF_DIRECTORY = 0x06054b50;
const ZIP_DIRECTORY_ENTRY = 0x02014b50;

/** Names of the entries in a zip's central directory, or undefined when the archive is not readable as one. */
export function zipEntryNames(bytes: Uint8Array): string[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is in the last 22 + 65,535 (comment) bytes.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let i = bytes.length - 22; i >= lowest; i--) {
    if (view.getUint32(i, true) === ZIP_END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== ZIP_DIRECTORY_ENTRY) return undefined;
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    if (offset + 46 + nameLength > bytes.length) return undefined;
    names.push(Buffer.from(bytes.subarray(offset + 46, offset + 46 + nameLength)).toString('utf8'));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** The accepted media type the content is, or undefined. */
export function sniffMediaType(bytes: Uint8Array): AcceptedMediaType | undefined {
  if (startsWith(bytes, PDF)) return 'application/pdf';
  if (startsWith(bytes, PNG)) return 'image/png';
  if (startsWith(bytes, JPEG)) return 'image/jpeg';
  if (startsWith(bytes, ZIP_LOCAL_HEADER)) {
    const names = zipEntryNames(bytes);
    if (!names?.includes('[Content_Types].xml')) return undefined;
    if (names.includes('word/document.xml')) return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    if (names.includes('xl/workbook.xml')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  }
  return undefined;
}

/** A short human description of content that is not accepted, for the refusal message. */
export function describeRefusedContent(bytes: Uint8Array): string {
  if (bytes.length === 0) return 'an empty file';
  if (startsWith(bytes, ZIP_LOCAL_HEADER)) return 'a zip archive that is not a Word or Excel document';
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return 'a GIF image';
  if (startsWith(bytes, [0x4d, 0x5a])) return 'a Windows program';
  if (startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46])) return 'a program (ELF)';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return 'an old Office document (.doc/.xls: save it as .docx/.xlsx or PDF)';
  const head = Buffer.from(bytes.subarray(0, 512)).toString('utf8');
  if (/^\s*</.test(head)) return 'an HTML or XML text';
  return 'a file of another kind';
}
