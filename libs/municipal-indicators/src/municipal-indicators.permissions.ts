import { PermissionTable, Role } from '@ashar/auth';

/**
 * Who records observations of a municipality: the admin or a budget-group member of a community on
 * that unit (platform admins always). There is no researcher role on the platform (yet): survey teams
 * record through a platform admin or a member, or through the SURVEY seam once the surveys server is connected.
 */
export const MUNICIPAL_INDICATORS_PERMISSIONS = {
  'municipalIndicators.record': [Role.COMMUNITY_ADMIN, Role.BUDGET_GROUP_MEMBER],
} satisfies PermissionTable;
