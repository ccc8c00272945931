import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { Text } from '@nangsuat/service-runtime';

export const CERTIFICATION_DOCUMENT_PURPOSES = ['application', 'evidence', 'certificate'] as const;
export type CertificationDocumentPurpose = (typeof CERTIFICATION_DOCUMENT_PURPOSES)[number];

/** The form fields sent beside the file (multipart/form-data, the file in the part "file"). */
export class AttachCertificationDocumentDto {
  @ApiProperty({
    enum: CERTIFICATION_DOCUMENT_PURPOSES,
    description: "'application': the signed application (đơn đề nghị); 'evidence': what the certification rests on (diplomas, consulting records); 'certificate': the certificate or the decision granting it",
  })
  @IsIn(CERTIFICATION_DOCUMENT_PURPOSES, { message: `purpose must be one of: ${CERTIFICATION_DOCUMENT_PURPOSES.join(', ')}` })
  purpose: CertificationDocumentPurpose;

  @ApiPropertyOptional({ example: 'Bằng thạc sĩ quản trị kinh doanh', maxLength: 300 })
  @IsOptional() @Text(300)
  title?: string;

  @ApiPropertyOptional({ example: 'bang-thac-si.pdf', maxLength: 255, description: "The file's name, when the multipart part carries none or an unreadable one" })
  @IsOptional() @Text(255)
  name?: string;

  @ApiProperty({ type: 'string', format: 'binary', description: 'The document: PDF, PNG, JPEG, Word (.docx) or Excel (.xlsx), checked by content; at most ATTACHMENT_MAX_BYTES (20 MB by default)' })
  file?: unknown;
}
