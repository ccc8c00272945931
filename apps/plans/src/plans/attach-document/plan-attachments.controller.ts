import { RecordAttachmentRoutes } from '@nangsuat/attachments';
import { PLAN_WRITERS } from '../plan-roles';
import { AttachPlanDocumentDto } from './attach-document.dto';
import { AttachPlanDocumentHandler } from './attach-document.handler';

/** A plan's documents: the signed plan and each amendment's document, attached by its writers, read by whoever may read the plan. */
export class PlanAttachmentsController extends RecordAttachmentRoutes({
  path: 'plans',
  tag: 'plans',
  record: 'a plan',
  documents: "the signed plan, an amendment's document",
  writers: PLAN_WRITERS,
  dto: AttachPlanDocumentDto,
  rules: AttachPlanDocumentHandler,
}) {}
