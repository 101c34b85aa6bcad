import { registerEnumType } from '@nestjs/graphql';

/** Roles are held per community; platform admin is a flag on the account, not a community role. */
export enum Role {
  CITIZEN = 'CITIZEN',
  BUDGET_GROUP_MEMBER = 'BUDGET_GROUP_MEMBER',
  COUNCIL_SECRETARY = 'COUNCIL_SECRETARY',
  COUNCIL_MEMBER = 'COUNCIL_MEMBER',
  MODERATOR = 'MODERATOR',
  EXPERT = 'EXPERT',
  /** Fills survey questionnaires in the field (issue 14); sees only their own assignments. */
  INTERVIEWER = 'INTERVIEWER',
  COMMUNITY_ADMIN = 'COMMUNITY_ADMIN',
}
registerEnumType(Role, { name: 'Role' });

/** action → roles allowed to do it. Each context declares its own table next to its services. */
export type PermissionTable<A extends string = string> = Record<A, readonly Role[]>;
