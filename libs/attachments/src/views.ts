import { formatDateTime, formatNumber } from '@nangsuat/vietnamese';
import { ACCEPTED_MEDIA_TYPES } from '@nangsuat/contracts/attachments';
import type { Attachment } from '@nangsuat/contracts/attachments';

/** An attachment as the APIs show it: the recorded facts plus Vietnamese display forms. */
export interface AttachmentView extends Attachment {
  readonly addedAtDisplay: string;
  /** e.g. "1,2 MB", "845 kB". */
  readonly sizeDisplay: string;
  readonly kind: string;
}

export function sizeDisplay(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${formatNumber(bytes / (1024 * 1024), { maximumFractionDigits: 1 })} MB`;
  if (bytes >= 1024) return `${formatNumber(bytes / 1024, { maximumFractionDigits: 0 })} kB`;
  return `${formatNumber(bytes)} B`;
}

export function toAttachmentView(a: Attachment): AttachmentView {
  return { ...a, addedAtDisplay: formatDateTime(a.addedAt), sizeDisplay: sizeDisplay(a.sizeBytes), kind: ACCEPTED_MEDIA_TYPES[a.mediaType]?.label ?? a.mediaType };
}
