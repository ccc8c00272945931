import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '@nangsuat/auth';
import { Actor, NotFound } from '@nangsuat/event-sourcing';
import type { Request } from 'express';
import { CommandRunner, ID_PATTERN } from '@nangsuat/service-runtime';
import { TrainingClock } from '../common/clock';
import { CertificationCommand, certificationStreamId, vietnamDate } from '@nangsuat/contracts/training';
import { certificationView, certificationViewDecider, CertificationViewState } from './certification-view';

const ID = ID_PATTERN;

/** Loads certifications (404, scope) and runs commands on them; every response is the current view. */
@Injectable()
export class CertificationCommands {
  constructor(
    private readonly runner: CommandRunner,
    private readonly access: AccessPolicy,
    private readonly clock: TrainingClock,
  ) {}

  async get(certificationId: string): Promise<{ view: CertificationViewState; version: number; unitCode: string }> {
    if (!ID.test(certificationId)) throw new NotFound(`Certification ${JSON.stringify(certificationId)} does not exist.`);
    const { state, version } = await this.runner.load(certificationStreamId(certificationId), certificationViewDecider);
    if (state.cert.status === 'none' || !state.cert.ref) throw new NotFound(`Certification application ${certificationId} does not exist.`, { certificationId });
    return { view: state, version, unitCode: state.cert.ref.unitCode };
  }

  async run(req: Request, actor: Actor, certificationId: string, command: CertificationCommand, reason?: string) {
    const { unitCode } = await this.get(certificationId);
    this.access.assertCanWrite(actor, unitCode);
    const result = await this.runner.run(req, actor, certificationStreamId(certificationId), certificationViewDecider, command, { unit: unitCode, reason });
    return { ...this.present(result.state, result.version), duplicate: result.duplicate };
  }

  present(view: CertificationViewState, version: number) {
    return certificationView(view, version, vietnamDate(this.clock.nowIso()));
  }
}
