import { Injectable } from '@nestjs/common';
import { AttachmentView, RecordAttachments, RecordDocumentRules, UploadedBytes } from '@nangsuat/attachments';
import type { Actor } from '@nangsuat/event-sourcing';
import { Registrations } from '../common/registrations';
import { AttachRegistrationDocumentDto } from './attach-registration-document.dto';
import { CommandContext } from '@nangsuat/service-runtime';

/** A registration's documents: attached by the enterprise or the programme's officers, read by those who may read the registration. */
@Injectable()
export class RegistrationAttachmentsHandler implements RecordDocumentRules<AttachRegistrationDocumentDto> {
  constructor(
    private readonly registrations: Registrations,
    private readonly attachments: RecordAttachments,
  ) {}

  async attach(context: CommandContext, id: string, dto: AttachRegistrationDocumentDto, file: UploadedBytes | undefined): Promise<AttachmentView> {
    const registration = await this.registrations.load(id);
    this.registrations.assertOwnerOrReviewer(context.actor, registration);
    return this.attachments.attach(context, {
      context: 'support-programs',
      record: { recordType: 'registration', recordId: registration.state.ref.registrationId, recordStreamId: registration.streamId, unitCode: registration.state.ref.unitCode },
      purpose: dto.purpose,
      title: dto.title,
      name: dto.name,
      file,
    });
  }

  /** The record's stream, once the actor may read it. */
  async readableStream(actor: Actor, id: string): Promise<string> {
    const { streamId } = await this.registrations.load(id);
    this.registrations.assertCanRead(actor, await this.registrations.view(streamId));
    return streamId;
  }
}
