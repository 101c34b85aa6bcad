/** GraphQL operations of the competition pages (validated against apps/api/schema.gql by operations.contract.spec.ts). */
import type {
  CmpCommunityCallsQuery,
  CmpCommunityCallsQueryVariables,
  CmpCreateCallMutation,
  CmpCreateCallMutationVariables,
  CmpOpenCallMutation,
  CmpOpenCallMutationVariables,
  CmpUpdateCallMutation,
  CmpUpdateCallMutationVariables,
  CmpApplicationQuery,
  CmpApplicationQueryVariables,
  CmpAssignReviewersMutation,
  CmpAssignReviewersMutationVariables,
  CmpCallApplicationsQuery,
  CmpCallApplicationsQueryVariables,
  CmpCallQuery,
  CmpCallQueryVariables,
  CmpCallsQuery,
  CmpCallsQueryVariables,
  CmpDecideMutation,
  CmpDecideMutationVariables,
  CmpDeclareConflictMutation,
  CmpDeclareConflictMutationVariables,
  CmpForReviewQuery,
  CmpForReviewQueryVariables,
  CmpMyApplicationsQuery,
  CmpMyApplicationsQueryVariables,
  CmpMyRolesQuery,
  CmpMyRolesQueryVariables,
  CmpPublishResultsMutation,
  CmpPublishResultsMutationVariables,
  CmpRankingQuery,
  CmpRankingQueryVariables,
  CmpResultsQuery,
  CmpResultsQueryVariables,
  CmpReviewAssignmentsQuery,
  CmpReviewAssignmentsQueryVariables,
  CmpSaveDraftMutation,
  CmpSaveDraftMutationVariables,
  CmpScoreSummaryQuery,
  CmpScoreSummaryQueryVariables,
  CmpStartMutation,
  CmpStartMutationVariables,
  CmpSubmitScoresMutation,
  CmpSubmitScoresMutationVariables,
  CmpSubmitStageMutation,
  CmpSubmitStageMutationVariables,
} from '../../api/generated/graphql';
import type { Operation } from '../../api/operation';

export type { ApplicantKind, ApplicationDecision, ApplicationStatus, CallLanguage, CallStatus } from '../../api/generated/graphql';
export type CmpCall = CmpCallQuery['competitionCall'];
export type CmpApplication = CmpApplicationQuery['competitionApplication'];
export type CmpReview = CmpForReviewQuery['applicationForReview'];

const CALL_FIELDS = `id communityId status anonymousReview title { ky ru en kk } summary { ky ru en kk } currency grantCap maxDurationMonths timeZone languages applicantKinds
    directions { key name { ky ru en kk } }
    criteria { key name { ky ru en kk } weight min max }
    requiredDocuments { ky ru en kk }
    stages { number name { ky ru en kk } deadlineAt deadlineLocal timeZone form shortlistedOnly }`;

/** The public list: open calls and calls with results, every community. */
export const CMP_CALLS = `query CmpCalls {
  publicCompetitionCalls { id status title { ky ru en kk } summary { ky ru en kk } currency grantCap stages { number deadlineLocal } }
}` as Operation<CmpCallsQuery, CmpCallsQueryVariables>;

export const CMP_CALL = `query CmpCall($id: ID!) {
  competitionCall(id: $id) { ${CALL_FIELDS} }
}` as Operation<CmpCallQuery, CmpCallQueryVariables>;

/** The viewer's roles in the organiser community: which screens (organiser's, expert's) to offer; the server checks again. */
export const CMP_MY_ROLES = `query CmpMyRoles($id: ID!) {
  community(id: $id) { id names { ky ru en kk } myRoles }
}` as Operation<CmpMyRolesQuery, CmpMyRolesQueryVariables>;

export const CMP_MY_APPLICATIONS = `query CmpMyApplications {
  myCompetitionApplications { id callId title status currentStage }
}` as Operation<CmpMyApplicationsQuery, CmpMyApplicationsQueryVariables>;

export const CMP_APPLICATION = `query CmpApplication($id: ID!) {
  competitionApplication(id: $id) {
    id callId title summary status currentStage directionKey organisationName partnerName targetRegion requestedAmount amendmentUntil decisionReason drafts
    submissions { stageNumber version answers submittedAt }
    interviews { id startsAt }
  }
}` as Operation<CmpApplicationQuery, CmpApplicationQueryVariables>;

export const CMP_START = `mutation CmpStart($input: StartApplicationInput!) {
  startApplication(input: $input) { id }
}` as Operation<CmpStartMutation, CmpStartMutationVariables>;

export const CMP_SAVE_DRAFT = `mutation CmpSaveDraft($input: SaveDraftInput!) {
  saveApplicationDraft(input: $input) { id drafts }
}` as Operation<CmpSaveDraftMutation, CmpSaveDraftMutationVariables>;

