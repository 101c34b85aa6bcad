import { OperationPolicy } from '@ashar/auth';
import { composeContexts, CONTEXTS } from '@ashar/contexts';

/**
 * The routes of the api app itself (apps/api), not of a context. /graphql is Apollo's middleware, not
 * a router route; each GraphQL operation has its own entry in a context table.
 */
export const API_APP_OPERATION_POLICIES: readonly OperationPolicy[] = [
  { operation: 'GET /healthz', allow: 'public' },
  { operation: 'GET /readyz', allow: 'public' },
];

/** Every context's table (its manifest's `operationPolicies`), then the api app's own routes. */
export const ALL_OPERATION_POLICIES: readonly OperationPolicy[] = [...composeContexts(CONTEXTS).operationPolicies, ...API_APP_OPERATION_POLICIES];

/** Router routes that are transport, not operations (none today: Apollo mounts /graphql as middleware). */
export const TRANSPORT_ROUTES = new Set<string>([]);
