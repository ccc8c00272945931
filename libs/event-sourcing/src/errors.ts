/**
 * Errors that carry a message a person can act on. The HTTP layer (libs/service-runtime) maps them:
 * DomainRuleViolation → 422, NotFound → 404, Conflict/VersionConflict → 409, Forbidden → 403.
 */
export class DomainError extends Error {
  constructor(message: string, readonly code: string, readonly details?: Record<string, unknown>) {
    super(message);
    this.name = new.target.name;
  }
}

/** The command is well-formed but the domain refuses it (impossible transition or value). */
export class DomainRuleViolation extends DomainError {
  constructor(message: string, code = 'domain-rule-violation', details?: Record<string, unknown>) {
    super(message, code, details);
  }
}

/**
 * An Idempotency-Key already used by the same caller on the same route for a different request
 * (the IETF Idempotency-Key draft's 422): a new request needs a new key.
 */
export class IdempotencyKeyMismatch extends DomainRuleViolation {
  constructor(key: string) {
    super(
      `Idempotency-Key "${key.slice(0, 100)}" was already used for a different request on this route; send a new key for a new request, or the same request to get its first result.`,
      'idempotency-key-mismatch',
      { idempotencyKey: key.slice(0, 100) },
    );
  }
}

export class NotFound extends DomainError {
  constructor(message: string, details?: Record<string, unknown>) {
    super(message, 'not-found', details);
  }
}

/** A business conflict (duplicate registration, capacity full, document number taken). */
export class Conflict extends DomainError {
  constructor(message: string, code = 'conflict', details?: Record<string, unknown>) {
    super(message, code, details);
  }
}

/** Another writer appended to the stream first (optimistic concurrency). */
export class VersionConflict extends Conflict {
  constructor(readonly streamId: string, readonly expected: string | number, readonly actual: number) {
    super(
      `The record ${streamId} was changed by someone else (expected version ${expected}, found ${actual}). Reload it and try again.`,
      'version-conflict',
      { streamId, expected, actual },
    );
  }
}

/** The actor may not do this (outside their unit, not their enterprise, read-only role). */
export class Forbidden extends DomainError {
  constructor(message: string, details?: Record<string, unknown>) {
    super(message, 'forbidden', details);
  }
}

/**
 * A record whose stored history no longer verifies (edited, removed or reordered in the database):
 * nothing is decided on it until an auditor has looked (409, naming the event).
 */
export class IntegrityViolation extends Conflict {
  constructor(streamId: string, streamVersion: number, eventId: string, reason: string) {
    super(
      `Record ${streamId} cannot be changed: its stored history fails the integrity check at version ${streamVersion} (event ${eventId}: ${reason}). Its events were altered outside the platform; ask an auditor to reconcile it (GET /audit/stores/<context>/reconcile).`,
      'integrity-violation',
      { streamId, streamVersion, eventId, reason },
    );
  }
}
