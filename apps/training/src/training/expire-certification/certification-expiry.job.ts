import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DomainError } from '@nangsuat/event-sourcing';
import { Clock, CommandContext, CommandRunner } from '@nangsuat/service-runtime';
import { CERTIFICATIONS_COLLECTION, certificationViewDecider } from '../certifications/certification-view';
import { certificationStreamId, vietnamDate } from '@nangsuat/contracts/training';
import { READ_MODEL_STORE, ReadModelStore } from '@nangsuat/read-models';

/** The actor the scheduler's events carry. */
export const EXPIRY_JOB_ACTOR = { id: 'system:certification-expiry', username: 'training-certification-expiry', unit: 'VN', roles: ['service'] };

/**
 * Sends ExpireCertification for every certified application whose validTo is before today (Vietnam),
 * found in the `training.certifications` read model. Runs every CERTIFICATION_EXPIRY_INTERVAL_MS
 * (default 1 hour; 0 disables it); off under jest (NODE_ENV=test) unless the variable is set.
 * The timer is unref'd so it never keeps the process alive. Several replicas may run it: the
 * command id `expire-<certificationId>` makes the second expiry a no-op, and the decider refuses
 * an expiry of anything not certified.
 */
@Injectable()
export class CertificationExpiryJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('CertificationExpiry');
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    private readonly runner: CommandRunner,
    private readonly clock: Clock,
  ) {}

  static intervalMs(env: NodeJS.ProcessEnv = process.env): number {
    const configured = env.CERTIFICATION_EXPIRY_INTERVAL_MS;
    if (configured !== undefined && configured !== '') {
      const ms = Number(configured);
      return Number.isFinite(ms) && ms > 0 ? ms : 0;
    }
    return env.NODE_ENV === 'test' ? 0 : 3_600_000;
  }

  onApplicationBootstrap(): void {
    const every = CertificationExpiryJob.intervalMs();
    if (every === 0) return;
    this.timer = setInterval(() => void this.runOnce().catch((e) => this.logger.error(`expiry run failed: ${(e as Error).message}`)), every);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** One pass; returns the number of certifications expired. Concurrent calls share a pass. */
  runOnce(): Promise<number> {
    this.running ??= this.pass().finally(() => (this.running = undefined));
    return this.running;
  }

  private async pass(): Promise<number> {
    const now = this.clock.nowIso();
    const today = vietnamDate(now);
    const due = await this.readModels
      .collection(CERTIFICATIONS_COLLECTION)
      .find({ status: 'certified', validTo: { $lt: today } }, { projection: { _id: 0, certificationId: 1, unitCode: 1, validTo: 1 } })
      .toArray();
    let expired = 0;
    for (const doc of due) {
      try {
        const context = CommandContext.system(EXPIRY_JOB_ACTOR, this.clock.now(), { commandId: `expire-${doc.certificationId}` });
        const result = await this.runner.run(certificationStreamId(doc.certificationId), certificationViewDecider, { type: 'ExpireCertification', now }, context, {
          unit: doc.unitCode,
          reason: `validity ended on ${doc.validTo}`,
        });
        if (result.events.length > 0 && !result.duplicate) expired++;
      } catch (error) {
        // Renewed or revoked since the read model saw it: nothing to do.
        if (!(error instanceof DomainError)) throw error;
      }
    }
    if (expired > 0) this.logger.log(`expired ${expired} certification(s) whose validity ended before ${today}`);
    return expired;
  }
}
