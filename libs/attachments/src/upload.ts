import { createHash } from 'node:crypto';
import { BadRequestException, PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { AttachedFile } from '@nangsuat/contracts/attachments';
import { ACCEPTED_KINDS_TEXT, describeRefusedContent, sniffMediaType } from '@nangsuat/contracts/attachments';

/** What a multipart upload hands over (multer's memory storage). */
export interface UploadedBytes {
  readonly originalname?: string;
  readonly buffer?: Buffer;
  readonly size?: number;
}

export const MAX_FILE_NAME_LENGTH = 255;

// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

/**
 * The multipart file name as the person typed it. Browsers send UTF-8 bytes that the multipart
 * parser reads as Latin-1; they are turned back into UTF-8 when they form valid UTF-8.
 */
export function uploadedFileName(raw: string | undefined, given?: string): string {
  let name = given ?? raw ?? '';
  if (given === undefined && [...name].every((c) => c.charCodeAt(0) <= 0xff) && /[\x80-\xff]/.test(name)) {
    const decoded = Buffer.from(name, 'latin1').toString('utf8');
    if (!decoded.includes('\ufffd')) name = decoded;
  }
  // No directories, no control characters; NFC like all stored text.
  name = name
    .replace(/^.*[\\/]/, '')
    .replace(CONTROL_CHARACTERS, '')
    .normalize('NFC')
    .trim();
  if (!name) throw new BadRequestException('The file needs a name (the multipart part "file" carries none, and no "name" field was given).');
  if (name.length > MAX_FILE_NAME_LENGTH) throw new BadRequestException(`The file name is ${name.length} characters long; at most ${MAX_FILE_NAME_LENGTH} are accepted.`);
  return name;
}

/**
 * Checks an uploaded file before anything is stored: present, not empty, not over the limit, and
 * of an accepted kind by its content. Returns the facts the attaching event records (without the
 * object key, which the caller derives from the record and the hash).
 */
export function inspectUpload(file: UploadedBytes | undefined, maxBytes: number, givenName?: string): Omit<AttachedFile, 'objectKey'> & { bytes: Buffer } {
  if (!file?.buffer) {
    throw new BadRequestException('Send the document as multipart/form-data with the file in the part named "file".');
  }
  const bytes = file.buffer;
  if (bytes.length === 0) throw new BadRequestException('The file is empty (0 bytes); choose the document again.');
  if (bytes.length > maxBytes) {
    throw new PayloadTooLargeException(`The file is ${bytes.length} bytes; at most ${maxBytes} bytes (${formatMb(maxBytes)}) are accepted.`);
  }
  const mediaType = sniffMediaType(bytes);
  if (!mediaType) {
    throw new UnsupportedMediaTypeException(
      `The file's content is ${describeRefusedContent(bytes)}, which is not accepted; attach ${ACCEPTED_KINDS_TEXT} (the kind is read from the content, not the name).`,
    );
  }
  return {
    name: uploadedFileName(file.originalname, givenName),
    mediaType,
    sizeBytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    bytes,
  };
}

/** Content-addressed key: the same bytes attached twice to one record are one object. */
export function objectKeyFor(context: string, recordStreamId: string, sha256: string): string {
  return `${context}/${encodeURIComponent(recordStreamId)}/${sha256}`;
}

function formatMb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
}
