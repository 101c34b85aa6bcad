import { PermissionTable, Role } from '@ashar/auth';

/** Who may do what with a community's budget. Platform admins may do everything (the four-eyes rule still holds). */
export const BUDGETS_PERMISSIONS = {
  /** Drafts, submitted versions, flags, open monitoring notes, imports. */
  'budget.viewInternal': [Role.BUDGET_GROUP_MEMBER, Role.COMMUNITY_ADMIN],
  /** Only the community's budget group edits. */
  'budget.edit': [Role.BUDGET_GROUP_MEMBER],
  'budget.publish': [Role.BUDGET_GROUP_MEMBER, Role.COMMUNITY_ADMIN],
  /** Only its admin records the kenesh's approval. */
  'budget.approve': [Role.COMMUNITY_ADMIN],
  'budget.recordExecution': [Role.BUDGET_GROUP_MEMBER],
  'budget.monitor': [Role.BUDGET_GROUP_MEMBER],
  'budget.export': [Role.BUDGET_GROUP_MEMBER, Role.COMMUNITY_ADMIN],
  /** Hide and unhide hearing comments and monitoring-note replies (threads); moderators also read hidden text. */
  'budget.moderate': [Role.MODERATOR, Role.COMMUNITY_ADMIN],
} satisfies PermissionTable;
