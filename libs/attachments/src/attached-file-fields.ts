import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { Text } from '@nangsuat/service-runtime';

/**
 * The form fields every record's document is sent with (multipart/form-data, the file in the part
 * "file"), beside the `purpose` each record's DTO declares.
 */
export class AttachedFileFields {
  @ApiPropertyOptional({ example: 'Biên bản nghiệm thu số 12/BB-VHXH', maxLength: 300 })
  @IsOptional() @Text(300)
  title?: string;

  @ApiPropertyOptional({ example: 'bien-ban-nghiem-thu.pdf', maxLength: 255, description: "The file's name, when the multipart part carries none or an unreadable one" })
  @IsOptional() @Text(255)
  name?: string;

  @ApiProperty({ type: 'string', format: 'binary', description: 'The document: PDF, PNG, JPEG, Word (.docx) or Excel (.xlsx), checked by content; at most ATTACHMENT_MAX_BYTES (20 MB by default)' })
  file?: unknown;
}
