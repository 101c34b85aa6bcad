import { defineContext } from '@ashar/manifest';
import { COMPETITIONS_OPERATION_POLICIES } from './competitions.operation-policies';
import { CompetitionsModule } from './competitions.module';
import { COMPETITIONS_ENTITIES } from './entities';
import { COMPETITIONS_MIGRATIONS } from './migrations';

/** Competitions and grant calls: staged applications, blind weighted expert scoring, interviews, published results. */
export const COMPETITIONS_MANIFEST = defineContext({
  name: 'competitions',
  apiModule: CompetitionsModule,
  entities: COMPETITIONS_ENTITIES,
  migrations: COMPETITIONS_MIGRATIONS,
  operationPolicies: COMPETITIONS_OPERATION_POLICIES,
});
