import { defineContext } from '@ashar/manifest';
import { BUDGETS_OPERATION_POLICIES } from './budgets.operation-policies';
import { BudgetsJobsModule, BudgetsModule } from './budgets.module';
import { BUDGETS_ENTITIES } from './entities';
import { BUDGET_JOBS, BUDGETS_QUEUES } from './jobs/budget.jobs';
import { BUDGETS_MIGRATIONS } from './migrations';
import { seedDemoBudgets } from './seed/demo-budgets';

/** Budgets and spending: documents, versions, lines, execution, monitoring, imports, exports. */
export const BUDGETS_MANIFEST = defineContext({
  name: 'budgets',
  apiModule: BudgetsModule,
  workerModule: BudgetsJobsModule,
  entities: BUDGETS_ENTITIES,
  migrations: BUDGETS_MIGRATIONS,
  queues: Object.values(BUDGETS_QUEUES),
  jobs: Object.values(BUDGET_JOBS),
  // After identity's demo seed (list order): its platform admin is the budgets' author.
  seedDemo: (ds, seeded) => seedDemoBudgets(ds, { createdBy: typeof seeded.platformAdminId === 'string' ? seeded.platformAdminId : undefined }),
  operationPolicies: BUDGETS_OPERATION_POLICIES,
});
