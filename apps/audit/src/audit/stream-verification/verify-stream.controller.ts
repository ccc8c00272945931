import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { AuditorOnly } from '../common/auditor-only';
import { VerifyStreamQuery } from './verify-stream.query';

@Controller('audit/streams')
@AuditorOnly()
export class VerifyStreamController {
  constructor(private readonly query: VerifyStreamQuery) {}

  @Get(':streamId/verify')
  @ApiOperation({ summary: "Re-verify the ledger's copy of a stream's hash chain now, with the anomalies flagged on arrival" })
  verify(@Param('streamId') streamId: string) {
    return this.query.run(streamId);
  }
}
