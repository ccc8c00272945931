import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { Text } from '@nangsuat/service-runtime';

export const NOMINATION_DOCUMENT_PURPOSES = ['nomination', 'evidence', 'decision'] as const;
export type NominationDocumentPurpose = (typeof NOMINATION_DOCUMENT_PURPOSES)[number];

/** The form fields sent beside the file (multipart/form-data, the file in the part "file"). */
export class AttachNominationDocumentDto {
  @ApiProperty({
    enum: NOMINATION_DOCUMENT_PURPOSES,
    description: "'nomination': the nomination dossier (tờ trình, báo cáo thành tích); 'evidence': what it rests on; 'decision': the signed award decision (Quyết định khen thưởng), once the council has decided",
  })
  @IsIn(NOMINATION_DOCUMENT_PURPOSES, { message: `purpose must be one of: ${NOMINATION_DOCUMENT_PURPOSES.join(', ')}` })
  purpose: NominationDocumentPurpose;

  @ApiPropertyOptional({ example: 'Quyết định số 1234/QĐ-UBND', maxLength: 300 })
  @IsOptional() @Text(300)
  title?: string;

  @ApiPropertyOptional({ example: 'quyet-dinh-khen-thuong.pdf', maxLength: 255, description: "The file's name, when the multipart part carries none or an unreadable one" })
  @IsOptional() @Text(255)
  name?: string;

  @ApiProperty({ type: 'string', format: 'binary', description: 'The document: PDF, PNG, JPEG, Word (.docx) or Excel (.xlsx), checked by content; at most ATTACHMENT_MAX_BYTES (20 MB by default)' })
  file?: unknown;
}
