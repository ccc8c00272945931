import { Inject, Injectable } from '@nestjs/common';
import { AccessPolicy } from '@nangsuat/auth';
import { Actor, EVENT_STORE, EventStorePort, fold, NotFound } from '@nangsuat/event-store';
import { parseInstantInput } from '@nangsuat/service-runtime';
import { formatDate, formatDateTime } from '@nangsuat/vietnamese';
import { planDecider, PlanEvent, PlanState, planStreamId, PlanVersion, planVersionAt } from '@nangsuat/contracts/plans';
import { PlanView, toPlanView } from '../plan-view';

export interface PlanHistoryEntry {
  readonly eventId: string;
  readonly streamVersion: number;
  readonly type: string;
  readonly recordedAt: string;
  readonly recordedAtDisplay: string;
  readonly actor: { readonly id: string; readonly username: string; readonly unit: string };
  readonly reason?: string;
  readonly data: unknown;
}

/** A plan read from its stream: as it stands, as recorded at a time, as in force on a day, one version, its history. */
@Injectable()
export class GetPlanHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStorePort,
    private readonly access: AccessPolicy,
  ) {}

  /** Drafts are for those who may read the issuing unit; issued plans are public documents. */
  private async read(actor: Actor, planId: string, asOfTime?: string): Promise<{ state: PlanState; version: number; events: PlanEvent[] }> {
    const recorded = await this.store.readStream(planStreamId(planId), asOfTime ? { asOfTime } : {});
    if (recorded.length === 0 && asOfTime && (await this.store.readStream(planStreamId(planId))).length > 0) {
      throw new NotFound(
        `Plan ${planId} had not been recorded on the platform by ${formatDateTime(asOfTime)}: asOf reads the record as it stood then. For the version in force on a day, whenever it was entered, use inForceOn.`,
        { planId },
      );
    }
    if (recorded.length === 0) throw new NotFound(`Plan ${planId} does not exist.`, { planId });
    const events = recorded as unknown as PlanEvent[];
    const state = fold(planDecider, events);
    if (state.status === 'draft') this.access.assertCanRead(actor, state.content!.issuingUnit);
    return { state, version: recorded[recorded.length - 1].streamVersion, events };
  }

  async get(actor: Actor, planId: string, at: { asOf?: string; inForceOn?: string }): Promise<PlanView> {
    const asOfTime = at.asOf ? parseInstantInput(at.asOf, 'asOf').instant : undefined;
    const { state, version } = await this.read(actor, planId, asOfTime);
    if (!at.inForceOn) return toPlanView(state, version);
    const inForce = planVersionAt(state, at.inForceOn);
    if (!inForce) {
      throw new NotFound(
        state.versions.length === 0
          ? `Plan ${planId} has not been issued, so no version of it was in force on ${formatDate(at.inForceOn)}.`
          : `No version of plan ${planId} was in force on ${formatDate(at.inForceOn)}: the first applies from ${formatDate(state.versions[0].effectiveDate)}.`,
        { planId },
      );
    }
    return { ...toPlanView(state, version), version: inForce.version, content: inForce.content };
  }

  async version(actor: Actor, planId: string, version: number): Promise<PlanVersion> {
    const { state } = await this.read(actor, planId);
    const found = state.versions.find((v) => v.version === version);
    if (!found) throw new NotFound(`Plan ${planId} has no version ${version}; it has ${state.versions.length} issued version(s).`);
    return found;
  }

  async history(actor: Actor, planId: string): Promise<PlanHistoryEntry[]> {
    await this.read(actor, planId);
    const recorded = await this.store.readStream(planStreamId(planId));
    return recorded.map((e) => ({
      eventId: e.id,
      streamVersion: e.streamVersion,
      type: e.type,
      recordedAt: e.recordedAt,
      recordedAtDisplay: formatDateTime(e.recordedAt),
      actor: { id: e.metadata.actor.id, username: e.metadata.actor.username, unit: e.metadata.actor.unit },
      reason: e.metadata.reason,
      data: e.data,
    }));
  }
}
