import { Injectable, Logger } from '@nestjs/common';
import { AttachmentAdded, attachmentsStreamId, ObjectStorage, StoredObjectCheck } from '@nangsuat/attachments';
import { NotFound, StreamVerification, verifyChain } from '@nangsuat/event-store';
import { formatDateTime } from '@nangsuat/vietnamese';
import { eventOf } from '../common/ledger-events';
import { LedgerRepository } from '../ledger/ledger.repository';

/**
 * What an auditor sees of a document: the facts its event recorded (and so the hash chain covers)
 * beside the object as it is in the bucket now.
 *  - matches: the bucket's bytes hash to the recorded SHA-256;
 *  - changed: they do not (the document was replaced after it was attached);
 *  - missing: the bucket has no object at the recorded key;
 *  - unreachable: the object storage did not answer (nothing can be said now).
 */
export type ObjectStatus = 'matches' | 'changed' | 'missing' | 'unreachable';

export interface VerifiedAttachment {
  readonly attachmentId: string;
  readonly recordType: string;
  readonly recordId: string;
  readonly purpose: string;
  readonly planVersion?: number;
  readonly title?: string;
  readonly name: string;
  readonly mediaType: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly objectKey: string;
  readonly addedAt: string;
  readonly addedAtDisplay: string;
  readonly addedBy: { readonly id: string; readonly username: string; readonly unit: string };
  /** The event that attached it: its place in the chain and its hash. */
  readonly event: { readonly id: string; readonly streamVersion: number; readonly hash: string; readonly prevHash: string };
  readonly object: { readonly status: ObjectStatus; readonly actualSha256?: string; readonly actualSizeBytes?: number; readonly error?: string };
}

export interface RecordAttachmentsAudit {
  readonly recordStreamId: string;
  readonly attachmentsStreamId: string;
  /** The ledger's copy of the attachments stream re-verified now. */
  readonly chain: StreamVerification;
  readonly attachments: readonly VerifiedAttachment[];
  /** True when the chain holds and every object matches its recorded hash. */
  readonly ok: boolean;
}

@Injectable()
export class VerifyAttachmentsHandler {
  private readonly logger = new Logger('VerifyAttachments');

  constructor(
    private readonly ledger: LedgerRepository,
    private readonly storage: ObjectStorage,
  ) {}

  async handle(recordStreamId: string): Promise<RecordAttachmentsAudit> {
    const streamId = attachmentsStreamId(recordStreamId);
    const docs = await this.ledger.stream(streamId);
    if (docs.length === 0) throw new NotFound(`The ledger holds no documents attached to "${recordStreamId.slice(0, 200)}".`, { streamId: recordStreamId.slice(0, 200) });
    const events = docs.map(eventOf);
    const chain = verifyChain(streamId, events);
    const attachments: VerifiedAttachment[] = [];
    for (const event of events) {
      if (event.type !== 'AttachmentAdded') continue;
      const d = event.data as AttachmentAdded['data'];
      const { actor } = event.metadata;
      attachments.push({
        attachmentId: d.attachmentId,
        recordType: d.recordType,
        recordId: d.recordId,
        purpose: d.purpose,
        ...(d.planVersion !== undefined ? { planVersion: d.planVersion } : {}),
        ...(d.title ? { title: d.title } : {}),
        name: d.name,
        mediaType: d.mediaType,
        sizeBytes: d.sizeBytes,
        sha256: d.sha256,
        objectKey: d.objectKey,
        addedAt: d.addedAt,
        addedAtDisplay: formatDateTime(d.addedAt),
        addedBy: { id: actor.id, username: actor.username, unit: actor.unit },
        event: { id: event.id, streamVersion: event.streamVersion, hash: event.hash, prevHash: event.prevHash },
        object: await this.checkObject(d.objectKey, d.sha256),
      });
    }
    return { recordStreamId, attachmentsStreamId: streamId, chain, attachments, ok: chain.ok && attachments.every((a) => a.object.status === 'matches') };
  }

  private async checkObject(key: string, recorded: string): Promise<VerifiedAttachment['object']> {
    let found: StoredObjectCheck;
    try {
      found = await this.storage.check(key);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn(`object storage did not answer for ${key}: ${message}`);
      return { status: 'unreachable', error: 'The object storage did not answer; try again later.' };
    }
    if (!found.present) return { status: 'missing' };
    return { status: found.sha256 === recorded ? 'matches' : 'changed', actualSha256: found.sha256, actualSizeBytes: found.sizeBytes };
  }
}
