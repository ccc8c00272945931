import { Injectable } from '@nestjs/common';
import { DomainRuleViolation, fold, NotFound, RecordedEvent } from '@nangsuat/event-sourcing';
import { hashEvent } from '@nangsuat/event-sourcing';
import { toVietnamDate } from '@nangsuat/vietnamese';
import { ACHIEVEMENT_TYPES, catalogueDecider, CatalogueEvent, CONTRIBUTION_RULES, INDICATOR_CATALOGUE_STREAM, lookupIn, mapAchievementToContribution, mapEventToContribution, planDecider, PlanEvent, planStreamId, planVersionAt, reportedValuesStreamId, SourceService, StoredContribution, toReportedValues } from '@nangsuat/contracts/plans';
import { CheckpointService } from '../checkpoints/checkpoint.service';
import { inclusionProof } from '../domain/merkle';
import { LedgerDocument, LedgerRepository } from '../ledger/ledger.repository';
import { buildNationalExport, CheckpointRef, ExportFact, FactProof, NationalExport } from './national-export';


/** Builds the national-database export of a plan from the ledger (what every service recorded) and the day checkpoints. */
@Injectable()
export class NationalExportHandler {
  constructor(
    private readonly repository: LedgerRepository,
    private readonly checkpoints: CheckpointService,
  ) {}

  private async events(streamId: string): Promise<LedgerDocument[]> {
    return this.repository.stream(streamId);
  }

  async handle(planId: string, asOf: { instant: string; date: string }): Promise<NationalExport> {
    const planDocs = await this.events(planStreamId(planId));
    if (planDocs.length === 0) throw new NotFound(`The ledger holds no plan ${planId}.`, { planId });
    const state = fold(planDecider, planDocs.map((d) => d.event as unknown as PlanEvent));
    const version = state.versions.length ? planVersionAt(state, asOf.date) : undefined;
    if (state.versions.length && !version) throw new DomainRuleViolation(`Plan ${planId} was not yet issued on ${asOf.date}.`, 'plan-not-issued');
    if (!state.versions.length) throw new DomainRuleViolation(`Plan ${planId} is a draft; only issued plans are exported.`, 'plan-not-issued');
    const content = version!.content;
    const catalogueDocs = await this.events(INDICATOR_CATALOGUE_STREAM);
    const catalogue = fold(catalogueDecider, catalogueDocs.map((d) => d.event as unknown as CatalogueEvent));
    const reportedDocs = await this.events(reportedValuesStreamId(planId));

    // Every counted fact of every context, mapped with the plans service's own table.
    const byService = new Map<string, string[]>();
    for (const [type, rule] of Object.entries(CONTRIBUTION_RULES)) byService.set(rule.service, [...(byService.get(rule.service) ?? []), type]);
    const filter = { $or: [...[...byService].map(([context, types]) => ({ context, 'event.type': { $in: types } })), { context: 'plans', 'event.type': { $in: ACHIEVEMENT_TYPES } }] };
    const docs = await this.repository.ledger.find(filter).sort({ 'event.globalPosition': 1 }).toArray();
    const contributions: StoredContribution[] = [];
    for (const doc of docs) {
      const mapped = doc.context === 'plans' ? mapAchievementToContribution(doc.event) : mapEventToContribution(doc.event, doc.context as SourceService);
      if (mapped.outcome === 'contribution') contributions.push(mapped.contribution);
    }

    const facts = new Map<string, ExportFact>();
    for (const d of [...docs, ...reportedDocs]) facts.set(d.event.id, { eventId: d.event.id, context: d.context, day: d.day, event: d.event as RecordedEvent });
    const plan = {
      planId,
      status: state.status,
      version: version!.version,
      documentNumber: content.documentNumber,
      title: content.title,
      issuingUnit: content.issuingUnit,
      issueDate: content.issueDate,
      targets: content.targets,
      implementsPlan: content.implementsPlan,
      catalogue: lookupIn(catalogue),
      catalogueVersion: catalogue.version,
    };
    const generatedAt = new Date().toISOString();
    const draft = buildNationalExport({ plan, asOf: asOf.instant, generatedAt, catalogue: lookupIn(catalogue), contributions, reported: toReportedValues(reportedDocs.map((d) => d.event)), facts, proofs: new Map(), checkpoints: [] });

    // Proofs: each fact behind a figure, in the checkpoint of its context and day.
    const needed = draft.targets.flatMap((t) => t.facts);
    const days = new Map<string, { context: string; date: string }>();
    for (const id of needed) {
      const f = facts.get(id);
      if (f) days.set(`${f.context}|${f.day}`, { context: f.context, date: f.day });
    }
    const proofs = new Map<string, FactProof>();
    const refs: CheckpointRef[] = [];
    for (const { context, date } of days.values()) {
      const checkpoint = await this.checkpoints.get(context, date);
      refs.push({ context, date, root: checkpoint.root, leafCount: checkpoint.leafCount, sealed: checkpoint.sealed });
      for (const id of needed) {
        const f = facts.get(id);
        if (!f || f.context !== context || f.day !== date) continue;
        const leaf = { eventId: f.event.id, streamId: f.event.streamId, streamVersion: f.event.streamVersion, globalPosition: f.event.globalPosition, type: f.event.type, hash: hashEvent(f.event) };
        const index = checkpoint.leaves.findIndex((l) => l.eventId === id);
        const p = index >= 0 ? inclusionProof(checkpoint.leaves, index) : undefined;
        proofs.set(id, { eventId: id, context, date, leaf, ...(p ? { proof: { index: p.index, leafCount: p.leafCount, steps: p.steps } } : {}) });
      }
    }
    refs.sort((a, b) => a.context.localeCompare(b.context) || a.date.localeCompare(b.date));
    return buildNationalExport({ plan, asOf: asOf.instant, generatedAt, catalogue: lookupIn(catalogue), contributions, reported: toReportedValues(reportedDocs.map((d) => d.event)), facts, proofs, checkpoints: refs });
  }
}

export const vietnamDay = (instant: string) => toVietnamDate(instant);
