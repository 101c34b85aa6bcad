import { defineContext } from '@ashar/manifest';
import { COMPETITIONS_OPERATION_POLICIES } from './competitions.operation-policies';
import { CompetitionsJobsModule, CompetitionsModule } from './competitions.module';
import { COMPETITIONS_JOBS, COMPETITIONS_QUEUES, COMPETITIONS_SCHEDULES } from './jobs/competitions.jobs';
import { COMPETITIONS_ENTITIES } from './entities';
import { COMPETITIONS_MIGRATIONS } from './migrations';
import { seedDemoCompetitions } from './seed/demo-competitions.seed';

/** Competitions and grant calls: staged applications, blind weighted expert scoring, interviews, published results. */
export const COMPETITIONS_MANIFEST = defineContext({
  name: 'competitions',
  apiModule: CompetitionsModule,
  workerModule: CompetitionsJobsModule,
  entities: COMPETITIONS_ENTITIES,
  migrations: COMPETITIONS_MIGRATIONS,
  queues: Object.values(COMPETITIONS_QUEUES),
  jobs: Object.values(COMPETITIONS_JOBS),
  schedules: COMPETITIONS_SCHEDULES,
  // After identity's demo seed: the demo accounts apply and review.
  seedDemo: (ds, seeded) =>
    seedDemoCompetitions(ds, (seeded.communities ?? {}) as Record<string, string>, (seeded.demoAccountIds ?? {}) as Record<string, string>, typeof seeded.platformAdminId === 'string' ? seeded.platformAdminId : undefined),
  operationPolicies: COMPETITIONS_OPERATION_POLICIES,
});
