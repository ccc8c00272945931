import { RecordAttachmentRoutes } from '@nangsuat/attachments';
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
export class CertificationAttachmentsController extends RecordAttachmentRoutes({
  path: 'certifications',
  tag: 'expert certification',
  record: 'a certification',
  documents: 'application, evidence, certificate',
  writers: CERTIFICATION_DOCUMENT_WRITERS,
  dto: AttachCertificationDocumentDto,
  rules: CertificationAttachmentsHandler,
}) {}
