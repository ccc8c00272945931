import { eventsTopic } from '@nangsuat/messaging';

/** The bounded contexts whose events the audit ledger records (each publishes to nangsuat.<context>.events). */
export const AUDITED_CONTEXTS = ['plans', 'support-programs', 'training', 'awards'] as const;
export type AuditedContext = (typeof AUDITED_CONTEXTS)[number];

export function isAuditedContext(value: string): value is AuditedContext {
  return (AUDITED_CONTEXTS as readonly string[]).includes(value);
}

/** Topic naming, injectable so that tests can use topics of their own. */
export const TOPIC_NAMING = Symbol('TOPIC_NAMING');
export type TopicNaming = (context: string) => string;
export const defaultTopicNaming: TopicNaming = eventsTopic;
