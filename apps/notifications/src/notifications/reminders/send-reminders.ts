import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { toVietnamDate } from '@nangsuat/vietnamese';
import { dueReminders } from '../domain/rules';
import { DeliverNotices } from '../delivery/deliver-notices';
import { NotificationStore } from '../delivery/notification-store';

/**
 * Scheduled reminders: reporting deadlines (14 and 3 days ahead, and once passed), certifications
 * (60 and 30 days before they expire), registrations waiting for review more than 7 days, council
 * members who have not scored a nomination 7 days after its evaluation started. Run every
 * REMINDER_INTERVAL_MINUTES (60 by default; 0 switches the timer off) for today in Vietnam, and on
 * request for a given day. Each reminder goes to a person once, however often the run repeats.
 */
@Injectable()
export class SendReminders implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Reminders');
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly store: NotificationStore,
    private readonly delivery: DeliverNotices,
  ) {}

  onModuleInit(): void {
    const minutes = Number(process.env.REMINDER_INTERVAL_MINUTES ?? 60);
    if (!Number.isFinite(minutes) || minutes <= 0) return;
    this.timer = setInterval(() => void this.run().catch((e) => this.logger.warn(`reminder run failed: ${(e as Error).message}`)), minutes * 60_000);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Sends what is due on `day` (yyyy-mm-dd, default today in Vietnam); returns the reminders considered and the inbox entries made. */
  async run(day: string = toVietnamDate(new Date())): Promise<{ day: string; due: number; delivered: number }> {
    const [periods, certifications, registrations, nominations] = await Promise.all([
      this.store.periods.find({ status: { $in: ['open', 'returned'] } }).toArray(),
      this.store.certifications.find({ status: 'valid' }).toArray(),
      this.store.registrations.find({ status: 'submitted' }).toArray(),
      this.store.nominations.find({ status: 'evaluating' }).toArray(),
    ]);
    const notices = dueReminders(day, { periods, certifications, registrations, nominations });
    const delivered = await this.delivery.deliver(notices);
    if (delivered > 0) this.logger.log(`${day}: ${delivered} reminder(s) delivered`);
    return { day, due: notices.length, delivered };
  }
}
