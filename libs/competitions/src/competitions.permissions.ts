import { PermissionTable, Role } from '@ashar/auth';

/** Who may do what in a community's competitions. Platform admins may do everything (PermissionService). */
export const COMPETITIONS_PERMISSIONS = {
  /** Run calls: define, open, build the committee, assign, decide, interview, publish results. */
  'competitions.manage': [Role.COMMUNITY_ADMIN, Role.COUNCIL_SECRETARY],
  /** Review on a call's committee: also needs a seat on that call's committee and an assignment. */
  'competitions.review': [Role.EXPERT],
} satisfies PermissionTable;
