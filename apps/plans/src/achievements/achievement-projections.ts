import type { ReadModelStore } from '@nangsuat/read-models';
import { EventStorePort } from '@nangsuat/event-store';
import { StreamStateProjection } from '@nangsuat/projections';
import { searchKey } from '@nangsuat/vietnamese';
import { ACHIEVEMENT_STREAM_PREFIX, achievementDecider, AchievementState, ORGANISATION_STREAM_PREFIX, organisationDecider, OrganisationState } from '@nangsuat/contracts/plans';
import { achievementView, organisationView } from './achievement-view';

export const ACHIEVEMENT_LIST = 'achievement_list';
export const ORGANISATION_LIST = 'organisation_list';

/** One document per recorded achievement, for lists (the achievement itself is read from its stream). */
export const achievementListProjection = (store: EventStorePort, readModels: ReadModelStore) =>
  new StreamStateProjection<AchievementState>(store, readModels, {
    name: 'plans.achievement-list',
    collection: ACHIEVEMENT_LIST,
    indexes: [{ achievedOn: -1, achievementId: 1 }, { unitCode: 1 }],
    fields: ['indicator', 'status'],
    textSearch: ['searchKey'],
    streamPrefix: ACHIEVEMENT_STREAM_PREFIX,
    decider: achievementDecider,
    toDocument: (state, stream) => {
      if (!state.recorded) return null;
      const v = achievementView(state);
      return { ...v, updatedAt: stream.updatedAt, updatedBy: stream.updatedBy, searchKey: searchKey([v.organisationName, v.description, v.evidence, v.indicator, v.subjectRef ?? ''].join(' ')) };
    },
  });

/** One document per registered organisation, searchable without diacritics. */
export const organisationListProjection = (store: EventStorePort, readModels: ReadModelStore) =>
  new StreamStateProjection<OrganisationState>(store, readModels, {
    name: 'plans.organisation-list',
    collection: ORGANISATION_LIST,
    indexes: [{ name: 1, organisationId: 1 }, { unitCode: 1 }],
    fields: ['kind'],
    textSearch: ['searchKey'],
    streamPrefix: ORGANISATION_STREAM_PREFIX,
    decider: organisationDecider,
    toDocument: (state, stream) => {
      if (!state.details) return null;
      const v = organisationView(state);
      return { ...v, updatedAt: stream.updatedAt, searchKey: searchKey([v.name, v.officialCode ?? '', v.unitName].join(' ')) };
    },
  });
