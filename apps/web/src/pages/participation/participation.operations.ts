/** GraphQL operations of the participatory-budgeting pages (validated against apps/api/schema.gql by operations.contract.spec.ts). */
import type {
  PbBallotSetQuery,
  PbBallotSetQueryVariables,
  PbUpdateRulesMutation,
  PbUpdateRulesMutationVariables,
  PbEditProposalMutation,
  PbEditProposalMutationVariables,
  PbCreateProcessMutation,
  PbCreateProcessMutationVariables,
  PbEnterPaperBallotMutation,
  PbEnterPaperBallotMutationVariables,
  PbMembersQuery,
  PbMembersQueryVariables,
  PbPaperSheetsQuery,
  PbPaperSheetsQueryVariables,
  PbRecountQuery,
  PbRecountQueryVariables,
  PbRegisterPaperVotersMutation,
  PbRegisterPaperVotersMutationVariables,
  PbCastBallotMutation,
  PbCastBallotMutationVariables,
  PbCommunityQuery,
  PbCommunityQueryVariables,
  PbMovePhaseMutation,
  PbMovePhaseMutationVariables,
  PbOutcomeQuery,
  PbOutcomeQueryVariables,
  PbProcessQuery,
  PbProcessQueryVariables,
  PbProcessesQuery,
  PbProcessesQueryVariables,
  PbReviewProposalMutation,
  PbReviewProposalMutationVariables,
  PbSubmitProposalMutation,
  PbSubmitProposalMutationVariables,
  PbSupportProposalMutation,
  PbSupportProposalMutationVariables,
  PbSetScheduleMutation,
  PbSetScheduleMutationVariables,
  PbAudienceQuery,
  PbAudienceQueryVariables,
  PbSendAnnouncementMutation,
  PbSendAnnouncementMutationVariables,
  PbSetMessageUpdatesMutation,
  PbSetMessageUpdatesMutationVariables,
} from '../../api/generated/graphql';
import type { Operation } from '../../api/operation';

export type { BallotKind, ProcessPhase, ProposalStatus } from '../../api/generated/graphql';

export type PbProcess = PbProcessQuery['participatoryProcess'];
export type PbProposal = PbProcess['proposals'][number];
export type PbRecount = PbRecountQuery['participatoryProcess'];
export type PbOutcome = NonNullable<PbOutcomeQuery['participatoryProcess']['outcome']>;

export const PB_COMMUNITY = `query PbCommunity($id: ID!) {
  community(id: $id) { id names { ky ru en kk } myRoles }
}` as Operation<PbCommunityQuery, PbCommunityQueryVariables>;

export const PB_PROCESSES = `query PbProcesses($communityId: ID!) {
  participatoryProcesses(communityId: $communityId) { id title { ky ru en kk } phase envelope currency ballotKind }
}` as Operation<PbProcessesQuery, PbProcessesQueryVariables>;

export const PB_PROCESS = `query PbProcess($id: ID!) {
  participatoryProcess(id: $id) {
    id communityId title { ky ru en kk } description { ky ru en kk } phase envelope currency
    ballotKind minChoices maxChoices maxPoints countingRule verification minAge rulesFrozenAt viewerCanManage
    timeZone schedule { phase startsAt }
    messageUpdatesForMe announcements { id text { ky ru en kk } createdAt }
    turnout { voters }
    myBallot { receiptCode choices points }
    proposals { id title description status estimatedCost reviewedCost rejectionReason supportCount supportedByMe viewerIsAuthor }
  }
}` as Operation<PbProcessQuery, PbProcessQueryVariables>;

/** The count, asked for by the results section only (the ballot set can be long: not in the page's first answer). */
export const PB_OUTCOME = `query PbOutcome($id: ID!, $lang: Lang) {
  participatoryProcess(id: $id) {
    id
    outcome {
      rule selected totalCost ballotCount ballotSetSha256 explanation ballotSet computedAt
      participation { voters byVillage { key count name(lang: $lang) } byGender { key count } byAgeGroup { key count } }
    }
  }
}` as Operation<PbOutcomeQuery, PbOutcomeQueryVariables>;

export const PB_SUBMIT_PROPOSAL = `mutation PbSubmitProposal($input: SubmitProposalInput!) {
  submitProposal(input: $input) { id status estimatedCost }
}` as Operation<PbSubmitProposalMutation, PbSubmitProposalMutationVariables>;

export const PB_SUPPORT_PROPOSAL = `mutation PbSupportProposal($id: ID!, $support: Boolean!) {
  supportProposal(proposalId: $id, support: $support) { id supportCount supportedByMe }
}` as Operation<PbSupportProposalMutation, PbSupportProposalMutationVariables>;

export const PB_REVIEW_PROPOSAL = `mutation PbReviewProposal($input: ReviewProposalInput!) {
  reviewProposal(input: $input) { id status reviewedCost rejectionReason }
}` as Operation<PbReviewProposalMutation, PbReviewProposalMutationVariables>;

export const PB_MOVE_PHASE = `mutation PbMovePhase($id: ID!, $phase: ProcessPhase!) {
  moveProcessPhase(processId: $id, phase: $phase) { id phase rulesFrozenAt }
}` as Operation<PbMovePhaseMutation, PbMovePhaseMutationVariables>;

