import type { Connection } from 'mongoose';
import { EventStorePort } from '@nangsuat/event-store';
import { ProjectionFactory } from '@nangsuat/projections';
import { StreamStateProjection } from '@nangsuat/projections';
import { enterpriseDecider } from '../domain/enterprise';
import { ENTERPRISE_RECORD_STREAM_PREFIX, PROGRAMME_STREAM_PREFIX, REGISTRATION_STREAM_PREFIX } from '../domain/events';
import { supportProgrammeDecider } from '../domain/programme';
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

const programmes: ProjectionFactory = (store: EventStorePort, connection: Connection) =>
  new StreamStateProjection(store, connection, {
    name: 'support-programs.programmes',
    collection: READ_MODELS.programmes,
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

const enterprises: ProjectionFactory = (store, connection) =>
  new StreamStateProjection(store, connection, {
    name: 'support-programs.enterprises',
    collection: READ_MODELS.enterprises,
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

const registrations: ProjectionFactory = (store, connection) =>
  new StreamStateProjection(store, connection, {
    name: 'support-programs.registrations',
    collection: READ_MODELS.registrations,
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
