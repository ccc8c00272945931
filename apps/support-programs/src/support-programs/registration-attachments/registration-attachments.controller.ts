import { RecordAttachmentRoutes } from '@nangsuat/attachments';
import { IMPLEMENTERS } from '../common/roles';
import { AttachRegistrationDocumentDto } from './attach-registration-document.dto';
import { RegistrationAttachmentsHandler } from './registration-attachments.handler';

/**
 * Documents of a pilot-model registration: the application and the evidence of its outcome. The
 * enterprise itself or the officers running the programme attach them; whoever may read the
 * registration lists them and gets a time-limited download link.
 */
export class RegistrationAttachmentsController extends RecordAttachmentRoutes({
  path: 'registrations',
  tag: 'registrations',
  record: 'a pilot-model registration',
  documents: 'application, evidence',
  writers: IMPLEMENTERS,
  dto: AttachRegistrationDocumentDto,
  rules: RegistrationAttachmentsHandler,
}) {}
