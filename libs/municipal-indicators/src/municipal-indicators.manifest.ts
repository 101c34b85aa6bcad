import { defineContext } from '@ashar/manifest';
import { MUNICIPAL_INDICATORS_ENTITIES } from './entities';
import { MUNICIPAL_INDICATORS_MIGRATIONS } from './migrations';
import { MunicipalIndicatorsModule } from './municipal-indicators.module';
import { MUNICIPAL_INDICATORS_OPERATION_POLICIES } from './municipal-indicators.operation-policies';
import { seedDemoMunicipalIndicators } from './seed/demo-indicators.seed';

/** Municipality indicators (issue 14): website, social accounts, e-services, Tunduk, a contact that answers, per aiyl okrug or city. */
export const MUNICIPAL_INDICATORS_MANIFEST = defineContext({
  name: 'municipal-indicators',
  apiModule: MunicipalIndicatorsModule,
  entities: MUNICIPAL_INDICATORS_ENTITIES,
  migrations: MUNICIPAL_INDICATORS_MIGRATIONS,
  seedDemo: (ds, seeded) => seedDemoMunicipalIndicators(ds, typeof seeded.platformAdminId === 'string' ? seeded.platformAdminId : undefined),
  operationPolicies: MUNICIPAL_INDICATORS_OPERATION_POLICIES,
});
