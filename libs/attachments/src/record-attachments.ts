import { Injectable } from '@nestjs/common';
import { NotFound } from '@nangsuat/event-sourcing';
import { CommandContext, CommandRunner } from '@nangsuat/service-runtime';
import { AttachmentRecordRef, attachmentsDecider, attachmentsStreamId } from '@nangsuat/contracts/attachments';
import { ObjectStorage } from './object-storage';
import { inspectUpload, objectKeyFor, UploadedBytes } from './upload';
import { AttachmentView, toAttachmentView } from './views';

export interface AttachRequest {
  /** The owning bounded context (object keys are grouped by it). */
  readonly context: string;
  readonly record: AttachmentRecordRef;
  readonly purpose: string;
  readonly planVersion?: number;
  /** Empty or absent: none. */
  readonly title?: string;
  readonly file: UploadedBytes | undefined;
  /** The file's name when the upload carries none (empty or absent: the upload's). */
  readonly name?: string;
}

export interface DownloadLink {
  readonly attachmentId: string;
  readonly name: string;
  readonly mediaType: string;
  readonly sha256: string;
  /** A presigned GET: anyone holding it can download until expiresAt, nobody after. */
  readonly url: string;
  readonly expiresAt: string;
}

/**
 * Attaching a document to a record of a service, listing a record's documents and handing out
 * download links. The caller has checked who may write or read the record; this checks the file
 * (size, kind by content), stores the bytes, then records the AttachmentAdded event through the
 * command runner (Idempotency-Key honoured). Bytes are stored before the event, under a key made
 * of the hash: a failure between the two leaves an object no event names (harmless, overwritten by
 * a retry with the same bytes), never an event naming bytes that are not there.
 */
@Injectable()
export class RecordAttachments {
  constructor(
    private readonly storage: ObjectStorage,
    private readonly runner: CommandRunner,
  ) {}

  async attach(context: CommandContext, request: AttachRequest): Promise<AttachmentView> {
    const { bytes, ...facts } = inspectUpload(request.file, this.storage.config.maxBytes, request.name || undefined);
    const streamId = attachmentsStreamId(request.record.recordStreamId);
    const objectKey = objectKeyFor(request.context, request.record.recordStreamId, facts.sha256);
    // A retried request (same Idempotency-Key) names the same attachment and gets the first result;
    // the same key with another file is another request (the file's hash is part of its fingerprint).
    const attachmentId = `att-${context.newRecordId()}`;
    const covered = context.covering({ file: { name: facts.name, sha256: facts.sha256, sizeBytes: facts.sizeBytes } });
    await this.storage.put(objectKey, bytes, facts.mediaType, facts.sha256);
    const outcome = await this.runner.run(
      streamId,
      attachmentsDecider,
      {
        type: 'AddAttachment',
        attachmentId,
        record: request.record,
        file: { ...facts, objectKey },
        purpose: request.purpose,
        ...(request.planVersion !== undefined ? { planVersion: request.planVersion } : {}),
        ...(request.title ? { title: request.title } : {}),
        now: context.nowIso,
      },
      covered,
      { unit: request.record.unitCode },
    );
    const addedId = (outcome.events[0]?.data as { attachmentId?: string } | undefined)?.attachmentId ?? attachmentId;
    const added = outcome.state.attachments.find((a) => a.attachmentId === addedId);
    return toAttachmentView(added ?? outcome.state.attachments[outcome.state.attachments.length - 1]);
  }

  async list(recordStreamId: string): Promise<AttachmentView[]> {
    const { state } = await this.runner.load(attachmentsStreamId(recordStreamId), attachmentsDecider);
    return state.attachments.map(toAttachmentView);
  }

  async link(recordStreamId: string, attachmentId: string): Promise<DownloadLink> {
    const { state } = await this.runner.load(attachmentsStreamId(recordStreamId), attachmentsDecider);
    const attachment = state.attachments.find((a) => a.attachmentId === attachmentId);
    if (!attachment) throw new NotFound(`No attachment ${JSON.stringify(attachmentId.slice(0, 100))} on this record.`, { attachmentId });
    const { url, expiresAt } = await this.storage.downloadLink(attachment.objectKey, attachment.name, attachment.mediaType);
    return { attachmentId, name: attachment.name, mediaType: attachment.mediaType, sha256: attachment.sha256, url, expiresAt };
  }
}
