import { PermissionTable, Role } from '@ashar/auth';

/** Every role a community gives: all of its members are its residents for participation. */
const RESIDENTS = Object.values(Role);

/** Who may do what in a community's participatory budgeting. Platform admins may do everything (PermissionService). */
export const PARTICIPATION_PERMISSIONS = {
  /** Create a process, set its rules, move its phases, review proposals. */
  'participation.manage': [Role.COMMUNITY_ADMIN, Role.BUDGET_GROUP_MEMBER],
  /** Propose, support, vote: the community's residents (members, whatever their role). */
  'participation.propose': RESIDENTS,
  'participation.vote': RESIDENTS,
} satisfies PermissionTable;
