import { createHash } from 'node:crypto';
import { DomainRuleViolation } from '@nangsuat/event-sourcing';

/**
 * Person ids are pseudonymous: events are kept forever, so a citizen id never enters them. When a
 * caller gives the citizen id, the service derives the person id as a keyed hash of it (env
 * TRAINING_PERSON_ID_SALT; set a secret value in production and never change it, or the same
 * person gets a new id and is counted twice).
 */
export function personIdOf(input: { personId?: string; citizenId?: string }, field = 'personId'): string {
  if (input.personId && input.citizenId) {
    throw new DomainRuleViolation(`Give either ${field} or citizenId, not both.`, 'invalid-value', { field });
  }
  if (input.citizenId) {
    const salt = process.env.TRAINING_PERSON_ID_SALT ?? 'nangsuat-local-person-salt';
    return `cid-${createHash('sha256').update(`${salt}:${input.citizenId}`).digest('hex').slice(0, 40)}`;
  }
  if (!input.personId) {
    throw new DomainRuleViolation(`${field} (a pseudonymous id) or citizenId (hashed by the service) is required.`, 'invalid-value', { field });
  }
  return input.personId;
}
