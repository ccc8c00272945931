import { Conflict, Decider, DomainEvent, DomainRuleViolation } from '@nangsuat/event-sourcing';
import type { AcceptedMediaType } from './content-type';

/**
 * Documents attached to a record (a plan, a registration, …): one stream per record,
 * `attachments-<the record's stream id>`, in the record's own service. Each AttachmentAdded event
 * carries the file's SHA-256, size, media type, name and object key, so the stream's hash chain (and
 * the audit ledger's daily Merkle checkpoints) commit to the exact bytes that were attached; the bytes
 * themselves live in object storage. Attachments are never removed: a document of record that was
 * wrong is superseded by attaching the right one, and both stay in the history.
 */

export const ATTACHMENTS_STREAM_PREFIX = 'attachments-';
export const attachmentsStreamId = (recordStreamId: string): string => `${ATTACHMENTS_STREAM_PREFIX}${recordStreamId}`;

/** At most this many documents per record (each is an event folded on every command). */
export const MAX_ATTACHMENTS_PER_RECORD = 200;

export interface AttachedFile {
  /** Name as the uploader gave it (NFC, no path), for people; never used to decide anything. */
  readonly name: string;
  /** From the content's first bytes (content-type.ts), not from the name or the declared type. */
  readonly mediaType: AcceptedMediaType;
  readonly sizeBytes: number;
  /** Lower-case hex SHA-256 of the bytes. */
  readonly sha256: string;
  /** Where the bytes are in the bucket (content-addressed: ends with the SHA-256). */
  readonly objectKey: string;
}

export interface AttachmentRecordRef {
  /** What the document belongs to: 'plan', 'registration', … (the service's own record kinds). */
  readonly recordType: string;
  readonly recordId: string;
  readonly recordStreamId: string;
  /** The record's administrative unit (who may read it). */
  readonly unitCode: string;
}

export type AttachmentAdded = DomainEvent<
  'AttachmentAdded',
  AttachmentRecordRef &
    AttachedFile & {
      readonly attachmentId: string;
      /** What the document is for the record, e.g. 'plan-document', 'amendment', 'application', 'evidence'. */
      readonly purpose: string;
      /** For an amendment's document: the plan version the amendment made. */
      readonly planVersion?: number;
      readonly title?: string;
      readonly addedAt: string;
    }
>;

export type AttachmentEvent = AttachmentAdded;

export interface AddAttachment {
  readonly type: 'AddAttachment';
  readonly attachmentId: string;
  readonly record: AttachmentRecordRef;
  readonly file: AttachedFile;
  readonly purpose: string;
  readonly planVersion?: number;
  readonly title?: string;
  readonly now: string;
}

export interface Attachment extends AttachedFile {
  readonly attachmentId: string;
  readonly purpose: string;
  readonly planVersion?: number;
  readonly title?: string;
  readonly addedAt: string;
  readonly addedBy?: string;
}

export interface AttachmentsState {
  readonly record?: AttachmentRecordRef;
  readonly attachments: readonly Attachment[];
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

function decide(command: AddAttachment, state: AttachmentsState): AttachmentAdded[] {
  const { file, record } = command;
  const existing = state.attachments.find((a) => a.attachmentId === command.attachmentId);
  if (existing) {
    throw new Conflict(`Attachment ${command.attachmentId} already exists on this record.`, 'duplicate-attachment', { attachmentId: command.attachmentId });
  }
  if (state.attachments.length >= MAX_ATTACHMENTS_PER_RECORD) {
    throw new DomainRuleViolation(
      `A record holds at most ${MAX_ATTACHMENTS_PER_RECORD} documents; this one has ${state.attachments.length}.`,
      'too-many-attachments',
    );
  }
  if (state.record && state.record.recordStreamId !== record.recordStreamId) {
    throw new DomainRuleViolation('These attachments belong to another record.', 'wrong-record');
  }
  if (!SHA256_HEX.test(file.sha256)) throw new DomainRuleViolation('sha256 must be 64 lower-case hex digits.', 'invalid-value', { field: 'sha256' });
  if (!Number.isSafeInteger(file.sizeBytes) || file.sizeBytes <= 0) {
    throw new DomainRuleViolation('An attached file must have at least one byte.', 'empty-file', { field: 'file' });
  }
  const same = state.attachments.find((a) => a.sha256 === file.sha256 && a.purpose === command.purpose);
  if (same) {
    throw new Conflict(
      `This document (SHA-256 ${file.sha256.slice(0, 12)}…) is already attached as ${command.purpose}, named "${same.name}" (attachment ${same.attachmentId}).`,
      'duplicate-document',
      { attachmentId: same.attachmentId },
    );
  }
  return [
    {
      type: 'AttachmentAdded',
      schemaVersion: 1,
      data: {
        attachmentId: command.attachmentId,
        recordType: record.recordType,
        recordId: record.recordId,
        recordStreamId: record.recordStreamId,
        unitCode: record.unitCode,
        purpose: command.purpose,
        ...(command.planVersion !== undefined ? { planVersion: command.planVersion } : {}),
        ...(command.title ? { title: command.title } : {}),
        name: file.name,
        mediaType: file.mediaType,
        sizeBytes: file.sizeBytes,
        sha256: file.sha256,
        objectKey: file.objectKey,
        addedAt: command.now,
      },
    },
  ];
}

function evolve(state: AttachmentsState, event: AttachmentEvent): AttachmentsState {
  if (event.type !== 'AttachmentAdded') return state;
  const d = event.data;
  const actor = (event as { metadata?: { actor?: { username?: string } } }).metadata?.actor?.username;
  return {
    record: state.record ?? { recordType: d.recordType, recordId: d.recordId, recordStreamId: d.recordStreamId, unitCode: d.unitCode },
    attachments: [
      ...state.attachments,
      {
        attachmentId: d.attachmentId,
        purpose: d.purpose,
        ...(d.planVersion !== undefined ? { planVersion: d.planVersion } : {}),
        ...(d.title ? { title: d.title } : {}),
        name: d.name,
        mediaType: d.mediaType,
        sizeBytes: d.sizeBytes,
        sha256: d.sha256,
        objectKey: d.objectKey,
        addedAt: d.addedAt,
        ...(actor ? { addedBy: actor } : {}),
      },
    ],
  };
}

export const attachmentsDecider: Decider<AddAttachment, AttachmentEvent, AttachmentsState> = {
  decide,
  evolve,
  initialState: () => ({ attachments: [] }),
};
