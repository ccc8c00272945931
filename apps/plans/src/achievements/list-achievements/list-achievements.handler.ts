import { Inject, Injectable } from '@nestjs/common';
import { AccessPolicy } from '@nangsuat/auth';
import { EVENT_STORE, EventStorePort } from '@nangsuat/event-store';
import type { Actor } from '@nangsuat/event-sourcing';
import { READ_MODEL_STORE, ReadModelStore } from '@nangsuat/read-models';
import { escapeRegex, Page, readPage, unitSubtree } from '@nangsuat/service-runtime';
import { searchTokens } from '@nangsuat/vietnamese';
import { achievementStreamId } from '@nangsuat/contracts/plans';
import { assertCanReadProgress } from '../../plans/progress/progress.service';
import { ACHIEVEMENT_LIST } from '../achievement-projections';
import { AchievementLoader } from '../achievement-loader';
import { achievementView, AchievementView } from '../achievement-view';
import { ListAchievementsQuery } from './list-achievements.query';

/** Recorded achievements: for the officers of the unit and of the units above it, auditors and services. */
@Injectable()
export class ListAchievementsHandler {
  constructor(
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    private readonly access: AccessPolicy,
    private readonly loader: AchievementLoader,
    @Inject(EVENT_STORE) private readonly store: EventStorePort,
  ) {}

  async list(actor: Actor, q: ListAchievementsQuery): Promise<Page<Record<string, unknown>>> {
    const unit = q.unit ?? actor.unit;
    const units = unitSubtree(unit);
    assertCanReadProgress(this.access, actor, unit);
    const filter: Record<string, unknown>[] = [{ unitCode: { $in: units } }];
    if (q.indicator) filter.push({ indicator: q.indicator });
    if (q.status) filter.push({ status: q.status });
    for (const token of searchTokens(q.q ?? '')) filter.push({ searchKey: { $regex: escapeRegex(token) } });
    const collection = this.readModels.collection(ACHIEVEMENT_LIST);
    const where = { $and: filter };
    return readPage(collection, where, q, { projection: { _id: 0, searchKey: 0, appliedEventIds: 0, _stream: 0 }, sort: { achievedOn: -1, achievementId: 1 } });
  }

  async get(actor: Actor, id: string): Promise<AchievementView & { history: unknown[] }> {
    const { state, version } = await this.loader.achievement(id);
    assertCanReadProgress(this.access, actor, state.facts!.unitCode);
    const history = (await this.store.readStream(achievementStreamId(id))).map((e) => ({
      type: e.type,
      streamVersion: e.streamVersion,
      recordedAt: e.recordedAt,
      by: e.metadata.actor.username,
      unit: e.metadata.actor.unit,
      ...(e.metadata.reason ? { reason: e.metadata.reason } : {}),
    }));
    return { ...achievementView(state, version), history };
  }
}
