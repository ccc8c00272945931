import { Body, Controller, Get, Param, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessPolicy, CurrentActor, Roles } from '@nangsuat/auth';
import { AttachmentView, DownloadLink, FileUploadInterceptor, RecordAttachments, UploadedBytes } from '@nangsuat/attachments';
import { Actor, DomainRuleViolation } from '@nangsuat/event-sourcing';
import { planStreamId, PlanState } from '@nangsuat/contracts/plans';
import { PlanCommands } from '../plan-commands';
import { PLAN_WRITERS } from '../plan-roles';
import { AttachPlanDocumentDto } from './attach-document.dto';
import { CommandContext, CurrentCommand } from '@nangsuat/service-runtime';

/**
 * The documents behind a plan: the signed plan and the documents of its amendments. Attaching is for
 * those who may write the plan; listing and downloading for those who may read it (drafts: the
 * issuing unit's subtree; issued plans are public documents, as in GET /plans/:planId).
 */
@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans')
export class PlanAttachmentsController {
  constructor(
    private readonly plans: PlanCommands,
    private readonly attachments: RecordAttachments,
    private readonly access: AccessPolicy,
  ) {}

  @Post(':planId/attachments')
  @Roles(...PLAN_WRITERS)
  @UseInterceptors(FileUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: AttachPlanDocumentDto })
  @ApiOperation({ summary: "Attach a document (the signed plan, an amendment's document) to a plan; its SHA-256 goes into the event" })
  async attach(
    @CurrentCommand() context: CommandContext,
    @Param('planId') planId: string,
    @Body() dto: AttachPlanDocumentDto,
    @UploadedFile() file: UploadedBytes | undefined,
  ): Promise<AttachmentView> {
    const { state } = await this.plans.load(planId);
    const unit = state.content!.issuingUnit;
    this.access.assertCanWrite(context.actor, unit);
    const planVersion = this.checkVersion(state, dto);
    return this.attachments.attach(context, {
      context: 'plans',
      record: { recordType: 'plan', recordId: planId, recordStreamId: planStreamId(planId), unitCode: unit },
      purpose: dto.purpose,
      ...(planVersion !== undefined ? { planVersion } : {}),
      ...(dto.title ? { title: dto.title } : {}),
      ...(dto.name ? { name: dto.name } : {}),
      file,
    });
  }

  @Get(':planId/attachments')
  @ApiOperation({ summary: "A plan's documents: name, kind, size, SHA-256, who attached them and when" })
  async list(@CurrentActor() actor: Actor, @Param('planId') planId: string): Promise<AttachmentView[]> {
    await this.readable(actor, planId);
    return this.attachments.list(planStreamId(planId));
  }

  @Get(':planId/attachments/:attachmentId/link')
  @ApiOperation({ summary: 'A time-limited download link (presigned, ATTACHMENT_LINK_SECONDS, 5 minutes by default) for one document' })
  async link(@CurrentActor() actor: Actor, @Param('planId') planId: string, @Param('attachmentId') attachmentId: string): Promise<DownloadLink> {
    await this.readable(actor, planId);
    return this.attachments.link(planStreamId(planId), attachmentId);
  }

  private async readable(actor: Actor, planId: string): Promise<void> {
    const { state } = await this.plans.load(planId);
    if (state.status === 'draft') this.access.assertCanRead(actor, state.content!.issuingUnit);
  }

  private checkVersion(state: PlanState, dto: AttachPlanDocumentDto): number | undefined {
    if (dto.purpose === 'amendment') {
      if (dto.planVersion === undefined) {
        throw new DomainRuleViolation("An amendment's document needs planVersion: the plan version the amendment made (2 for the first amendment).", 'invalid-value', { field: 'planVersion' });
      }
      const amended = state.versions.find((v) => v.version === dto.planVersion);
      if (!amended || dto.planVersion < 2) {
        const made = state.versions.filter((v) => v.version >= 2).map((v) => v.version);
        throw new DomainRuleViolation(
          `Plan version ${dto.planVersion} was not made by an amendment (${made.length ? `amended versions: ${made.join(', ')}` : 'the plan has not been amended'}).`,
          'unknown-version',
          { field: 'planVersion' },
        );
      }
      return dto.planVersion;
    }
    if (dto.planVersion !== undefined && !state.versions.some((v) => v.version === dto.planVersion)) {
      throw new DomainRuleViolation(`The plan has no version ${dto.planVersion}.`, 'unknown-version', { field: 'planVersion' });
    }
    return dto.planVersion;
  }
}
