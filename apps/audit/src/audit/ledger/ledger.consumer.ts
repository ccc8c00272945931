import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';
import { IdempotentConsumer, IdempotentConsumerFactory, eventsTopic } from '@nangsuat/messaging';
import { IngestEventHandler } from './ingest-event.handler';

/**
 * The live feed of the ledger: every context's events topic, consumed by the hybrid app's Kafka
 * server (consumer group `nangsuat-audit`, from the beginning on its first start — which is also the
 * initial backfill) through the platform's idempotent consumer (retries, dead-letter topic).
 */
@Controller()
export class LedgerConsumer {
  private readonly consumer: IdempotentConsumer;

  constructor(factory: IdempotentConsumerFactory, private readonly ingest: IngestEventHandler) {
    this.consumer = factory.create('audit.ledger');
  }

  @EventPattern(eventsTopic('plans'))
  plans(@Ctx() ctx: KafkaContext): Promise<unknown> {
    return this.handle('plans', ctx);
  }

  @EventPattern(eventsTopic('support-programs'))
  supportPrograms(@Ctx() ctx: KafkaContext): Promise<unknown> {
    return this.handle('support-programs', ctx);
  }

  @EventPattern(eventsTopic('training'))
  training(@Ctx() ctx: KafkaContext): Promise<unknown> {
    return this.handle('training', ctx);
  }

  @EventPattern(eventsTopic('awards'))
  awards(@Ctx() ctx: KafkaContext): Promise<unknown> {
    return this.handle('awards', ctx);
  }

  private handle(context: string, ctx: KafkaContext): Promise<unknown> {
    return this.consumer.handleKafkaContext(ctx, async (event) => {
      await this.ingest.ingest(context, event, 'kafka');
    });
  }
}
