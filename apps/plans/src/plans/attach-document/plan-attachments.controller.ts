import { Body, Controller, Get, Param, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@nangsuat/auth';
import { AttachmentView, DownloadLink, FileUploadInterceptor, UploadedBytes } from '@nangsuat/attachments';
import { Actor } from '@nangsuat/event-sourcing';
import { CommandContext, CurrentCommand } from '@nangsuat/service-runtime';
import { PLAN_WRITERS } from '../plan-roles';
import { AttachPlanDocumentDto } from './attach-document.dto';
import { AttachPlanDocumentHandler } from './attach-document.handler';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans')
export class PlanAttachmentsController {
  constructor(private readonly handler: AttachPlanDocumentHandler) {}

  @Post(':planId/attachments')
  @Roles(...PLAN_WRITERS)
  @UseInterceptors(FileUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: AttachPlanDocumentDto })
  @ApiOperation({ summary: "Attach a document (the signed plan, an amendment's document) to a plan; its SHA-256 goes into the event" })
  attach(
    @CurrentCommand() context: CommandContext,
    @Param('planId') planId: string,
    @Body() dto: AttachPlanDocumentDto,
    @UploadedFile() file: UploadedBytes | undefined,
  ): Promise<AttachmentView> {
    return this.handler.attach(context, planId, dto, file);
  }

  @Get(':planId/attachments')
  @ApiOperation({ summary: "A plan's documents: name, kind, size, SHA-256, who attached them and when" })
  async list(@CurrentActor() actor: Actor, @Param('planId') planId: string): Promise<AttachmentView[]> {
    return this.handler.list(await this.handler.readableStream(actor, planId));
  }

  @Get(':planId/attachments/:attachmentId/link')
  @ApiOperation({ summary: 'A time-limited download link (presigned, ATTACHMENT_LINK_SECONDS, 5 minutes by default) for one document' })
  async link(@CurrentActor() actor: Actor, @Param('planId') planId: string, @Param('attachmentId') attachmentId: string): Promise<DownloadLink> {
    return this.handler.link(await this.handler.readableStream(actor, planId), attachmentId);
  }
}
