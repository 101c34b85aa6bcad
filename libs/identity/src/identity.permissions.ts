import { PermissionTable, Role } from '@ashar/auth';

const ANY_MEMBER = Object.values(Role);

/** Who may do what in a community, for this context. Platform admins may do everything. */
export const IDENTITY_PERMISSIONS = {
  'community.viewMembers': ANY_MEMBER,
  'community.invite': [Role.COMMUNITY_ADMIN],
  'community.approveMembers': [Role.COMMUNITY_ADMIN],
  'resident.assist': [Role.BUDGET_GROUP_MEMBER, Role.COMMUNITY_ADMIN],
} satisfies PermissionTable;
