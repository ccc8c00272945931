import type { ReadModelStore } from '@nangsuat/read-models';
import type { Decider, EventStorePort } from '@nangsuat/event-store';
import { StreamStateProjection } from '@nangsuat/projections';
import { formatDate, searchKey } from '@nangsuat/vietnamese';
import { AWARD_CATEGORY_STREAM_PREFIX, AwardCategoryCommand, awardCategoryDecider, AwardCategoryEvent, AwardCategoryState } from '@nangsuat/contracts/awards';

/** The category as the API shows it: the decider's state plus its description. */
export interface AwardCategoryViewState {
  readonly category: AwardCategoryState;
  readonly description?: string;
  readonly createdAt?: string;
}

export const awardCategoryViewDecider: Decider<AwardCategoryCommand, AwardCategoryEvent, AwardCategoryViewState> = {
  initialState: () => ({ category: awardCategoryDecider.initialState() }),
  decide: (command, state) => awardCategoryDecider.decide(command, state.category),
  evolve: (state, event) => {
    const category = awardCategoryDecider.evolve(state.category, event);
    return event.type === 'AwardCategoryCreated' ? { category, description: event.data.description, createdAt: event.data.createdAt } : { ...state, category };
  },
};

export function awardCategoryView(view: AwardCategoryViewState, version: number) {
  const c = view.category;
  return {
    categoryId: c.categoryId,
    unitCode: c.unitCode,
    name: c.name,
    ...(view.description ? { description: view.description } : {}),
    eligibleNomineeKinds: c.eligibleNomineeKinds,
    period: c.period,
    display: c.period ? { from: formatDate(c.period.from), to: formatDate(c.period.to) } : undefined,
    createdAt: view.createdAt,
    version,
  };
}

export const AWARD_CATEGORIES_COLLECTION = 'award_categories_view';

export const awardCategoryProjection = (store: EventStorePort, readModels: ReadModelStore) =>
  new StreamStateProjection<AwardCategoryViewState>(store, readModels, {
    name: 'awards.categories',
    collection: AWARD_CATEGORIES_COLLECTION,
    indexes: [{ periodFrom: -1, categoryId: 1 }, { unitCode: 1 }],
    fields: ['periodTo'],
    textSearch: ['searchKey'],
    streamPrefix: AWARD_CATEGORY_STREAM_PREFIX,
    decider: awardCategoryViewDecider as Decider<unknown, AwardCategoryEvent, AwardCategoryViewState>,
    toDocument: (state, stream) => {
      if (state.category.status === 'none') return null;
      const view = awardCategoryView(state, stream.version);
      return { ...view, periodFrom: view.period?.from, periodTo: view.period?.to, searchKey: searchKey(`${view.name ?? ''} ${view.description ?? ''} ${view.categoryId}`) };
    },
  });
