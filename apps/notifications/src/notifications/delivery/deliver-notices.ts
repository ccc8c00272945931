import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { Notice } from '../domain/kinds';
import { EmailPreferences } from '../preferences/email-preferences';
import { PeopleDirectory } from '../recipients/people-directory';
import { Mailer } from './mailer';
import { NotificationDocument, NotificationStore } from './notification-store';

const MAX_EMAIL_ATTEMPTS = 5;

/**
 * Addresses notices to people and emails them. The inbox entry is inserted first under a key made of
 * the notice and the person: when it already exists (the event was delivered again, the reminder
 * run again) nothing happens — no second entry, no second mail. A mail is sent by whoever inserted
 * its entry; one that failed (SMTP down) is retried later, up to 5 times. An entry marked 'sending'
 * when the process died is not resent: a person may miss a mail, never get one twice.
 */
@Injectable()
export class DeliverNotices implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('DeliverNotices');
  private retryTimer?: NodeJS.Timeout;

  constructor(
    private readonly store: NotificationStore,
    private readonly people: PeopleDirectory,
    private readonly preferences: EmailPreferences,
    private readonly mailer: Mailer,
  ) {}

  onModuleInit(): void {
    this.retryTimer = setInterval(() => void this.retryFailed().catch((e) => this.logger.warn(`retry of failed mail: ${(e as Error).message}`)), 30_000);
    this.retryTimer.unref();
  }

  onModuleDestroy(): void {
    if (this.retryTimer) clearInterval(this.retryTimer);
  }

  /** Returns how many new inbox entries were made. */
  async deliver(notices: readonly Notice[]): Promise<number> {
    let made = 0;
    for (const notice of notices) {
      const people = await this.people.resolve(notice.audience);
      for (const person of people) {
        const emailOff = await this.preferences.emailOff(person.id, notice.kind);
        const doc: NotificationDocument = {
          _id: `${notice.key}|${person.id}`,
          noticeKey: notice.key,
          userId: person.id,
          username: person.username,
          kind: notice.kind,
          title: notice.title,
          body: notice.body,
          link: notice.link,
          unit: notice.unit,
          createdAt: new Date(),
          email: emailOff ? { status: 'opted-out', attempts: 0 } : person.email ? { status: 'sending', to: person.email, attempts: 0 } : { status: 'no-address', attempts: 0 },
        };
        if (!(await this.store.addOnce(doc))) continue;
        made++;
        if (doc.email.status === 'sending') await this.sendMail(doc);
      }
    }
    return made;
  }

  private async sendMail(doc: NotificationDocument): Promise<void> {
    try {
      await this.mailer.send({ to: doc.email.to!, subject: doc.title, text: doc.body, path: doc.link.path, notificationId: doc._id });
      await this.store.notifications.updateOne({ _id: doc._id }, { $set: { 'email.status': 'sent', 'email.sentAt': new Date() }, $inc: { 'email.attempts': 1 } });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn(`mail to ${doc.username} not sent (${message}); will retry`);
      await this.store.notifications.updateOne({ _id: doc._id }, { $set: { 'email.status': 'failed', 'email.error': message.slice(0, 300) }, $inc: { 'email.attempts': 1 } });
    }
  }

  /** Mails that failed are tried again (claimed one at a time, so two processes never send the same). */
  async retryFailed(): Promise<void> {
    for (;;) {
      const claimed = await this.store.notifications.findOneAndUpdate(
        { 'email.status': 'failed', 'email.attempts': { $lt: MAX_EMAIL_ATTEMPTS } },
        { $set: { 'email.status': 'sending' } },
        { returnDocument: 'after' },
      );
      if (!claimed) return;
      await this.sendMail(claimed);
    }
  }
}
