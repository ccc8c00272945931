import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { AttachedFileFields } from '@nangsuat/attachments';

export const REGISTRATION_DOCUMENT_PURPOSES = ['application', 'evidence'] as const;
export type RegistrationDocumentPurpose = (typeof REGISTRATION_DOCUMENT_PURPOSES)[number];

/** The form fields sent beside the file (multipart/form-data, the file in the part "file"). */
export class AttachRegistrationDocumentDto extends AttachedFileFields {
  @ApiProperty({ enum: REGISTRATION_DOCUMENT_PURPOSES, description: "'application': the signed application (hồ sơ đăng ký); 'evidence': evidence of the pilot model's outcome" })
  @IsIn(REGISTRATION_DOCUMENT_PURPOSES, { message: `purpose must be one of: ${REGISTRATION_DOCUMENT_PURPOSES.join(', ')}` })
  purpose: RegistrationDocumentPurpose;
}
