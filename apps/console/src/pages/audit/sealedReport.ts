import type { TFunction } from 'i18next';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format';

/** The sealed audit report of a plan for a period (GET /audit/reports/plan), the fields the console shows. */
export interface SealedReport {
  format: string;
  generatedAt: string;
  generatedBy?: { username: string; unit: string };
  plan: { streamId: string; planId: string; documentNumber?: string; title?: string; unit?: string };
  period: { from: string; to: string; fromInstant: string; toInstant: string; timeZone: string };
  stateAtStart?: { version: number; state: unknown };
  stateAtEnd?: { version: number; state: unknown };
  changes: { op: 'added' | 'removed' | 'changed'; path: string; before?: unknown; after?: unknown }[];
  events: { eventId: string; streamVersion: number; type: string; recordedAt: string; who: { username: string; unit: string }; unit: string; reason?: string; hash?: string }[];
  metrics: { metric: string; description: string; unit: string; countAtStart: number; countAtEnd: number; steps: { eventId: string; type: string; recordedAt: string; who: string; unit: string; delta: number; subjectId?: string }[] }[];
  anomalies: { kind: string; eventId: string; streamVersion: number; detail: string; status?: string; detectedAt?: string }[];
  integrity: { algorithm: string; canonicalisation: string; sha256: string };
}

const escapeHtml = (value: unknown): string =>
  String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** A value in a change row, short enough for paper. */
export function shortValue(value: unknown, max = 200): string {
  if (value === undefined) return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * The report as a printable page (A4, the seal printed on it, dates dd/mm/yyyy), in the reader's
 * language. Every value from the report is escaped: a plan's title cannot inject markup.
 */
export function sealedReportHtml(report: SealedReport, t: TFunction, lang: string, sealCheckedInBrowser?: boolean): string {
  const row = (cells: unknown[]) => `<tr>${cells.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`;
  const head = (cells: string[]) => `<tr>${cells.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr>`;
  const table = (headers: string[], rows: unknown[][]) =>
    rows.length ? `<table>${head(headers)}${rows.map(row).join('')}</table>` : `<p>${escapeHtml(t('common.empty'))}</p>`;
  const n = (v: number) => formatNumber(v, lang);
  const title = `${t('sealed.reportTitle')} — ${report.plan.documentNumber ?? report.plan.planId}`;
  return `<!doctype html>
<html lang="${lang === 'en' ? 'en' : 'vi'}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>
@page { size: A4; margin: 18mm 15mm; }
body { font-family: "Times New Roman", serif; font-size: 12pt; color: #000; margin: 24px; }
h1 { font-size: 16pt; text-align: center; margin: 0 0 4px; } h2 { font-size: 13pt; margin: 18px 0 6px; }
.sub { text-align: center; margin: 0 0 12px; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 8px; } th, td { border: 1px solid #444; padding: 3px 5px; vertical-align: top; text-align: left; font-size: 10.5pt; }
th { background: #eee; } .seal { border: 2px solid #000; padding: 8px; margin: 12px 0; word-break: break-all; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: 9.5pt; }
@media print { .noprint { display: none; } }
</style></head><body>
<p class="noprint"><button onclick="window.print()">${escapeHtml(t('sealed.printNow'))}</button></p>
<h1>${escapeHtml(t('sealed.reportTitle'))}</h1>
<p class="sub">${escapeHtml(report.plan.documentNumber ?? '')} — ${escapeHtml(report.plan.title ?? report.plan.planId)}</p>
<table>
${row([t('sealed.unit'), report.plan.unit ?? '—'])}
${row([t('sealed.period'), `${formatDate(report.period.from)} – ${formatDate(report.period.to)} (${report.period.timeZone})`])}
${row([t('sealed.generated'), `${formatDateTime(report.generatedAt)}${report.generatedBy ? ` — ${report.generatedBy.username} (${report.generatedBy.unit})` : ''}`])}
${row([t('sealed.versions'), `${report.stateAtStart?.version ?? 0} → ${report.stateAtEnd?.version ?? 0}`])}
</table>
<h2>${escapeHtml(t('sealed.changes'))}</h2>
${table([t('audit.op'), t('audit.path'), t('audit.before'), t('audit.after')], report.changes.map((c) => [t(`audit.op_${c.op}`), c.path, shortValue(c.before), shortValue(c.after)]))}
<h2>${escapeHtml(t('sealed.events'))}</h2>
${table(['#', t('history.when'), t('history.what'), t('history.who'), t('history.why')], report.events.map((e) => [e.streamVersion, formatDateTime(e.recordedAt), t(`event.${e.type}`, { defaultValue: e.type }), `${e.who.username} (${e.who.unit})`, e.reason ?? '—']))}
<h2>${escapeHtml(t('sealed.metrics'))}</h2>
${table([t('audit.metric'), t('sealed.atStart'), t('sealed.atEnd'), t('sealed.steps')], report.metrics.map((m) => [t(`indicator.${m.metric}`, { defaultValue: m.metric }), n(m.countAtStart), n(m.countAtEnd), n(m.steps.length)]))}
<h2>${escapeHtml(t('sealed.anomalies'))}</h2>
${table([t('sealed.kind'), '#', t('sealed.detail')], report.anomalies.map((a) => [a.kind, a.streamVersion, a.detail]))}
<div class="seal"><strong>${escapeHtml(t('sealed.seal'))}</strong> (${escapeHtml(report.integrity.algorithm)}): <code>${escapeHtml(report.integrity.sha256)}</code><br>
${escapeHtml(t('sealed.sealHow'))}${sealCheckedInBrowser === undefined ? '' : `<br><strong>${escapeHtml(sealCheckedInBrowser ? t('sealed.sealOk') : t('sealed.sealBroken'))}</strong>`}</div>
</body></html>`;
}
