/**
 * The export to the national productivity database (DOMAIN: the province "connects to the national
 * productivity database to share information"): a plan's indicators and progress per unit at the end
 * of a period, computed from the audit ledger with the plans service's own rules (so its figures are
 * the progress API's), each fact with the Merkle inclusion proof that ties it to the day checkpoint
 * of its context (GET /audit/checkpoints). Format `nangsuat-national-productivity-export/1`, schema
 * docs/national-database/export.schema.json. Pure.
 */
import { administrativeUnits } from '@nangsuat/administrative-units';
import { canonicalJson, RecordedEvent, sha256Hex } from '@nangsuat/event-sourcing';
import { formatDate, IsoDate } from '@nangsuat/vietnamese';
import type { IndicatorLookup, ReportedValue, StoredContribution } from '@nangsuat/contracts/plans';
import { computeForPlan, PlanForProgress } from '@nangsuat/contracts/plans';
import { CHECKPOINT_HASHING } from '../domain/checkpoint';
import { InclusionProof, MerkleLeaf } from '../domain/merkle';

export const NATIONAL_EXPORT_FORMAT = 'nangsuat-national-productivity-export/1';
export const NATIONAL_EXPORT_SCHEMA = 'https://nangsuat.example/schemas/national-productivity-export/1.json';

/** A fact behind a figure, as the ledger holds it. */
export interface ExportFact {
  readonly eventId: string;
  readonly context: string;
  /** Vietnam day of recordedAt: the checkpoint it belongs to. */
  readonly day: IsoDate;
  readonly event: RecordedEvent;
}

export interface FactProof {
  readonly eventId: string;
  readonly context: string;
  readonly date: IsoDate;
  readonly leaf: MerkleLeaf;
  readonly proof?: Pick<InclusionProof, 'index' | 'leafCount' | 'steps'>;
}

export interface CheckpointRef {
  readonly context: string;
  readonly date: IsoDate;
  readonly root: string;
  readonly leafCount: number;
  readonly sealed: boolean;
}

export interface NationalExportInput {
  readonly plan: PlanForProgress & { readonly catalogueVersion: number };
  readonly asOf: string;
  readonly generatedAt: string;
  readonly catalogue: IndicatorLookup;
  readonly contributions: readonly StoredContribution[];
  readonly reported: readonly ReportedValue[];
  /** Facts by event id (contributions' and reported values' events). */
  readonly facts: ReadonlyMap<string, ExportFact>;
  readonly proofs: ReadonlyMap<string, FactProof>;
  readonly checkpoints: readonly CheckpointRef[];
}

const unitName = (code: string) => (administrativeUnits.has(code) ? administrativeUnits.displayName(code) : code);

export function buildNationalExport(input: NationalExportInput) {
  const { plan } = input;
  const progress = computeForPlan(plan, input.contributions, input.reported, input.asOf);
  const used = [...new Set(plan.targets.map((t) => t.indicator))];
  const factIds = [...new Set(progress.flatMap((p) => p.contributingEventIds))];
  const body = {
    format: NATIONAL_EXPORT_FORMAT,
    $schema: NATIONAL_EXPORT_SCHEMA,
    generatedAt: input.generatedAt,
    asOf: input.asOf,
    plan: {
      planId: plan.planId,
      documentNumber: plan.documentNumber ?? null,
      title: plan.title,
      issuingUnit: plan.issuingUnit,
      issuingUnitName: unitName(plan.issuingUnit),
      issueDate: plan.issueDate ?? null,
      version: plan.version,
    },
    catalogueVersion: plan.catalogueVersion,
    indicators: used.map((code) => {
      const e = input.catalogue(code);
      return e
        ? { code, name: e.name, unitOfMeasure: e.unitOfMeasure, source: e.source, counting: e.counting.rule, feed: e.feed.from, levels: e.levels }
        : { code, name: { vi: code, en: code }, unitOfMeasure: null, source: null, counting: null, feed: null, levels: [] };
    }),
    targets: plan.targets.map((t, i) => {
      const p = progress[i];
      return {
        targetId: t.id,
        indicator: t.indicator,
        milestoneYear: t.milestoneYear,
        comparison: t.comparison,
        value: t.value ?? null,
        min: t.min ?? null,
        max: t.max ?? null,
        unitOfMeasure: t.unit,
        window: p.window,
        required: p.required ?? null,
        actual: p.actual ?? null,
        status: p.status,
        byUnit: p.byUnit.map((u) => ({ unit: u.unit, unitName: unitName(u.unit), actual: u.actual, facts: u.contributingEventIds })),
        facts: p.contributingEventIds,
        ...(p.reported ? { reported: { year: p.reported.year, value: p.reported.value, source: p.reported.source, nationalAverage: p.reported.nationalAverage ?? null } } : {}),
      };
    }),
    facts: factIds
      .map((id) => input.facts.get(id))
      .filter((f): f is ExportFact => f !== undefined)
      .map((f) => ({
        eventId: f.eventId,
        context: f.context,
        type: f.event.type,
        streamId: f.event.streamId,
        streamVersion: f.event.streamVersion,
        occurredAt: f.event.occurredAt,
        recordedAt: f.event.recordedAt,
        recordedOn: f.day,
        recordedOnDisplay: formatDate(f.day),
        unit: f.event.metadata?.unit ?? null,
      })),
    proof: {
      hashing: CHECKPOINT_HASHING,
      checkpoints: input.checkpoints,
      inclusions: factIds.map((id) => input.proofs.get(id)).filter((p): p is FactProof => p !== undefined),
    },
  };
  return { ...body, contentHash: sha256Hex(canonicalJson(body)) };
}
export type NationalExport = ReturnType<typeof buildNationalExport>;
