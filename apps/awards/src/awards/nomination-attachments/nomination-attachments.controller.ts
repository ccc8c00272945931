import { RecordAttachmentRoutes } from '@nangsuat/attachments';
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
export class NominationAttachmentsController extends RecordAttachmentRoutes({
  path: 'nominations',
  tag: 'nominations',
  record: 'a nomination',
  documents: 'dossier, evidence, the award decision',
  writers: NOMINATION_DOCUMENT_WRITERS,
  dto: AttachNominationDocumentDto,
  rules: NominationAttachmentsHandler,
}) {}
