import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '@nangsuat/auth';
import { AttachmentView, RecordAttachments, RecordDocumentRules, UploadedBytes } from '@nangsuat/attachments';
import { CommandContext } from '@nangsuat/service-runtime';
import { Actor, DomainRuleViolation } from '@nangsuat/event-sourcing';
import { nominationStreamId } from '@nangsuat/contracts/awards';
import { NominationCommands } from '../nominations/nomination-commands';
import { AttachNominationDocumentDto } from './attach-nomination-document.dto';

/** A nomination's documents: attached by those who may write it (the award decision only once the council has decided), read by those who may read it. */
@Injectable()
export class NominationAttachmentsHandler implements RecordDocumentRules<AttachNominationDocumentDto> {
  constructor(
    private readonly nominations: NominationCommands,
    private readonly attachments: RecordAttachments,
    private readonly access: AccessPolicy,
  ) {}

  async attach(context: CommandContext, id: string, dto: AttachNominationDocumentDto, file: UploadedBytes | undefined): Promise<AttachmentView> {
    const { view, unitCode } = await this.nominations.get(id);
    this.access.assertCanWrite(context.actor, unitCode);
    const status = view.nomination.status;
    if (dto.purpose === 'decision' && status !== 'decided' && status !== 'closed') {
      throw new DomainRuleViolation(`The award decision can be attached once the council has decided; the nomination is ${status}.`, 'invalid-transition', { status });
    }
    return this.attachments.attach(context, {
      context: 'awards',
      record: { recordType: 'nomination', recordId: id, recordStreamId: nominationStreamId(id), unitCode },
      purpose: dto.purpose,
      title: dto.title,
      name: dto.name,
      file,
    });
  }

  /** The record's stream, once the actor may read it. */
  async readableStream(actor: Actor, id: string): Promise<string> {
    const { unitCode } = await this.nominations.get(id);
    this.access.assertCanRead(actor, unitCode);
    return nominationStreamId(id);
  }
}
