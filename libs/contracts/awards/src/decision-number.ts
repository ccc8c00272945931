import { DomainRuleViolation } from '@nangsuat/event-sourcing';

/**
 * A decision (quyết định) document number: `<number>[/<year>]/QĐ-<issuer>`, e.g. `123/QĐ-UBND`,
 * `45/2025/QĐ-UBND`, `1322/QĐ-TTg`. Deliberately tiny and local to awards: apps/plans owns the
 * full parser for every kind of document number.
 *
 * Accepted leniencies: surrounding spaces, the look-alike 'Ð' (U+00D0) for 'Đ' (U+0110).
 */
export interface DecisionNumber {
  /** Canonical form (NFC, 'Đ' U+0110). */
  readonly value: string;
  readonly number: number;
  readonly year?: number;
  /** Issuing body abbreviation, e.g. UBND, TTg, UBND-VX. */
  readonly issuer: string;
}

const PATTERN = /^(\d{1,6})(?:\/(\d{4}))?\/QĐ-([\p{L}\d]+(?:-[\p{L}\d]+)*)$/u;

export function parseDecisionNumber(input: unknown): DecisionNumber {
  const text = typeof input === 'string' ? input.normalize('NFC').trim().replace(/\s*\/\s*/g, '/').replace(/\u00D0/g, 'Đ') : '';
  const match = PATTERN.exec(text);
  if (!match || Number(match[1]) === 0) {
    const hint = /\/QD-/i.test(text) ? " (write 'QĐ' with the Vietnamese letter Đ)" : '';
    throw new DomainRuleViolation(
      `decisionDocumentNumber ${JSON.stringify(input)} is not a decision number such as 123/QĐ-UBND or 45/2025/QĐ-UBND${hint}.`,
      'invalid-document-number',
      { field: 'decisionDocumentNumber' },
    );
  }
  const [, number, year, issuer] = match;
  return { value: text, number: Number(number), ...(year ? { year: Number(year) } : {}), issuer };
}
