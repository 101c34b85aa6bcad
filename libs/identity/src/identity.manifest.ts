import { defineContext } from '@ashar/manifest';
import { IDENTITY_OPERATION_POLICIES } from './identity.operation-policies';
import { IDENTITY_ENTITIES, IdentityModule } from './identity.module';
import { IDENTITY_MIGRATIONS } from './migrations';
import { seedDemoAccounts } from './seed/demo-accounts.seed';

/** Identity: accounts, sessions, memberships, invitations (their notices go through notifications). */
export const IDENTITY_MANIFEST = defineContext({
  name: 'identity',
  apiModule: IdentityModule,
  entities: IDENTITY_ENTITIES,
  migrations: IDENTITY_MIGRATIONS,
  // After territory's demo seed, whose community ids the memberships refer to.
  seedDemo: (ds, seeded) => seedDemoAccounts(ds, (seeded.communities ?? {}) as Record<string, string>),
  operationPolicies: IDENTITY_OPERATION_POLICIES,
});
