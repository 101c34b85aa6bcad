import { OperationPolicy } from '@ashar/auth';
import { BUDGETS_OPERATION_POLICIES } from '@ashar/budgets';
import { IDENTITY_OPERATION_POLICIES } from '@ashar/identity';
import { TERRITORY_OPERATION_POLICIES } from '@ashar/territory';

/**
 * The routes of the api app itself (apps/api), not of a context. /graphql is Apollo's middleware, not
 * a router route; each GraphQL operation has its own entry in a context table.
 */
export const API_APP_OPERATION_POLICIES: readonly OperationPolicy[] = [
  { operation: 'GET /healthz', allow: 'public' },
  { operation: 'GET /readyz', allow: 'public' },
];

// The audit context has no GraphQL operation in this checkout. When the public `auditAnchor` query
// lands (another change in flight), it needs `{ operation: 'Query.auditAnchor', allow: 'public' }` in an
// audit table here, and the matrix fails until it has one.
export const ALL_OPERATION_POLICIES: readonly OperationPolicy[] = [
  ...BUDGETS_OPERATION_POLICIES,
  ...IDENTITY_OPERATION_POLICIES,
  ...TERRITORY_OPERATION_POLICIES,
  ...API_APP_OPERATION_POLICIES,
];

/** Router routes that are transport, not operations (none today: Apollo mounts /graphql as middleware). */
export const TRANSPORT_ROUTES = new Set<string>([]);
