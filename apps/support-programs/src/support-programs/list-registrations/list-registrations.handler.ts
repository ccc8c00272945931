import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStorePort } from '@nangsuat/event-store';
import { Actor } from '@nangsuat/event-sourcing';
import { Page } from '@nangsuat/service-runtime';
import { allOf, pageOf, textFilter } from '../common/queries';
import { READ_MODELS } from '../common/read-models';
import { Registrations } from '../common/registrations';
import { readScope, requireKnownUnit, unitSubtree } from '../common/scope';
import { HistoryEntry, historyOf, RegistrationView } from '../common/views';
import { READ_MODEL_STORE, ReadModelStore } from '@nangsuat/read-models';
import { ListRegistrationsQuery } from './list-registrations.query';

@Injectable()
export class RegistrationQueries {
  constructor(
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    @Inject(EVENT_STORE) private readonly store: EventStorePort,
    private readonly registrations: Registrations,
  ) {}

  /** Officers: registrations of enterprises or of programmes in their unit subtree; enterprise users: their own; auditors: all. */
  list(q: ListRegistrationsQuery, actor: Actor): Promise<Page<RegistrationView>> {
    const filter = allOf([
      readScope(actor, ['unitCode', 'programmeUnitCode'], 'enterpriseAccountId'),
      q.programme ? { programmeId: q.programme } : null,
      q.enterprise ? { enterpriseId: q.enterprise } : null,
      q.status ? { status: q.status } : null,
      q.unit ? { unitCode: { $in: unitSubtree(requireKnownUnit(q.unit)) } } : null,
      ...textFilter(q.q),
    ]);
    return pageOf<RegistrationView>(this.readModels, READ_MODELS.registrations, filter, q);
  }

  async get(registrationId: string, actor: Actor): Promise<RegistrationView> {
    const { streamId } = await this.registrations.load(registrationId);
    const view = await this.registrations.view(streamId);
    this.registrations.assertCanRead(actor, view);
    return view;
  }

  async history(registrationId: string, actor: Actor): Promise<{ registrationId: string; events: HistoryEntry[] }> {
    const { streamId } = await this.registrations.load(registrationId);
    this.registrations.assertCanRead(actor, await this.registrations.view(streamId));
    return { registrationId, events: historyOf(await this.store.readStream(streamId)) };
  }
}
