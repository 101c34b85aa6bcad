import { Role } from './role';

/**
 * Who may call an operation, declared once per context next to its permission table and checked by
 * the hardening suite (test/hardening) against what the server actually answers.
 *
 * - `public`: anybody, signed in or not (the answer may still be filtered, e.g. drafts hidden).
 * - `authenticated`: any signed-in account; acts on the caller or on a capability it presents.
 * - `{ scope: 'community', roles }`: one of `roles` in the community that owns the target (the budget,
 *   version, note, import ... named by the arguments). Platform admins pass too (PermissionService).
 * - `{ scope: 'own' }`: only the account itself (and platform admins).
 * - `{ scope: 'platform' }`: platform admins only.
 */
export type OperationAccess =
  | 'public'
  | 'authenticated'
  | { readonly scope: 'community'; readonly roles: readonly Role[] }
  | { readonly scope: 'own' }
  | { readonly scope: 'platform' };

/** `Query.x`, `Mutation.x`, `Type.field` (a field with its own check) or an HTTP route `GET /api/...`. */
export type OperationName = `Query.${string}` | `Mutation.${string}` | `${string}.${string}` | `${'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'} /${string}`;

export interface OperationPolicy {
  readonly operation: OperationName;
  readonly allow: OperationAccess;
  /** The permission-table action the service checks, when there is one (for readers and reviews). */
  readonly permission?: string;
  /** What part of the answer stays public when the restricted part is refused or hidden. */
  readonly publicPart?: string;
  /** Anything a reviewer should know (a rule that looks odd against the domain, a second check). */
  readonly note?: string;
}

/** Community scope from a context's permission table entry: keeps the table and the policy in step. */
export function communityRoles(roles: readonly Role[]): OperationAccess {
  return { scope: 'community', roles };
}

/** True when an actor holding `roles` in the target's community (or being a platform admin) may call. */
export function policyAllows(
  access: OperationAccess,
  actor: { signedIn: boolean; platformAdmin: boolean; rolesInTarget: ReadonlySet<Role>; isTargetAccount?: boolean },
): boolean {
  if (access === 'public') return true;
  if (!actor.signedIn) return false;
  if (access === 'authenticated' || actor.platformAdmin) return true;
  if (access.scope === 'platform') return false;
  if (access.scope === 'own') return !!actor.isTargetAccount;
  return access.roles.some((r) => actor.rolesInTarget.has(r));
}
