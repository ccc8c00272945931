import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { AuditorOnly } from '../common/auditor-only';
import { VerifyStreamHandler } from './verify-stream.handler';

@Controller('audit/streams')
@AuditorOnly()
export class VerifyStreamController {
  constructor(private readonly handler: VerifyStreamHandler) {}

  @Get(':streamId/verify')
  @ApiOperation({ summary: "Re-verify the ledger's copy of a stream's hash chain now, with the anomalies flagged on arrival" })
  verify(@Param('streamId') streamId: string) {
    return this.handler.handle(streamId);
  }
}
