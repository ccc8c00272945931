import { Module } from '@nestjs/common';
import { DeliverNotices } from './delivery/deliver-notices';
import { EventsConsumer } from './delivery/events.consumer';
import { Mailer } from './delivery/mailer';
import { NotificationStore } from './delivery/notification-store';
import { InboxController } from './inbox/inbox.controller';
import { EmailPreferences } from './preferences/email-preferences';
import { PreferencesController } from './preferences/preferences.controller';
import { PeopleDirectory } from './recipients/people-directory';
import { RemindersController } from './reminders/reminders.controller';
import { SendReminders } from './reminders/send-reminders';

/** The notifications context: who is told what (from the other contexts' events and by schedule), the inbox, email, preferences. */
@Module({
  controllers: [EventsConsumer, PreferencesController, RemindersController, InboxController],
  providers: [NotificationStore, PeopleDirectory, EmailPreferences, Mailer, DeliverNotices, SendReminders],
})
export class NotificationsModule {}
