import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DocumentCollection, isDuplicateKey, READ_MODEL_STORE, ReadModelStore } from '@nangsuat/read-models';
import type { NotificationKind, RecordLink } from '../domain/kinds';
import type { TrackedCertification, TrackedNomination, TrackedPeriod, TrackedRegistration } from '../domain/tracked';

export type EmailStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'opted-out' | 'no-address';

/** One notice addressed to one person: the inbox entry, and the state of its email. */
export interface NotificationDocument {
  /** `<notice key>|<user id>`: a notice reaches a person once, whatever is redelivered. */
  _id: string;
  noticeKey: string;
  userId: string;
  username: string;
  kind: NotificationKind;
  title: string;
  body: string;
  link: RecordLink;
  unit: string;
  createdAt: Date;
  readAt?: Date;
  email: { status: EmailStatus; to?: string; attempts: number; sentAt?: Date; error?: string };
}

/**
 * The service's own query documents, through the read-model port: PostgreSQL beside its events
 * (as the other services) when EVENT_STORE_URL or READ_MODELS_URL is postgres://, else MongoDB.
 */
@Injectable()
export class NotificationStore implements OnModuleInit {
  constructor(@Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore) {}

  get notifications(): DocumentCollection<NotificationDocument> {
    // The inbox filters on the person and whether it is read, sorts by time; the retry sweep on the mail's state.
    return this.readModels.collection<NotificationDocument>('notifications', {
      dates: ['createdAt', 'readAt', 'email.sentAt'],
      fields: ['userId', 'createdAt', 'readAt', 'email.status', 'email.attempts'],
    });
  }
  get periods(): DocumentCollection<TrackedPeriod> {
    return this.readModels.collection<TrackedPeriod>('tracked_periods', { fields: ['status'] });
  }
  get registrations(): DocumentCollection<TrackedRegistration> {
    return this.readModels.collection<TrackedRegistration>('tracked_registrations', { fields: ['status'] });
  }
  get certifications(): DocumentCollection<TrackedCertification> {
    return this.readModels.collection<TrackedCertification>('tracked_certifications', { fields: ['status'] });
  }
  get nominations(): DocumentCollection<TrackedNomination> {
    return this.readModels.collection<TrackedNomination>('tracked_nominations', { arrays: ['councilMemberIds', 'evaluatedBy'], fields: ['status'] });
  }

  async onModuleInit(): Promise<void> {
    await this.notifications.createIndex({ userId: 1, createdAt: -1, _id: 1 });
    await this.notifications.createIndex({ userId: 1, readAt: 1 });
    await this.notifications.createIndex({ 'email.status': 1 });
  }

  /** Inserts when new; false when this person already has this notice (a redelivery). */
  async addOnce(doc: NotificationDocument): Promise<boolean> {
    try {
      await this.notifications.insertOne(doc);
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }
}
