import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '@nangsuat/auth';
import { AttachmentView, RecordAttachments, RecordDocumentRules, UploadedBytes } from '@nangsuat/attachments';
import { Actor, DomainRuleViolation } from '@nangsuat/event-sourcing';
import { CommandContext } from '@nangsuat/service-runtime';
import { PlanState, planStreamId } from '@nangsuat/contracts/plans';
import { PlanCommands } from '../plan-commands';
import { AttachPlanDocumentDto } from './attach-document.dto';

/**
 * The documents behind a plan: the signed plan and the documents of its amendments. Attaching is for
 * those who may write the plan; listing and downloading for those who may read it (drafts: the
 * issuing unit's subtree; issued plans are public documents, as in GET /plans/:planId).
 */
@Injectable()
export class AttachPlanDocumentHandler implements RecordDocumentRules<AttachPlanDocumentDto> {
  constructor(
    private readonly plans: PlanCommands,
    private readonly attachments: RecordAttachments,
    private readonly access: AccessPolicy,
  ) {}

  async attach(context: CommandContext, planId: string, dto: AttachPlanDocumentDto, file: UploadedBytes | undefined): Promise<AttachmentView> {
    const { state } = await this.plans.load(planId);
    const unit = state.content!.issuingUnit;
    this.access.assertCanWrite(context.actor, unit);
    const planVersion = versionAttachedTo(state, dto);
    return this.attachments.attach(context, {
      context: 'plans',
      record: { recordType: 'plan', recordId: planId, recordStreamId: planStreamId(planId), unitCode: unit },
      purpose: dto.purpose,
      ...(planVersion !== undefined ? { planVersion } : {}),
      title: dto.title,
      name: dto.name,
      file,
    });
  }

  /** The stream of a plan the actor may read (its documents are read through the attachments' own views). */
  async readableStream(actor: Actor, planId: string): Promise<string> {
    const { state } = await this.plans.load(planId);
    if (state.status === 'draft') this.access.assertCanRead(actor, state.content!.issuingUnit);
    return planStreamId(planId);
  }

}

/** The plan version a document belongs to: an amendment's document names the version the amendment made. */
function versionAttachedTo(state: PlanState, dto: AttachPlanDocumentDto): number | undefined {
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
