import { PermissionTable, Role } from '@ashar/auth';

/**
 * Who may do what in a community's surveys. Platform admins may do everything (PermissionService).
 * Organising is the community admin's alone: a survey's answer sets are about residents (gender, age,
 * village, opinions), so the platform does not widen it to every budget-group member; an admin who
 * wants a member to organise gives them COMMUNITY_ADMIN.
 */
export const SURVEYS_PERMISSIONS = {
  /** Define surveys, publish form versions, set quotas, assign interviewers, read progress. */
  'surveys.manage': [Role.COMMUNITY_ADMIN],
  /** Fill questionnaires in the field: also needs an assignment to the survey and the village. */
  'surveys.interview': [Role.INTERVIEWER],
} satisfies PermissionTable;
