import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';
import type { RecordedEvent } from '@nangsuat/event-sourcing';
import { eventsTopic, IdempotentConsumer, IdempotentConsumerFactory } from '@nangsuat/messaging';
import { isPlansTopic, mapAchievementToContribution, mapEventToContribution, sourceServiceOfTopic, UnmappableEvent } from '@nangsuat/contracts/plans';
import { ContributionStore } from './contribution-store';

/** Consumer name: processed event ids are remembered under it. */
export const CONTRIBUTIONS_CONSUMER = 'plans.contributions';

/**
 * Feeds the progress projection: the counted facts of support-programs, training and awards, and the
 * recorded achievements verified in this service, become
 * contributions (idempotent consumer — a redelivered event changes nothing; what cannot be mapped
 * goes to `<topic>.dlq` with the reason, and the consumer carries on).
 */
@Controller()
export class ContributionsConsumer {
  private readonly logger = new Logger('contributions');
  private readonly consumer: IdempotentConsumer;

  constructor(
    consumers: IdempotentConsumerFactory,
    private readonly store: ContributionStore,
  ) {
    this.consumer = consumers.create(CONTRIBUTIONS_CONSUMER);
  }

  @EventPattern(eventsTopic('support-programs'))
  onSupportPrograms(@Ctx() ctx: KafkaContext): Promise<unknown> {
    return this.consume(ctx);
  }

  @EventPattern(eventsTopic('training'))
  onTraining(@Ctx() ctx: KafkaContext): Promise<unknown> {
    return this.consume(ctx);
  }

  @EventPattern(eventsTopic('awards'))
  onAwards(@Ctx() ctx: KafkaContext): Promise<unknown> {
    return this.consume(ctx);
  }

  /** The plans service's own topic: verified and withdrawn recorded achievements (the read models consume it too). */
  @EventPattern(eventsTopic('plans'))
  onPlans(@Ctx() ctx: KafkaContext): Promise<unknown> {
    return this.consume(ctx);
  }

  private consume(ctx: KafkaContext): Promise<unknown> {
    return this.consumer.handleKafkaContext(ctx, (event, c) => this.ingest(event, c.topic));
  }

  /** One event: store its contribution, note why it does not count, or refuse it (→ dead-letter topic). */
  async ingest(event: RecordedEvent, topic: string): Promise<void> {
    const service = sourceServiceOfTopic(topic) ?? (isPlansTopic(topic) ? ('plans' as const) : undefined);
    if (!service) return;
    const result = service === 'plans' ? mapAchievementToContribution(event) : mapEventToContribution(event, service);
    switch (result.outcome) {
      case 'contribution':
        await this.store.save(result.contribution);
        return;
      case 'not-counted':
        await this.store.saveNotCounted({
          _id: event.id,
          eventType: event.type,
          reason: result.reason,
          sourceService: service,
          unit: (event.data as { unitCode?: unknown })?.unitCode,
          occurredAt: event.occurredAt,
        });
        return;
      case 'irrelevant':
        return;
      case 'unmappable':
        this.logger.warn(`event ${event.id} (${event.type}) from ${topic} cannot be counted: ${result.reason}`);
        throw new UnmappableEvent(event.id, event.type, result.reason);
    }
  }
}
