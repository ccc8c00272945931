import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';
import { BoundedNumber } from '@nangsuat/service-runtime';
import { AttachedFileFields } from '@nangsuat/attachments';

export const PLAN_DOCUMENT_PURPOSES = ['plan-document', 'amendment'] as const;
export type PlanDocumentPurpose = (typeof PLAN_DOCUMENT_PURPOSES)[number];

/** The form fields sent beside the file (multipart/form-data, the file in the part "file"). */
export class AttachPlanDocumentDto extends AttachedFileFields {
  @ApiProperty({ enum: PLAN_DOCUMENT_PURPOSES, description: "'plan-document': the signed plan (Kế hoạch); 'amendment': the document of an amendment (give planVersion)" })
  @IsIn(PLAN_DOCUMENT_PURPOSES, { message: `purpose must be one of: ${PLAN_DOCUMENT_PURPOSES.join(', ')}` })
  purpose: PlanDocumentPurpose;

  @ApiPropertyOptional({ example: 2, minimum: 1, maximum: 100000, description: 'For an amendment: the plan version it made (2 for the first amendment); for the plan itself, the version the document is of' })
  @IsOptional() @Type(() => Number) @BoundedNumber(1, 100_000, { integer: true })
  planVersion?: number;
}
