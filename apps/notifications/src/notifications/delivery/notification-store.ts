import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Collection, Connection } from 'mongoose';
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

/** The service's own MongoDB collections. */
@Injectable()
export class NotificationStore implements OnModuleInit {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  get notifications(): Collection<NotificationDocument> {
    return this.connection.collection<NotificationDocument>('notifications');
  }
  get periods(): Collection<TrackedPeriod> {
    return this.connection.collection<TrackedPeriod>('tracked_periods');
  }
  get registrations(): Collection<TrackedRegistration> {
    return this.connection.collection<TrackedRegistration>('tracked_registrations');
  }
  get certifications(): Collection<TrackedCertification> {
    return this.connection.collection<TrackedCertification>('tracked_certifications');
  }
  get nominations(): Collection<TrackedNomination> {
    return this.connection.collection<TrackedNomination>('tracked_nominations');
  }

  async onModuleInit(): Promise<void> {
    await this.notifications.createIndex({ userId: 1, createdAt: -1 });
    await this.notifications.createIndex({ userId: 1, readAt: 1 });
    await this.notifications.createIndex({ 'email.status': 1 });
  }

  /** Inserts when new; false when this person already has this notice (a redelivery). */
  async addOnce(doc: NotificationDocument): Promise<boolean> {
    try {
      await this.notifications.insertOne(doc);
      return true;
    } catch (error) {
      if ((error as { code?: number }).code === 11000) return false;
      throw error;
    }
  }
}
