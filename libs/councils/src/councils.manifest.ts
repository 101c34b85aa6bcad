import { defineContext } from '@ashar/manifest';
import { COUNCILS_OPERATION_POLICIES } from './councils.operation-policies';
import { CouncilsJobsModule, CouncilsModule } from './councils.module';
import { COUNCILS_ENTITIES } from './entities';
import { COUNCILS_JOBS, COUNCILS_QUEUES, COUNCILS_SCHEDULES } from './jobs/councils.jobs';
import { COUNCILS_MIGRATIONS } from './migrations';
import { seedDemoCouncils } from './seed/demo-councils.seed';

/** Public councils and civic bodies: members, meetings, roll-call decisions, recommendations followed up. */
export const COUNCILS_MANIFEST = defineContext({
  name: 'councils',
  apiModule: CouncilsModule,
  workerModule: CouncilsJobsModule,
  entities: COUNCILS_ENTITIES,
  migrations: COUNCILS_MIGRATIONS,
  queues: Object.values(COUNCILS_QUEUES),
  jobs: Object.values(COUNCILS_JOBS),
  schedules: COUNCILS_SCHEDULES,
  seedDemo: (ds, seeded) => seedDemoCouncils(ds, (seeded.communities ?? {}) as Record<string, string>, typeof seeded.platformAdminId === 'string' ? seeded.platformAdminId : undefined),
  operationPolicies: COUNCILS_OPERATION_POLICIES,
});
