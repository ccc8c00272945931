import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '@nangsuat/auth';
import { NotFound } from '@nangsuat/event-sourcing';
import { Clock, CommandContext, CommandRunner, ID_PATTERN } from '@nangsuat/service-runtime';
import { CertificationCommand, certificationStreamId, vietnamDate } from '@nangsuat/contracts/training';
import { certificationView, certificationViewDecider, CertificationViewState } from './certification-view';

const ID = ID_PATTERN;

/** Loads certifications (404, scope) and runs commands on them; every response is the current view. */
@Injectable()
export class CertificationCommands {
  constructor(
    private readonly runner: CommandRunner,
    private readonly access: AccessPolicy,
    private readonly clock: Clock,
  ) {}

  async get(certificationId: string): Promise<{ view: CertificationViewState; version: number; unitCode: string }> {
    if (!ID.test(certificationId)) throw new NotFound(`Certification ${JSON.stringify(certificationId)} does not exist.`);
    const { state, version } = await this.runner.load(certificationStreamId(certificationId), certificationViewDecider);
    if (state.cert.status === 'none' || !state.cert.ref) throw new NotFound(`Certification application ${certificationId} does not exist.`, { certificationId });
    return { view: state, version, unitCode: state.cert.ref.unitCode };
  }

  async run(context: CommandContext, certificationId: string, command: CertificationCommand, reason?: string) {
    const { unitCode } = await this.get(certificationId);
    this.access.assertCanWrite(context.actor, unitCode);
    const result = await this.runner.run(certificationStreamId(certificationId), certificationViewDecider, command, context, { unit: unitCode, reason });
    return { ...this.present(result.state, result.version), duplicate: result.duplicate };
  }

  present(view: CertificationViewState, version: number) {
    return certificationView(view, version, vietnamDate(this.clock.nowIso()));
  }
}
