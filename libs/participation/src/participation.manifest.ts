import { defineContext } from '@ashar/manifest';
import { PARTICIPATION_ENTITIES } from './entities';
import { PARTICIPATION_JOBS, PARTICIPATION_QUEUES, PARTICIPATION_SCHEDULES } from './jobs/participation.jobs';
import { PARTICIPATION_MIGRATIONS } from './migrations';
import { PARTICIPATION_OPERATION_POLICIES } from './participation.operation-policies';
import { ParticipationJobsModule, ParticipationModule } from './participation.module';

/** Participatory budgeting: processes, proposals, supports, the voter registry, pseudonymous ballots, results. */
export const PARTICIPATION_MANIFEST = defineContext({
  name: 'participation',
  apiModule: ParticipationModule,
  workerModule: ParticipationJobsModule,
  entities: PARTICIPATION_ENTITIES,
  migrations: PARTICIPATION_MIGRATIONS,
  queues: Object.values(PARTICIPATION_QUEUES),
  jobs: Object.values(PARTICIPATION_JOBS),
  schedules: PARTICIPATION_SCHEDULES,
  operationPolicies: PARTICIPATION_OPERATION_POLICIES,
});
