import { VersionStatus } from './types';

/**
 * The version workflow. A version is prepared as a DRAFT by the budget group, SUBMITTED for
 * publication by one member and PUBLISHED (public hearing, comment period) by another person;
 * the community admin records the local kenesh's approval (APPROVED), again not the person who
 * submitted it. An amendment is a new DRAFT copied from the latest published or approved version;
 * when it is approved, the version it amends becomes SUPERSEDED.
 */
export type WorkflowAction = 'edit' | 'submit' | 'withdraw' | 'publish' | 'approve' | 'amend' | 'comment';

const ALLOWED: Record<WorkflowAction, readonly VersionStatus[]> = {
  edit: ['DRAFT'],
  submit: ['DRAFT'],
  withdraw: ['SUBMITTED'],
  publish: ['SUBMITTED'],
  approve: ['PUBLISHED'],
  amend: ['PUBLISHED', 'APPROVED'],
  comment: ['PUBLISHED'],
};

export function canTransition(action: WorkflowAction, status: VersionStatus): boolean {
  return ALLOWED[action].includes(status);
}

/** Four eyes: whoever confirms a step must not be whoever prepared it. */
export function isSecondPerson(preparedBy: string | null, confirmingAccountId: string): boolean {
  return !!preparedBy && preparedBy !== confirmingAccountId;
}

/** Public (no login) only once published: drafts and submitted versions stay inside the group. */
export function isPublicStatus(status: VersionStatus): boolean {
  return status === 'PUBLISHED' || status === 'APPROVED' || status === 'SUPERSEDED';
}
