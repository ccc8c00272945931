import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectConnection } from '@nestjs/mongoose';
import type { Response } from 'express';
import type { Connection } from 'mongoose';
import { Public } from '@nangsuat/auth';
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

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    @InjectConnection() private readonly mongo: Connection,
    private readonly kafka: KafkaAdmin,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Liveness and the real state of the MongoDB and Kafka connections (503 when one is down)' })
  @ApiOkResponse({ description: '{ status, service, checks: { mongodb, kafka } }' })
  async health(@Res() res: Response): Promise<void> {
    const [mongodb, kafka] = await Promise.all([
      timed(async () => {
        if (this.mongo.readyState !== 1 || !this.mongo.db) throw new Error('not connected');
        await this.mongo.db.command({ ping: 1 });
        return `database ${this.mongo.db.databaseName}`;
      }),
      timed(async () => `${await this.kafka.ping()} broker(s)`),
    ]);
    const up = mongodb.status === 'up' && kafka.status === 'up';
    res.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json({
      status: up ? 'ok' : 'degraded',
      service: this.config.SERVICE,
      checks: { mongodb, kafka },
    });
  }
}
