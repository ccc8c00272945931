import { Controller, Get, Inject, Injectable, Module, NotFoundException, OnModuleDestroy, OnModuleInit, Param, Type } from '@nestjs/common';
import { ClientKafka, MessagePattern, Payload } from '@nestjs/microservices';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { firstValueFrom, timeout } from 'rxjs';
import { Roles } from '@nangsuat/auth';
import { SERVICE_CONFIG, ServiceConfig } from '../config/service-config';
import { echoTopic, KafkaAdmin, SERVICES } from '../health/kafka-admin';

/**
 * Operators' proof that two services really talk over Kafka: GET /diagnostics/kafka-echo/:target
 * sends a request to the target service's echo topic and waits for its reply on the reply topic.
 */

export interface EchoReply {
  readonly from: string;
  readonly to: string;
  readonly nonce: string;
  readonly repliedAt: string;
}

@Injectable()
class EchoClient implements OnModuleInit, OnModuleDestroy {
  readonly client: ClientKafka;

  constructor(@Inject(SERVICE_CONFIG) config: ServiceConfig, private readonly admin: KafkaAdmin) {
    this.client = new ClientKafka({
      client: { clientId: `nangsuat-${config.SERVICE}-echo`, brokers: config.KAFKA_BROKERS, logLevel: 1 },
      consumer: { groupId: `nangsuat-${config.SERVICE}-echo-client` },
      postfixId: '',
    });
    for (const s of SERVICES) this.client.subscribeToResponseOf(echoTopic(s));
  }

  async onModuleInit(): Promise<void> {
    // Reply topics must exist before the client subscribes, or its first request finds no assignment.
    await this.admin.platformTopicsReady();
    await this.client.connect();
  }

  async onModuleDestroy(): Promise<void> {
    await this.client.close();
  }
}

export function kafkaEchoModule(service: string): Type<unknown> {
  @ApiTags('operations')
  @ApiBearerAuth()
  @Controller('diagnostics')
  class KafkaEchoController {
    constructor(private readonly echo: EchoClient) {}

    @MessagePattern(echoTopic(service))
    reply(@Payload() request: { from: string; nonce: string }): EchoReply {
      return { from: service, to: request.from, nonce: request.nonce, repliedAt: new Date().toISOString() };
    }

    @Get('kafka-echo/:target')
    @Roles('province-admin', 'auditor')
    @ApiOperation({ summary: 'Round trip over Kafka to another service (request topic → reply topic)' })
    async send(@Param('target') target: string): Promise<EchoReply & { roundTripMs: number }> {
      if (!(SERVICES as readonly string[]).includes(target)) {
        throw new NotFoundException(`Unknown service "${target}"; known services: ${SERVICES.join(', ')}.`);
      }
      const nonce = Math.random().toString(36).slice(2);
      const started = performance.now();
      const reply = await firstValueFrom(
        this.echo.client.send<EchoReply>(echoTopic(target), { from: service, nonce }).pipe(timeout(20_000)),
      );
      return { ...reply, roundTripMs: Math.round(performance.now() - started) };
    }
  }

  @Module({ controllers: [KafkaEchoController], providers: [EchoClient] })
  class KafkaEchoModule {}
  return KafkaEchoModule;
}
