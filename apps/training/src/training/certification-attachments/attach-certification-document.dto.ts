import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { AttachedFileFields } from '@nangsuat/attachments';

export const CERTIFICATION_DOCUMENT_PURPOSES = ['application', 'evidence', 'certificate'] as const;
export type CertificationDocumentPurpose = (typeof CERTIFICATION_DOCUMENT_PURPOSES)[number];

/** The form fields sent beside the file (multipart/form-data, the file in the part "file"). */
export class AttachCertificationDocumentDto extends AttachedFileFields {
  @ApiProperty({
    enum: CERTIFICATION_DOCUMENT_PURPOSES,
    description: "'application': the signed application (đơn đề nghị); 'evidence': what the certification rests on (diplomas, consulting records); 'certificate': the certificate or the decision granting it",
  })
  @IsIn(CERTIFICATION_DOCUMENT_PURPOSES, { message: `purpose must be one of: ${CERTIFICATION_DOCUMENT_PURPOSES.join(', ')}` })
  purpose: CertificationDocumentPurpose;
}
