import { communityRoles, OperationPolicy } from '@ashar/auth';
import { COMPETITIONS_PERMISSIONS as P } from './competitions.permissions';

const manage = communityRoles(P['competitions.manage']);
const review = communityRoles(P['competitions.review']);
const editors = { scope: 'own' } as const;

/** Who may call each competitions operation, read from the services' checks. */
export const COMPETITIONS_OPERATION_POLICIES: readonly OperationPolicy[] = [
  { operation: 'Query.competitionCall', allow: 'public', publicPart: 'a DRAFT call answers NOT_FOUND to all but its organisers' },
  { operation: 'Query.competitionCalls', allow: 'public', publicPart: 'DRAFT calls are left out for all but the organisers' },
  { operation: 'Query.publicCompetitionCalls', allow: 'public', publicPart: 'open calls and calls with results only, never drafts' },
  { operation: 'Query.competitionResults', allow: 'public', publicPart: 'NOT_FOUND until the organisers publish the results' },
  { operation: 'Mutation.createCompetitionCall', allow: manage, permission: 'competitions.manage' },
  { operation: 'Mutation.updateCompetitionCall', allow: manage, permission: 'competitions.manage', note: 'CONFLICT once open' },
  { operation: 'Mutation.openCompetitionCall', allow: manage, permission: 'competitions.manage', note: 'CONFLICT once open' },
  { operation: 'Mutation.publishCompetitionResults', allow: manage, permission: 'competitions.manage', note: 'CONFLICT once published' },
  // Applications: any signed-in account may start one and becomes its editor; the rest is its editors'.
  { operation: 'Mutation.startApplication', allow: 'authenticated', note: 'BAD_USER_INPUT for an applicant kind the call does not accept; CONFLICT after the deadline' },
  { operation: 'Query.myCompetitionApplications', allow: 'authenticated', note: 'the caller’s own applications only' },
  { operation: 'Query.competitionApplication', allow: editors, publicPart: 'NOT_FOUND to all but its editors (organisers read it through callApplications, experts through applicationForReview)' },
  { operation: 'Mutation.saveApplicationDraft', allow: editors, publicPart: 'NOT_FOUND to all but its editors' },
  { operation: 'Mutation.submitApplicationStage', allow: editors, publicPart: 'NOT_FOUND to all but its editors' },
  { operation: 'Mutation.addApplicationEditor', allow: editors, publicPart: 'NOT_FOUND to all but its editors' },
  { operation: 'POST /api/competition-applications/:applicationId/files', allow: editors, publicPart: 'NOT_FOUND to all but its editors, before the body is read; the type is read from the bytes against the form’s allowed list' },
  { operation: 'GET /api/competition-files/:id', allow: manage, permission: 'competitions.manage', publicPart: 'also the application’s editors and its assigned experts without a conflict; NOT_FOUND to anyone else; always an attachment' },
  { operation: 'Query.callApplications', allow: manage, permission: 'competitions.manage' },
  { operation: 'Mutation.decideApplication', allow: manage, permission: 'competitions.manage', note: 'audited with its reason' },
  { operation: 'Mutation.excludeApplication', allow: manage, permission: 'competitions.manage', note: 'selected projects only; the reason is published' },
  { operation: 'Mutation.scheduleInterview', allow: manage, permission: 'competitions.manage' },
  { operation: 'Mutation.recordInterviewNotes', allow: manage, permission: 'competitions.manage' },
  { operation: 'Mutation.openAmendmentWindow', allow: manage, permission: 'competitions.manage', note: 'CONFLICT before an interview took place' },
  // The committee.
  { operation: 'Mutation.addCallExpert', allow: manage, permission: 'competitions.manage', note: 'the expert must hold EXPERT in the organiser community' },
  { operation: 'Mutation.assignReviewers', allow: manage, permission: 'competitions.manage' },
  { operation: 'Mutation.setReviewAssignment', allow: manage, permission: 'competitions.manage', note: 'CONFLICT for an expert with a conflict of interest' },
  { operation: 'Query.callRanking', allow: manage, permission: 'competitions.manage', note: 'an organiser who also sits on the committee: FORBIDDEN until they scored all theirs (blind scoring)' },
  { operation: 'Query.reviewAssignments', allow: review, permission: 'competitions.review', note: 'the caller’s own assignments only' },
  { operation: 'Query.applicationForReview', allow: review, permission: 'competitions.review', publicPart: 'NOT_FOUND unless the caller is assigned to it without a conflict of interest' },
  { operation: 'ApplicationForReview.scoreSummary', allow: review, permission: 'competitions.review', note: 'FORBIDDEN until the caller submitted their own scores (blind scoring)' },
  { operation: 'Mutation.submitScores', allow: review, permission: 'competitions.review', note: 'scores checked against the published scales first; then NOT_FOUND for a conflicted expert, FORBIDDEN for an unassigned one' },
  { operation: 'Mutation.declareConflict', allow: review, permission: 'competitions.review', note: 'FORBIDDEN for an expert not on the call’s committee' },
];
