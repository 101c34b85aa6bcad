import { defineContext } from '@ashar/manifest';
import { SURVEYS_ENTITIES } from './entities';
import { SURVEYS_MIGRATIONS } from './migrations';
import { seedDemoSurveys } from './seed/demo-surveys.seed';
import { SurveysModule } from './surveys.module';
import { SURVEYS_OPERATION_POLICIES } from './surveys.operation-policies';

/** Field surveys (issue 14): questionnaires, quotas, interviewers offline, answer sets. */
export const SURVEYS_MANIFEST = defineContext({
  name: 'surveys',
  apiModule: SurveysModule,
  entities: SURVEYS_ENTITIES,
  migrations: SURVEYS_MIGRATIONS,
  seedDemo: (ds, seeded) => seedDemoSurveys(ds, (seeded.communities ?? {}) as Record<string, string>, typeof seeded.platformAdminId === 'string' ? seeded.platformAdminId : undefined),
  operationPolicies: SURVEYS_OPERATION_POLICIES,
});
