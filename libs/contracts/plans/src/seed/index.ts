import { NGOK_BAY_COMMUNE } from './ngok-bay-commune';
import { NINH_THUAN_4009 } from './ninh-thuan-4009';
import { QUANG_NGAI_138 } from './quang-ngai-138';
import { PlanSeed } from './types';

export * from './types';
export { NINH_THUAN_4009, NINH_THUAN_4009_TARGETS, NINH_THUAN_4009_TASKS } from './ninh-thuan-4009';
export { QUANG_NGAI_138 } from './quang-ngai-138';
export { NGOK_BAY_COMMUNE, NGOK_BAY_TASKS } from './ngok-bay-commune';

/** The seed plans, parents before children (province plans, then the commune plan). */
export const seedPlans: readonly PlanSeed[] = [NINH_THUAN_4009, QUANG_NGAI_138, NGOK_BAY_COMMUNE];
export * from './ninh-thuan-achievements';
