import { canonicalJson, sha256Hex } from '@nangsuat/event-sourcing';

/**
 * An audit report carries a SHA-256 over the canonical JSON (keys sorted, no whitespace — the event
 * store's canonicalJson) of everything in it except the `integrity` member. Anyone can recompute it:
 *
 *   const { integrity, ...body } = report;  sha256(canonicalJson(body)) === integrity.sha256
 */
export interface ReportIntegrity {
  readonly algorithm: 'SHA-256';
  readonly canonicalisation: string;
  readonly sha256: string;
}

export const CANONICALISATION = 'JSON, object keys sorted recursively, no whitespace, undefined members dropped (libs/event-store canonicalJson); the integrity member is excluded';

export function reportHash(report: object): string {
  const { integrity: _ignored, ...body } = report as { integrity?: unknown };
  return sha256Hex(canonicalJson(body));
}

export function sealReport<T extends object>(body: T): T & { integrity: ReportIntegrity } {
  return { ...body, integrity: { algorithm: 'SHA-256', canonicalisation: CANONICALISATION, sha256: reportHash(body) } };
}

export function verifyReportHash(report: unknown): { valid: boolean; expected?: string; actual: string; reason?: string } {
  if (report === null || typeof report !== 'object' || Array.isArray(report)) return { valid: false, actual: '', reason: 'a report is a JSON object' };
  const claimed = (report as { integrity?: { sha256?: unknown } }).integrity?.sha256;
  const actual = reportHash(report);
  if (typeof claimed !== 'string') return { valid: false, actual, reason: 'the report has no integrity.sha256' };
  return claimed === actual ? { valid: true, expected: claimed, actual } : { valid: false, expected: claimed, actual, reason: 'the report was altered: its content does not match integrity.sha256' };
}
