import { defineContext } from '@ashar/manifest';
import { seedDemoCommunities } from './seed/demo-communities.seed';
import { seedTerritory } from './seed/territory-seeder';
import { TERRITORY_MIGRATIONS } from './migrations';
import { TERRITORY_OPERATION_POLICIES } from './territory.operation-policies';
import { TERRITORY_ENTITIES, TerritoryModule } from './territory.module';

/** Territory: territorial units (classifiers) and communities. Its tables are in the foundation migration; later changes in its own migrations. */
export const TERRITORY_MANIFEST = defineContext({
  name: 'territory',
  apiModule: TerritoryModule,
  entities: TERRITORY_ENTITIES,
  migrations: TERRITORY_MIGRATIONS,
  seed: async (ds) => ({ territorialUnitsAdded: await seedTerritory(ds) }),
  seedDemo: (ds) => seedDemoCommunities(ds),
  operationPolicies: TERRITORY_OPERATION_POLICIES,
});
