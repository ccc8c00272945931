import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { Text } from '@nangsuat/service-runtime';

export const REGISTRATION_DOCUMENT_PURPOSES = ['application', 'evidence'] as const;
export type RegistrationDocumentPurpose = (typeof REGISTRATION_DOCUMENT_PURPOSES)[number];

/** The form fields sent beside the file (multipart/form-data, the file in the part "file"). */
export class AttachRegistrationDocumentDto {
  @ApiProperty({ enum: REGISTRATION_DOCUMENT_PURPOSES, description: "'application': the signed application (hồ sơ đăng ký); 'evidence': evidence of the pilot model's outcome" })
  @IsIn(REGISTRATION_DOCUMENT_PURPOSES, { message: `purpose must be one of: ${REGISTRATION_DOCUMENT_PURPOSES.join(', ')}` })
  purpose: RegistrationDocumentPurpose;

  @ApiPropertyOptional({ example: 'Biên bản nghiệm thu số 12/BB-VHXH', maxLength: 300 })
  @IsOptional() @Text(300)
  title?: string;

  @ApiPropertyOptional({ example: 'bien-ban-nghiem-thu.pdf', maxLength: 255, description: "The file's name, when the multipart part carries none or an unreadable one" })
  @IsOptional() @Text(255)
  name?: string;

  @ApiProperty({ type: 'string', format: 'binary', description: 'The document: PDF, PNG, JPEG, Word (.docx) or Excel (.xlsx), checked by content; at most ATTACHMENT_MAX_BYTES (20 MB by default)' })
  file?: unknown;
}
