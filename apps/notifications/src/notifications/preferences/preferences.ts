import { Decider, DomainEvent, DomainRuleViolation } from '@nangsuat/event-sourcing';
import { NOTIFICATION_KIND_NAMES, NotificationKind } from '../domain/kinds';

/**
 * A person's choice of which kinds of notice also come by email (the inbox always shows them).
 * Stream `notification-preferences-<user id>`; every change is an event, like everything else.
 */
export const emailPreferencesStreamId = (userId: string): string => `notification-preferences-${userId}`;

export type EmailPreferencesChanged = DomainEvent<
  'EmailPreferencesChanged',
  { readonly userId: string; readonly emailOff: readonly NotificationKind[]; readonly changedAt: string }
>;

export interface SetEmailPreferences {
  readonly type: 'SetEmailPreferences';
  readonly userId: string;
  readonly emailOff: readonly string[];
  readonly now: string;
}

export interface EmailPreferencesState {
  readonly emailOff: readonly NotificationKind[];
}

export const emailPreferencesDecider: Decider<SetEmailPreferences, EmailPreferencesChanged, EmailPreferencesState> = {
  decide(command, state) {
    const unknown = command.emailOff.filter((k) => !(NOTIFICATION_KIND_NAMES as readonly string[]).includes(k));
    if (unknown.length > 0) {
      throw new DomainRuleViolation(`Unknown kinds of notice: ${unknown.join(', ')} (known: ${NOTIFICATION_KIND_NAMES.join(', ')}).`, 'invalid-value', { field: 'emailOff' });
    }
    const emailOff = NOTIFICATION_KIND_NAMES.filter((k) => command.emailOff.includes(k));
    if (emailOff.length === state.emailOff.length && emailOff.every((k) => state.emailOff.includes(k))) return [];
    return [{ type: 'EmailPreferencesChanged', schemaVersion: 1, data: { userId: command.userId, emailOff, changedAt: command.now } }];
  },
  evolve: (_state, event) => ({ emailOff: event.data.emailOff }),
  initialState: () => ({ emailOff: [] }),
};
