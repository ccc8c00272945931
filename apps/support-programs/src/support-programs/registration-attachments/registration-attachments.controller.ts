import { Body, Controller, Get, Param, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@nangsuat/auth';
import { AttachmentView, DownloadLink, FileUploadInterceptor, UploadedBytes } from '@nangsuat/attachments';
import type { Actor } from '@nangsuat/event-sourcing';
import { IMPLEMENTERS } from '../common/roles';
import { CommandDocs } from '../common/http';
import { AttachRegistrationDocumentDto } from './attach-registration-document.dto';
import { RegistrationAttachmentsHandler } from './registration-attachments.handler';
import { CommandContext, CurrentCommand } from '@nangsuat/service-runtime';

/**
 * Documents of a pilot-model registration: the application and the evidence of its outcome. The
 * enterprise itself or the officers running the programme attach them; whoever may read the
 * registration lists them and gets a time-limited download link.
 */
@ApiTags('registrations')
@ApiBearerAuth()
@Controller('registrations')
export class RegistrationAttachmentsController {
  constructor(private readonly handler: RegistrationAttachmentsHandler) {}

  @Post(':id/attachments')
  @Roles(...IMPLEMENTERS)
  @UseInterceptors(FileUploadInterceptor)
  @CommandDocs()
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: AttachRegistrationDocumentDto })
  @ApiOperation({ summary: 'Attach a document (application, evidence) to a registration; its SHA-256 goes into the event' })
  async attach(
    @CurrentCommand() context: CommandContext,
    @Param('id') id: string,
    @Body() dto: AttachRegistrationDocumentDto,
    @UploadedFile() file: UploadedBytes | undefined,
  ): Promise<AttachmentView> {
    return this.handler.attach(context, id, dto, file);
  }

  @Get(':id/attachments')
  @ApiOperation({ summary: "A registration's documents: name, kind, size, SHA-256, who attached them and when" })
  async list(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<AttachmentView[]> {
    return this.handler.list(await this.handler.readableStream(actor, id));
  }

  @Get(':id/attachments/:attachmentId/link')
  @ApiOperation({ summary: 'A time-limited download link (presigned, ATTACHMENT_LINK_SECONDS, 5 minutes by default) for one document' })
  async link(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('attachmentId') attachmentId: string): Promise<DownloadLink> {
    return this.handler.link(await this.handler.readableStream(actor, id), attachmentId);
  }
}
