/** The bounded contexts whose events the audit ledger holds (the audit service's AUDITED_CONTEXTS). */
export const AUDITED_CONTEXTS = ['plans', 'support-programs', 'training', 'awards'] as const;
