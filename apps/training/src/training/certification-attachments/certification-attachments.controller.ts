import { Body, Controller, Get, Param, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@nangsuat/auth';
import { AttachmentView, DownloadLink, FileUploadInterceptor, UploadedBytes } from '@nangsuat/attachments';
import { CommandContext, CurrentCommand } from '@nangsuat/service-runtime';
import type { Actor } from '@nangsuat/event-sourcing';
import { AttachCertificationDocumentDto } from './attach-certification-document.dto';
import { CertificationAttachmentsHandler } from './certification-attachments.handler';

/** Who attaches a certification's documents: the officers who enter applications, and the assessors who grant. */
export const CERTIFICATION_DOCUMENT_WRITERS = ['province-admin', 'department-officer', 'commune-officer', 'expert-assessor'] as const;

/**
 * The documents a certification rests on (issue 13): the application, its evidence, the certificate.
 * Attached by those who may write it (its unit's officers and assessors); listed and downloaded —
 * through a time-limited link — by those who may read it. The file's hash is in the event, so the
 * audit service shows and verifies it.
 */
@ApiTags('expert certification')
@ApiBearerAuth()
@Controller('certifications')
export class CertificationAttachmentsController {
  constructor(private readonly handler: CertificationAttachmentsHandler) {}

  @Post(':id/attachments')
  @Roles(...CERTIFICATION_DOCUMENT_WRITERS)
  @UseInterceptors(FileUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: AttachCertificationDocumentDto })
  @ApiOperation({ summary: 'Attach a document (application, evidence, certificate) to a certification; its SHA-256 goes into the event' })
  async attach(
    @CurrentCommand() context: CommandContext,
    @Param('id') id: string,
    @Body() dto: AttachCertificationDocumentDto,
    @UploadedFile() file: UploadedBytes | undefined,
  ): Promise<AttachmentView> {
    return this.handler.attach(context, id, dto, file);
  }

  @Get(':id/attachments')
  @ApiOperation({ summary: "A certification's documents: name, kind, size, SHA-256, who attached them and when" })
  async list(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<AttachmentView[]> {
    return this.handler.list(await this.handler.readableStream(actor, id));
  }

  @Get(':id/attachments/:attachmentId/link')
  @ApiOperation({ summary: 'A time-limited download link (presigned, ATTACHMENT_LINK_SECONDS, 5 minutes by default) for one document' })
  async link(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('attachmentId') attachmentId: string): Promise<DownloadLink> {
    return this.handler.link(await this.handler.readableStream(actor, id), attachmentId);
  }
}
