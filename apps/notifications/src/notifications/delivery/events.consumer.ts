import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';
import type { RecordedEvent } from '@nangsuat/event-sourcing';
import { eventsTopic, IdempotentConsumer, IdempotentConsumerFactory } from '@nangsuat/messaging';
import { noticesForEvent, vietnamDay } from '../domain/rules';
import { DeliverNotices } from './deliver-notices';
import { NotificationStore } from './notification-store';

export const NOTIFICATIONS_CONSUMER = 'notifications.events';

type Data = Record<string, any>;

/**
 * The other contexts' events: remembered as far as reminders need (periods, registrations,
 * certifications, nominations) and turned into notices for the people concerned. Redelivery is
 * harmless twice over: the consumer remembers processed event ids, and an inbox entry is keyed by
 * event and person.
 */
@Controller()
export class EventsConsumer {
  private readonly consumer: IdempotentConsumer;

  constructor(
    consumers: IdempotentConsumerFactory,
    private readonly store: NotificationStore,
    private readonly delivery: DeliverNotices,
  ) {
    this.consumer = consumers.create(NOTIFICATIONS_CONSUMER);
  }

  @EventPattern(eventsTopic('plans'))
  onPlans(@Ctx() ctx: KafkaContext): Promise<unknown> {
    return this.consumer.handleKafkaContext(ctx, (event) => this.ingest(event));
  }

  @EventPattern(eventsTopic('support-programs'))
  onSupportPrograms(@Ctx() ctx: KafkaContext): Promise<unknown> {
    return this.consumer.handleKafkaContext(ctx, (event) => this.ingest(event));
  }

  @EventPattern(eventsTopic('training'))
  onTraining(@Ctx() ctx: KafkaContext): Promise<unknown> {
    return this.consumer.handleKafkaContext(ctx, (event) => this.ingest(event));
  }

  @EventPattern(eventsTopic('awards'))
  onAwards(@Ctx() ctx: KafkaContext): Promise<unknown> {
    return this.consumer.handleKafkaContext(ctx, (event) => this.ingest(event));
  }

  /** One event: what it tells (with what was known before it), then what it changes in the tracked records. */
  async ingest(event: RecordedEvent): Promise<void> {
    const d = event.data as Data;
    const known = {
      ...(d.registrationId ? { registration: (await this.store.registrations.findOne({ _id: d.registrationId })) ?? undefined } : {}),
      ...(d.periodId ? { period: (await this.store.periods.findOne({ _id: d.periodId })) ?? undefined } : {}),
    };
    await this.track(event);
    await this.delivery.deliver(noticesForEvent(event, known));
  }

  private async track(event: RecordedEvent): Promise<void> {
    const d = event.data as Data;
    const s = this.store;
    switch (event.type) {
      case 'ReportingPeriodOpened':
        await s.periods.updateOne(
          { _id: d.periodId },
          { $setOnInsert: { planId: d.planId, unit: d.unit, year: d.year, dueDate: d.dueDate, status: 'open' } },
          { upsert: true },
        );
        return;
      case 'ReportSubmitted':
      case 'ReportResubmitted':
        await s.periods.updateOne({ _id: d.periodId }, { $set: { status: 'submitted' } });
        return;
      case 'ReportApproved':
        await s.periods.updateOne({ _id: d.periodId }, { $set: { status: 'approved' } });
        return;
      case 'ReportReturned':
        await s.periods.updateOne({ _id: d.periodId }, { $set: { status: 'returned' } });
        return;
      case 'RegistrationSubmitted':
        await s.registrations.updateOne(
          { _id: d.registrationId },
          {
            $setOnInsert: {
              enterpriseName: d.enterpriseName,
              ...(d.enterpriseAccountId ? { enterpriseAccountId: d.enterpriseAccountId } : {}),
              unitCode: d.unitCode,
              programmeUnitCode: d.programmeUnitCode,
              submittedOn: vietnamDay(d.submittedAt ?? event.occurredAt),
              status: 'submitted',
            },
          },
          { upsert: true },
        );
        return;
      case 'RegistrationReviewStarted':
        await s.registrations.updateOne({ _id: d.registrationId, status: 'submitted' }, { $set: { status: 'under-review' } });
        return;
      case 'RegistrationApproved':
      case 'RegistrationRejected':
      case 'RegistrationWithdrawn':
        await s.registrations.updateOne({ _id: d.registrationId }, { $set: { status: 'decided' } });
        return;
      case 'CertificationGranted':
      case 'CertificationRenewed':
        await s.certifications.updateOne(
          { _id: d.certificationId },
          { $set: { unitCode: d.unitCode, certificateNumber: d.certificateNumber, validTo: d.validTo, status: 'valid' } },
          { upsert: true },
        );
        return;
      case 'CertificationExpired':
      case 'CertificationRevoked':
        await s.certifications.updateOne({ _id: d.certificationId }, { $set: { status: 'ended' } });
        return;
      case 'NominationEvaluationStarted':
        await s.nominations.updateOne(
          { _id: d.nominationId },
          {
            $set: { unitCode: d.unitCode, nomineeName: d.nomineeName, councilMemberIds: d.councilMemberIds ?? [], startedOn: vietnamDay(d.startedAt ?? event.occurredAt), status: 'evaluating' },
            $setOnInsert: { evaluatedBy: [] },
          },
          { upsert: true },
        );
        return;
      case 'NominationEvaluated':
        await s.nominations.updateOne({ _id: d.nominationId }, { $addToSet: { evaluatedBy: d.memberId } });
        return;
      case 'NominationDecided':
      case 'NominationWithdrawn':
        await s.nominations.updateOne({ _id: d.nominationId }, { $set: { status: 'decided' } });
        return;
    }
  }
}