export const CMP_SUBMIT_STAGE = `mutation CmpSubmitStage($applicationId: ID!, $stage: Int!) {
  submitApplicationStage(applicationId: $applicationId, stage: $stage) { stageNumber version submittedAt }
}` as Operation<CmpSubmitStageMutation, CmpSubmitStageMutationVariables>;

export const CMP_REVIEW_ASSIGNMENTS = `query CmpReviewAssignments($callId: ID!) {
  reviewAssignments(callId: $callId) { scored total items { applicationId title directionKey scored outdated } }
}` as Operation<CmpReviewAssignmentsQuery, CmpReviewAssignmentsQueryVariables>;

/** The expert's view: no one else's scores here (scoreSummary is asked for separately, once the expert's own are in). */
export const CMP_FOR_REVIEW = `query CmpForReview($applicationId: ID!) {
  applicationForReview(applicationId: $applicationId) {
    id callId title summary directionKey organisationName targetRegion
    myScores { criterionKey score comment }
    submissions { stageNumber version answers }
  }
}` as Operation<CmpForReviewQuery, CmpForReviewQueryVariables>;

export const CMP_SCORE_SUMMARY = `query CmpScoreSummary($applicationId: ID!) {
  applicationForReview(applicationId: $applicationId) { id scoreSummary { reviews weightedMean spread sheets { total } } }
}` as Operation<CmpScoreSummaryQuery, CmpScoreSummaryQueryVariables>;

export const CMP_SUBMIT_SCORES = `mutation CmpSubmitScores($input: SubmitScoresInput!) {
  submitScores(input: $input) { criterionKey score comment }
}` as Operation<CmpSubmitScoresMutation, CmpSubmitScoresMutationVariables>;

export const CMP_DECLARE_CONFLICT = `mutation CmpDeclareConflict($applicationId: ID!, $reason: String) {
  declareConflict(applicationId: $applicationId, reason: $reason)
}` as Operation<CmpDeclareConflictMutation, CmpDeclareConflictMutationVariables>;

export const CMP_CALL_APPLICATIONS = `query CmpCallApplications($callId: ID!) {
  callApplications(callId: $callId) { id title status directionKey organisationName targetRegion requestedAmount awardedAmount decisionReason }
}` as Operation<CmpCallApplicationsQuery, CmpCallApplicationsQueryVariables>;

export const CMP_RANKING = `query CmpRanking($callId: ID!) {
  callRanking(callId: $callId) {
    entries { applicationId title directionKey status reviews weightedMean meanZ spread }
    progress { expertAccountId scored total }
  }
}` as Operation<CmpRankingQuery, CmpRankingQueryVariables>;

export const CMP_ASSIGN_REVIEWERS = `mutation CmpAssignReviewers($callId: ID!, $perApplication: Int!) {
  assignReviewers(callId: $callId, perApplication: $perApplication) { created short { applicationId missing } }
}` as Operation<CmpAssignReviewersMutation, CmpAssignReviewersMutationVariables>;

export const CMP_DECIDE = `mutation CmpDecide($input: DecideApplicationInput!) {
  decideApplication(input: $input) { id status decisionReason awardedAmount }
}` as Operation<CmpDecideMutation, CmpDecideMutationVariables>;

export const CMP_PUBLISH_RESULTS = `mutation CmpPublishResults($callId: ID!) {
  publishCompetitionResults(callId: $callId) { id status }
}` as Operation<CmpPublishResultsMutation, CmpPublishResultsMutationVariables>;

export const CMP_RESULTS = `query CmpResults($callId: ID!) {
  competitionResults(callId: $callId) {
    callId applied selectedCount currency totalAwarded
    counts { directionKey stageNumber applications }
    selected { applicationId title directionKey targetRegion organisationName partnerName summary amount exclusionReason }
  }
}` as Operation<CmpResultsQuery, CmpResultsQueryVariables>;

/** The organiser's editor: a DRAFT call is created, then replaced whole, then opened (after which it no longer changes). */
export const CMP_CREATE_CALL = `mutation CmpCreateCall($input: CreateCallInput!) {
  createCompetitionCall(input: $input) { id status }
}` as Operation<CmpCreateCallMutation, CmpCreateCallMutationVariables>;

export const CMP_UPDATE_CALL = `mutation CmpUpdateCall($input: UpdateCallInput!) {
  updateCompetitionCall(input: $input) { id status }
}` as Operation<CmpUpdateCallMutation, CmpUpdateCallMutationVariables>;

export const CMP_OPEN_CALL = `mutation CmpOpenCall($callId: ID!) {
  openCompetitionCall(callId: $callId) { id status }
}` as Operation<CmpOpenCallMutation, CmpOpenCallMutationVariables>;

/** A community's calls, drafts included for its organisers (the server decides what the viewer may see). */
export const CMP_COMMUNITY_CALLS = `query CmpCommunityCalls($communityId: ID!) {
  competitionCalls(communityId: $communityId) { id status title { ky ru en kk } }
}` as Operation<CmpCommunityCallsQuery, CmpCommunityCallsQueryVariables>;
