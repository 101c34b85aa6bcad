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

/**
 * The statuses of a version that can be the one citizens see now: of these, the one with the highest
 * number is "the public version" (a superseded version stays readable but is never current).
 */
export const CURRENT_PUBLIC_STATUSES: readonly VersionStatus[] = ['PUBLISHED', 'APPROVED'];

/** The one rule for "which version is public": the latest published or approved one, else none. Versions by number, ascending. */
export function publicVersionOf<V extends { status: VersionStatus }>(versions: readonly V[]): V | null {
  for (let i = versions.length - 1; i >= 0; i--) if (CURRENT_PUBLIC_STATUSES.includes(versions[i].status)) return versions[i];
  return null;
}

/** The draft or submitted version (at most one per budget). */
export function openVersionOf<V extends { status: VersionStatus }>(versions: readonly V[]): V | null {
  return versions.find((v) => v.status === 'DRAFT' || v.status === 'SUBMITTED') ?? null;
}

/** What a reader may list: everything for the budget group and admin, the public ones for everybody else. */
export function visibleVersions<V extends { status: VersionStatus }>(versions: readonly V[], canSeeInternal: boolean): V[] {
  return canSeeInternal ? [...versions] : versions.filter((v) => isPublicStatus(v.status));
}

/** Flags watch the public version; before anything is public, the newest version. */
export function flaggedVersionOf<V extends { status: VersionStatus }>(versions: readonly V[]): V | null {
  return publicVersionOf(versions) ?? versions[versions.length - 1] ?? null;
}
