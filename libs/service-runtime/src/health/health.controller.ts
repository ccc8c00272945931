import { Controller, Get, HttpStatus, Inject, Optional, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectConnection } from '@nestjs/mongoose';
import type { Response } from 'express';
import type { Connection } from 'mongoose';
import { READ_MODEL_STORE, ReadModelStore } from '@nangsuat/read-models';
import { Public, Roles } from '@nangsuat/auth';
import { EVENT_STORE, EventStore, PostgresEventStore } from '@nangsuat/event-store';
import { SERVICE_CONFIG, ServiceConfig } from '../config/service-config';
import { KafkaAdmin } from './kafka-admin';

type Check = { status: 'up' | 'down'; latencyMs: number; detail?: string };

async function timed(probe: () => Promise<unknown>): Promise<Check> {
  const started = performance.now();
  try {
    const detail = await probe();
    return { status: 'up', latencyMs: Math.round(performance.now() - started), ...(detail ? { detail: String(detail) } : {}) };
  } catch (e) {
    return { status: 'down', latencyMs: Math.round(performance.now() - started), detail: e instanceof Error ? e.message : 'unreachable' };
  }
}

/**
 * Something an operator should know that does not make the service unready: the audit service's
 * open integrity anomalies, for example. `degraded` turns the details' status amber.
 */
export interface HealthConcern {
  readonly name: string;
  check(): Promise<{ readonly status: 'ok' | 'degraded'; readonly detail: string }>;
}
export const HEALTH_CONCERNS = Symbol('HEALTH_CONCERNS');

/** Roles that may see the operators' view of a service's dependencies (database names, latencies, errors). */
export const HEALTH_DETAIL_ROLES = ['province-admin', 'auditor', 'service'] as const;

/**
 * Three answers: liveness for anyone (the process answers), readiness for anyone and every probe
 * (up/down of MongoDB and Kafka, 503 when one is down, nothing more), and the detailed readiness
 * for operators (database name, broker count, latencies, the error of a failing check).
 */
@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    @InjectConnection() private readonly mongo: Connection,
    private readonly kafka: KafkaAdmin,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Optional() @Inject(EVENT_STORE) private readonly eventStore?: EventStore,
    @Optional() @Inject(READ_MODEL_STORE) private readonly readModels?: ReadModelStore,
    @Optional() @Inject(HEALTH_CONCERNS) private readonly concerns: readonly HealthConcern[] = [],
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Liveness: the service answers (public; no detail)' })
  @ApiOkResponse({ description: '{ status: "ok", service }' })
  live(): { status: 'ok'; service: string } {
    return { status: 'ok', service: this.config.SERVICE };
  }

  @Get('ready')
  @Public()
  @ApiOperation({ summary: 'Readiness: MongoDB and Kafka reachable (public; 503 when one is down)' })
  @ApiOkResponse({ description: '{ status: "ready", service, checks: { mongodb: "up", kafka: "up" } }' })
  @ApiServiceUnavailableResponse({ description: '{ status: "not-ready", … } naming the check that is down' })
  async ready(@Res() res: Response): Promise<void> {
    const { up, checks } = await this.check();
    res.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json({
      status: up ? 'ready' : 'not-ready',
      service: this.config.SERVICE,
      checks: Object.fromEntries(Object.entries(checks).map(([name, c]) => [name, c.status])),
    });
  }

  @Get('details')
  @ApiBearerAuth()
  @Roles(...HEALTH_DETAIL_ROLES)
  @ApiOperation({ summary: 'Readiness for operators: database name, brokers, latencies and errors (province admins, auditors, service accounts)' })
  @ApiOkResponse({ description: '{ status, service, checks: { mongodb: { status, latencyMs, detail }, kafka: { … } } }' })
  async details(@Res() res: Response): Promise<void> {
    const { up, checks } = await this.check();
    const concerns = Object.fromEntries(
      await Promise.all(this.concerns.map(async (c) => [c.name, await c.check().catch((e: Error) => ({ status: 'degraded' as const, detail: e.message }))] as const)),
    );
    const degraded = Object.values(concerns).some((c) => c.status === 'degraded');
    res
      .status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
      .json({ status: up ? (degraded ? 'degraded' : 'ready') : 'not-ready', service: this.config.SERVICE, checks, ...(this.concerns.length ? { concerns } : {}) });
  }

  private async check(): Promise<{ up: boolean; checks: Record<string, Check> }> {
    // The event store, when it is not in the MongoDB database checked below.
    const store = this.eventStore instanceof PostgresEventStore ? this.eventStore : undefined;
    const readModels = this.readModels?.kind === 'postgres' ? this.readModels : undefined;
    const [mongodb, kafka, eventStore, readModelStore] = await Promise.all([
      timed(async () => {
        if (this.mongo.readyState !== 1 || !this.mongo.db) throw new Error('not connected');
        await this.mongo.db.command({ ping: 1 });
        return `database ${this.mongo.db.databaseName}`;
      }),
      timed(async () => `${await this.kafka.ping()} broker(s)`),
      store ? timed(async () => (await store.pool.query('SELECT 1'), `PostgreSQL schema ${store.schema}`)) : undefined,
      readModels ? timed(async () => (await readModels.ping(), 'PostgreSQL')) : undefined,
    ]);
    const checks: Record<string, Check> = { mongodb, kafka, ...(eventStore ? { eventStore } : {}), ...(readModelStore ? { readModels: readModelStore } : {}) };
    return { up: Object.values(checks).every((c) => c.status === 'up'), checks };
  }
}
