import { PermissionTable, Role } from '@ashar/auth';

/**
 * Community-level permissions of councils. Everything inside a body (meetings, minutes, votes,
 * recommendations, plans) is decided by the body's own membership, not by community roles: see
 * `services/body-access.ts`. Platform admins may do everything (PermissionService) except vote.
 */
export const COUNCILS_PERMISSIONS = {
  /** Create a body attached to the community, and appoint or end its members. */
  'councils.manageBodies': [Role.COMMUNITY_ADMIN],
} satisfies PermissionTable;
