import { Body, Controller, Get, Param, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@nangsuat/auth';
import { AttachmentView, DownloadLink, FileUploadInterceptor, UploadedBytes } from '@nangsuat/attachments';
import { CommandContext, CurrentCommand } from '@nangsuat/service-runtime';
import { Actor } from '@nangsuat/event-sourcing';
import { AttachNominationDocumentDto } from './attach-nomination-document.dto';
import { NominationAttachmentsHandler } from './nomination-attachments.handler';

/** Who attaches a nomination's documents: the officers who nominate, and the council (its decision). */
export const NOMINATION_DOCUMENT_WRITERS = ['province-admin', 'department-officer', 'commune-officer', 'award-council'] as const;

/**
 * The documents of a nomination (issue 13): its dossier, its evidence, and the signed award decision
 * — accepted only once the council has decided. Attached by those who may write the nomination;
 * listed and downloaded (a time-limited link) by those who may read it; the file's hash is in the
 * event, so the audit service shows and verifies it.
 */
@ApiTags('nominations')
@ApiBearerAuth()
@Controller('nominations')
export class NominationAttachmentsController {
  constructor(private readonly handler: NominationAttachmentsHandler) {}

  @Post(':id/attachments')
  @Roles(...NOMINATION_DOCUMENT_WRITERS)
  @UseInterceptors(FileUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: AttachNominationDocumentDto })
  @ApiOperation({ summary: 'Attach a document (dossier, evidence, the award decision) to a nomination; its SHA-256 goes into the event' })
  async attach(
    @CurrentCommand() context: CommandContext,
    @Param('id') id: string,
    @Body() dto: AttachNominationDocumentDto,
    @UploadedFile() file: UploadedBytes | undefined,
  ): Promise<AttachmentView> {
    return this.handler.attach(context, id, dto, file);
  }

  @Get(':id/attachments')
  @ApiOperation({ summary: "A nomination's documents: name, kind, size, SHA-256, who attached them and when" })
  async list(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<AttachmentView[]> {
    return this.handler.list(await this.handler.readableStream(actor, id));
  }

  @Get(':id/attachments/:attachmentId/link')
  @ApiOperation({ summary: 'A time-limited download link (presigned, ATTACHMENT_LINK_SECONDS, 5 minutes by default) for one document' })
  async link(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('attachmentId') attachmentId: string): Promise<DownloadLink> {
    return this.handler.link(await this.handler.readableStream(actor, id), attachmentId);
  }
}
