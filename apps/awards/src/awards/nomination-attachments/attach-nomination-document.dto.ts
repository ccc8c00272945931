import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { AttachedFileFields } from '@nangsuat/attachments';

export const NOMINATION_DOCUMENT_PURPOSES = ['nomination', 'evidence', 'decision'] as const;
export type NominationDocumentPurpose = (typeof NOMINATION_DOCUMENT_PURPOSES)[number];

/** The form fields sent beside the file (multipart/form-data, the file in the part "file"). */
export class AttachNominationDocumentDto extends AttachedFileFields {
  @ApiProperty({
    enum: NOMINATION_DOCUMENT_PURPOSES,
    description: "'nomination': the nomination dossier (tờ trình, báo cáo thành tích); 'evidence': what it rests on; 'decision': the signed award decision (Quyết định khen thưởng), once the council has decided",
  })
  @IsIn(NOMINATION_DOCUMENT_PURPOSES, { message: `purpose must be one of: ${NOMINATION_DOCUMENT_PURPOSES.join(', ')}` })
  purpose: NominationDocumentPurpose;
}
