import type { ReadModelStore } from '@nangsuat/read-models';
import { EventStorePort } from '@nangsuat/event-store';
import { ProjectionFactory } from '@nangsuat/projections';
import { StreamStateProjection } from '@nangsuat/projections';
import { ENTERPRISE_RECORD_STREAM_PREFIX, enterpriseDecider, PROGRAMME_STREAM_PREFIX, REGISTRATION_STREAM_PREFIX, supportProgrammeDecider } from '@nangsuat/contracts/support-programs';
import { enterpriseView, programmeView, registrationViewDecider, searchKeyOf } from './views';

/**
 * The read models of support-programs (libs/projections: one query document per stream, folded
 * through the same evolve as the write side, fed by the context's own Kafka topic, rebuildable
 * with POST /projections/:name/rebuild). Each document carries the fields the list filters use,
 * a diacritic-insensitive `searchKey` and `createdAt` for ordering.
 */
export const READ_MODELS = {
  programmes: 'programme_views',
  enterprises: 'enterprise_views',
  registrations: 'registration_views',
} as const;

/** Paths of the documents holding lists that filters match by element (see pageOf). */
export const READ_MODEL_ARRAYS: readonly string[] = ['toolsOffered', 'eligibleGroups'];
const LIST_ORDER = { createdAt: -1 } as const;

const programmes: ProjectionFactory = (store: EventStorePort, readModels: ReadModelStore) =>
  new StreamStateProjection(store, readModels, {
    name: 'support-programs.programmes',
    collection: READ_MODELS.programmes,
    arrays: READ_MODEL_ARRAYS,
    indexes: [LIST_ORDER, { unitCode: 1 }],
    fields: ['status', 'planDocumentNumber'],
    textSearch: ['searchKey'],
    streamPrefix: PROGRAMME_STREAM_PREFIX,
    decider: supportProgrammeDecider,
    toDocument: (state, stream) => {
      if (state.status === 'none') return null;
      const view = programmeView(state, stream.version);
      return {
        ...view,
        searchKey: searchKeyOf(view.name, view.planDocumentNumber, ...view.legalBasis, view.funding.note),
        createdAt: stream.createdAt,
        updatedAt: stream.updatedAt,
        updatedBy: stream.updatedBy,
      };
    },
  });

const enterprises: ProjectionFactory = (store, readModels) =>
  new StreamStateProjection(store, readModels, {
    name: 'support-programs.enterprises',
    collection: READ_MODELS.enterprises,
    indexes: [LIST_ORDER, { unitCode: 1 }, { accountId: 1 }],
    fields: ['group', 'size'],
    textSearch: ['searchKey'],
    streamPrefix: ENTERPRISE_RECORD_STREAM_PREFIX,
    decider: enterpriseDecider,
    toDocument: (state, stream) => {
      if (state.status !== 'registered') return null;
      const view = enterpriseView(state, stream.version);
      return {
        ...view,
        searchKey: searchKeyOf(view.name, view.taxCode, view.sector),
        createdAt: stream.createdAt,
        updatedAt: stream.updatedAt,
        updatedBy: stream.updatedBy,
      };
    },
  });

const registrations: ProjectionFactory = (store, readModels) =>
  new StreamStateProjection(store, readModels, {
    name: 'support-programs.registrations',
    collection: READ_MODELS.registrations,
    indexes: [LIST_ORDER, { unitCode: 1 }, { programmeUnitCode: 1 }, { programmeId: 1 }, { enterpriseAccountId: 1 }],
    fields: ['status', 'enterpriseId'],
    textSearch: ['searchKey'],
    streamPrefix: REGISTRATION_STREAM_PREFIX,
    decider: registrationViewDecider,
    toDocument: (view, stream) =>
      view && {
        ...view,
        version: stream.version,
        searchKey: searchKeyOf(view.enterpriseName, view.taxCode, view.description),
        createdAt: stream.createdAt,
        updatedAt: stream.updatedAt,
        updatedBy: stream.updatedBy,
      },
  });

export const READ_MODEL_FACTORIES: readonly ProjectionFactory[] = [programmes, enterprises, registrations];
