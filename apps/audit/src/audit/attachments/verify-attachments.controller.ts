import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { AuditorOnly } from '../common/auditor-only';
import { RecordAttachmentsAudit, VerifyAttachmentsHandler } from './verify-attachments.handler';

@Controller('audit/streams')
@AuditorOnly()
export class VerifyAttachmentsController {
  constructor(private readonly handler: VerifyAttachmentsHandler) {}

  @Get(':streamId/attachments')
  @ApiOperation({
    summary:
      "The documents attached to a record (its stream id, e.g. plan-ninh-thuan-4009-2023): each as its event recorded it (SHA-256, size, kind, name, who, when) and whether the object in the bucket still has that hash (matches, changed, missing)",
  })
  verify(@Param('streamId') streamId: string): Promise<RecordAttachmentsAudit> {
    return this.handler.handle(streamId);
  }
}
