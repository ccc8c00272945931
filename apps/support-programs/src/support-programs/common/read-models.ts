import type { ReadModelStore } from '@nangsuat/read-models';
import { EventStorePort } from '@nangsuat/event-store';
import { ProjectionFactory } from '@nangsuat/projections';
import { StreamStateProjection } from '@nangsuat/projections';
import {
  ENTERPRISE_CLAIM_STREAM_PREFIX,
  ENTERPRISE_RECORD_STREAM_PREFIX,
  enterpriseClaimDecider,
  enterpriseDecider,
  PROGRAMME_STREAM_PREFIX,
  REGISTRATION_STREAM_PREFIX,
  supportProgrammeDecider,
} from '@nangsuat/contracts/support-programs';
import { enterpriseClaimView } from '../enterprise-claims/enterprise-claim-view';
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
  enterpriseClaims: 'enterprise_claim_views',
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

/**
 * Enterprise claims: the officers' queue of people asking to act for an enterprise of their unit,
 * the enterprise's own users' (a colleague vouching), and each claimant's own claims.
 */
const enterpriseClaims: ProjectionFactory = (store, readModels) =>
  new StreamStateProjection(store, readModels, {
    name: 'support-programs.enterprise-claims',
    collection: READ_MODELS.enterpriseClaims,
    indexes: [LIST_ORDER, { unitCode: 1 }, { claimantId: 1 }, { enterpriseAccountId: 1 }],
    fields: ['status'],
    textSearch: ['searchKey'],
    streamPrefix: ENTERPRISE_CLAIM_STREAM_PREFIX,
    decider: enterpriseClaimDecider,
    toDocument: (state, stream) => {
      if (state.status === 'none' || !state.claim) return null;
      const view = enterpriseClaimView(state, stream.version);
      return {
        ...view,
        claimantId: view.claimant.userId,
        searchKey: searchKeyOf(view.enterpriseName, view.taxCode, view.claimant.username, view.claimant.email ?? ''),
        createdAt: stream.createdAt,
        updatedAt: stream.updatedAt,
        updatedBy: stream.updatedBy,
      };
    },
  });

export const READ_MODEL_FACTORIES: readonly ProjectionFactory[] = [programmes, enterprises, registrations, enterpriseClaims];
