import { OperationPolicy } from '@ashar/auth';
import { BUDGETS_OPERATION_POLICIES } from '@ashar/budgets';
import { IDENTITY_OPERATION_POLICIES } from '@ashar/identity';
import { NOTIFICATIONS_OPERATION_POLICIES } from '@ashar/notifications';
import { TERRITORY_OPERATION_POLICIES } from '@ashar/territory';

/**
 * The routes of the api app itself (apps/api), not of a context. /graphql is Apollo's middleware, not
 * a router route; each GraphQL operation has its own entry in a context table.
 */
export const API_APP_OPERATION_POLICIES: readonly OperationPolicy[] = [
  { operation: 'GET /healthz', allow: 'public' },
  { operation: 'GET /readyz', allow: 'public' },
];

/**
 * The audit context's one operation: the public head of the hash chain (anyone may pin it to check the
 * log later). Kept here rather than in libs/audit until that context has a table of its own.
 */
export const AUDIT_OPERATION_POLICIES: readonly OperationPolicy[] = [{ operation: 'Query.auditAnchor', allow: 'public' }];

export const ALL_OPERATION_POLICIES: readonly OperationPolicy[] = [
  ...BUDGETS_OPERATION_POLICIES,
  ...IDENTITY_OPERATION_POLICIES,
  ...NOTIFICATIONS_OPERATION_POLICIES,
  ...TERRITORY_OPERATION_POLICIES,
  ...AUDIT_OPERATION_POLICIES,
  ...API_APP_OPERATION_POLICIES,
];

/** Router routes that are transport, not operations (none today: Apollo mounts /graphql as middleware). */
export const TRANSPORT_ROUTES = new Set<string>([]);
