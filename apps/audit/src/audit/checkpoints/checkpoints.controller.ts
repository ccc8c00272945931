import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '@nangsuat/auth';
import { AuditorOnly } from '../common/auditor-only';
import { ChainParams, CheckpointParams, ExportedCheckpointDto, ProofParams, VerifyRootParams } from './checkpoint.dto';
import { CheckpointService } from './checkpoint.service';

@Controller('audit/checkpoints')
export class CheckpointsController {
  constructor(private readonly checkpoints: CheckpointService) {}

  @Get()
  @AuditorOnly()
  @ApiOperation({ summary: 'The Merkle checkpoint of a context for a Vietnam day, with its leaf list (exportable; ?format=json downloads it)' })
  async get(@Query() q: CheckpointParams, @Res({ passthrough: true }) res: Response) {
    const checkpoint = await this.checkpoints.get(q.context, q.date);
    if (q.format === 'json') res.setHeader('Content-Disposition', `attachment; filename="checkpoint-${q.context}-${q.date}.json"`);
    return checkpoint;
  }

  @Get('verify')
  @AuditorOnly()
  @ApiOperation({
    summary: 'Re-verify a checkpoint by the root you exported: the stored leaves are used only if they hash to that root; every changed, removed, added or reordered event is named',
  })
  verifyRoot(@Query() q: VerifyRootParams) {
    return this.checkpoints.verifyRoot(q.context, q.date, q.root);
  }

  @Get('chain')
  @AuditorOnly()
  @ApiOperation({
    summary: "The chain of a context's sealed days: its head (export or print it) and the first day that no longer verifies; ?head= checks a head exported earlier",
  })
  chain(@Query() q: ChainParams) {
    return this.checkpoints.chain(q.context, q.head);
  }

  @Get('proof')
  @AuditorOnly()
  @ApiOperation({ summary: 'Inclusion proof of one event in its day checkpoint' })
  proof(@Query() q: ProofParams) {
    return this.checkpoints.proof(q.context, q.date, q.eventId);
  }

  /**
   * Auditors may not POST (the platform's guard refuses every non-GET request of a read-only role),
   * so this verifier is public, like a notary: it answers only about the events named in the posted
   * checkpoint (events present now but not in it are counted, not named). Auditors use GET /verify.
   */
  @Post('verify')
  @Public()
  @HttpCode(200)
  @ApiTags('audit')
  @ApiOperation({ summary: 'Re-verify an exported checkpoint (posted whole) against the ledger as it is now; names events changed, removed or reordered' })
  async verify(@Body() body: ExportedCheckpointDto) {
    const result = await this.checkpoints.verify(body);
    const added = result.findings.filter((f) => f.kind === 'added');
    return {
      ...result,
      findings: result.findings.filter((f) => f.kind !== 'added'),
      addedEvents: added.length,
      lateArrivals: result.lateArrivals.length,
    };
  }
}
