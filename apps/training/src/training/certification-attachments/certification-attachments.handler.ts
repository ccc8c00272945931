import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '@nangsuat/auth';
import { AttachmentView, RecordAttachments, RecordDocumentRules, UploadedBytes } from '@nangsuat/attachments';
import { CommandContext } from '@nangsuat/service-runtime';
import type { Actor } from '@nangsuat/event-sourcing';
import { CertificationCommands } from '../certifications/certification-commands';
import { certificationStreamId } from '@nangsuat/contracts/training';
import { AttachCertificationDocumentDto } from './attach-certification-document.dto';

/** A certification's documents: attached by its unit's officers and assessors, read by those who may read the certification. */
@Injectable()
export class CertificationAttachmentsHandler implements RecordDocumentRules<AttachCertificationDocumentDto> {
  constructor(
    private readonly certifications: CertificationCommands,
    private readonly attachments: RecordAttachments,
    private readonly access: AccessPolicy,
  ) {}

  async attach(context: CommandContext, id: string, dto: AttachCertificationDocumentDto, file: UploadedBytes | undefined): Promise<AttachmentView> {
    const { unitCode } = await this.certifications.get(id);
    this.access.assertCanWrite(context.actor, unitCode);
    return this.attachments.attach(context, {
      context: 'training',
      record: { recordType: 'certification', recordId: id, recordStreamId: certificationStreamId(id), unitCode },
      purpose: dto.purpose,
      title: dto.title,
      name: dto.name,
      file,
    });
  }

  /** The record's stream, once the actor may read it. */
  async readableStream(actor: Actor, id: string): Promise<string> {
    const { unitCode } = await this.certifications.get(id);
    this.access.assertCanRead(actor, unitCode);
    return certificationStreamId(id);
  }
}