export const PB_CAST_BALLOT = `mutation PbCastBallot($input: CastBallotInput!) {
  castBallot(input: $input) { receiptCode firstBallot }
}` as Operation<PbCastBallotMutation, PbCastBallotMutationVariables>;

/** The recount page: the published winners and hash, and the rules the count used (the file itself only on a tap). */
export const PB_RECOUNT = `query PbRecount($id: ID!) {
  participatoryProcess(id: $id) {
    id communityId title { ky ru en kk } phase ballotKind countingRule currency envelope
    proposals { id title }
    outcome { rule selected totalCost ballotCount ballotSetSha256 computedAt }
  }
}` as Operation<PbRecountQuery, PbRecountQueryVariables>;

/** The published ballot set with the figures it is compared with, asked for together when the recount starts. */
export const PB_BALLOT_SET = `query PbBallotSet($id: ID!) {
  participatoryProcess(id: $id) { id outcome { selected ballotSetSha256 ballotSet } }
}` as Operation<PbBallotSetQuery, PbBallotSetQueryVariables>;

export const PB_CREATE_PROCESS = `mutation PbCreateProcess($input: CreateProcessInput!) {
  createParticipatoryProcess(input: $input) { id phase timeZone }
}` as Operation<PbCreateProcessMutation, PbCreateProcessMutationVariables>;

/** A paper sheet entered by a budget-group member (queued on the phone without a connection: clientRequestId). */
export const PB_ENTER_PAPER_BALLOT = `mutation PbEnterPaperBallot($input: EnterPaperBallotInput!) {
  enterPaperBallot(input: $input) { sheetCode status }
}` as Operation<PbEnterPaperBallotMutation, PbEnterPaperBallotMutationVariables>;

/** The meeting's list of paper voters; sending it again registers nobody twice. */
export const PB_REGISTER_PAPER_VOTERS = `mutation PbRegisterPaperVoters($processId: ID!, $accountIds: [ID!]!) {
  registerPaperVoters(processId: $processId, accountIds: $accountIds) { registered alreadyVoted }
}` as Operation<PbRegisterPaperVotersMutation, PbRegisterPaperVotersMutationVariables>;

export const PB_PAPER_SHEETS = `query PbPaperSheets($processId: ID!, $status: PaperSheetStatus) {
  paperSheets(processId: $processId, status: $status) { sheetCode status entries { id choices points enteredBy createdAt } }
}` as Operation<PbPaperSheetsQuery, PbPaperSheetsQueryVariables>;

/** The community's members, to tick who voted on paper at the meeting. */
export const PB_MEMBERS = `query PbMembers($id: ID!) {
  community(id: $id) { id members { member { id displayName } } }
}` as Operation<PbMembersQuery, PbMembersQueryVariables>;

/** The author's edit of their proposal, in the ideas phase. */
export const PB_EDIT_PROPOSAL = `mutation PbEditProposal($input: EditProposalInput!) {
  editProposal(input: $input) { id title description estimatedCost }
}` as Operation<PbEditProposalMutation, PbEditProposalMutationVariables>;

/** The organisers' change of the rules; CONFLICT once voting has opened. */
export const PB_UPDATE_RULES = `mutation PbUpdateRules($id: ID!, $rules: ProcessRulesInput!) {
  updateProcessRules(processId: $id, rules: $rules) { id envelope ballotKind minChoices maxChoices maxPoints countingRule verification minAge }
}` as Operation<PbUpdateRulesMutation, PbUpdateRulesMutationVariables>;

/** The organisers' plan of when each later phase begins by itself (RFC 3339 with the zone's offset). */
export const PB_SET_SCHEDULE = `mutation PbSetSchedule($id: ID!, $phases: [PhaseStartInput!]!) {
  setProcessSchedule(processId: $id, phases: $phases) { id timeZone schedule { phase startsAt } }
}` as Operation<PbSetScheduleMutation, PbSetScheduleMutationVariables>;

/** Who an announcement reaches (per language and channel) and the price of an SMS part: organisers only. */
export const PB_AUDIENCE = `query PbAudience($id: ID!) {
  processMessageAudience(processId: $id) { inApp byLanguage { language sms email } pricePerPartMinor currency maxParts }
}` as Operation<PbAudienceQuery, PbAudienceQueryVariables>;

export const PB_SEND_ANNOUNCEMENT = `mutation PbSendAnnouncement($input: SendProcessAnnouncementInput!) {
  sendProcessAnnouncement(input: $input) { id text { ky ru en kk } createdAt }
}` as Operation<PbSendAnnouncementMutation, PbSendAnnouncementMutationVariables>;

/** A resident's own opt-in to this process's notices by SMS (verified phone) or else email. */
export const PB_SET_MESSAGE_UPDATES = `mutation PbSetMessageUpdates($id: ID!, $on: Boolean!) {
  setProcessMessageUpdates(processId: $id, enabled: $on) { id messageUpdatesForMe }
}` as Operation<PbSetMessageUpdatesMutation, PbSetMessageUpdatesMutationVariables>;
