/** GraphQL operations of the public-council pages (validated against apps/api/schema.gql by operations.contract.spec.ts). */
import type {
  CwCommunityMembersQuery,
  CwCommunityMembersQueryVariables,
  CwAddAgendaItemMutation,
  CwAddAgendaItemMutationVariables,
  CwBodyBriefQuery,
  CwBodyBriefQueryVariables,
  CwBodyQuery,
  CwBodyQueryVariables,
  CwCloseMeetingMutation,
  CwCommunityQuery,
  CwCommunityQueryVariables,
  CwCloseMeetingMutationVariables,
  CwDecideMutation,
  CwDecideMutationVariables,
  CwDirectoryQuery,
  CwDirectoryQueryVariables,
  CwMeetingQuery,
  CwMeetingQueryVariables,
  CwPublishMeetingMutation,
  CwPublishMeetingMutationVariables,
  CwRollCallMutation,
  CwRollCallMutationVariables,
  CwScheduleMeetingMutation,
  CwScheduleMeetingMutationVariables,
  CwSearchDecisionsQuery,
  CwSearchDecisionsQueryVariables,
  CwTrackerQuery,
  CwTrackerQueryVariables,
  CwStateBodiesQuery,
  CwStateBodiesQueryVariables,
  CwCastVoteMutation,
  CwCastVoteMutationVariables,
  CwAttendanceMutation,
  CwAttendanceMutationVariables,
  CwSaveMinutesMutation,
  CwSaveMinutesMutationVariables,
  CwAttachDocumentMutation,
  CwAttachDocumentMutationVariables,
  CwUpdateRulesMutation,
  CwUpdateRulesMutationVariables,
  CwAddMemberMutation,
  CwAddMemberMutationVariables,
  CwEndMembershipMutation,
  CwEndMembershipMutationVariables,
  CwMyContactsMutation,
  CwMyContactsMutationVariables,
  CwSendRecommendationMutation,
  CwSendRecommendationMutationVariables,
  CwAnswerRecommendationMutation,
  CwAnswerRecommendationMutationVariables,
  CwAssessRecommendationMutation,
  CwAssessRecommendationMutationVariables,
  CwRecommendationImplementedMutation,
  CwRecommendationImplementedMutationVariables,
  CwCreatePlanMutation,
  CwCreatePlanMutationVariables,
  CwAddActionItemMutation,
  CwAddActionItemMutationVariables,
  CwActionItemStatusMutation,
  CwActionItemStatusMutationVariables,
  CwActionCheckMutation,
  CwActionCheckMutationVariables,
  CwApportionMutation,
  CwApportionMutationVariables,
  CwPublishApportionmentMutation,
  CwPublishApportionmentMutationVariables,
  CwAskMutation,
  CwAskMutationVariables,
  CwAnswerQuestionMutation,
  CwAnswerQuestionMutationVariables,
  CwQuestionOnAgendaMutation,
  CwQuestionOnAgendaMutationVariables,
} from '../../api/generated/graphql';
import type { Operation } from '../../api/operation';

export type { ActionItemStatus, ApportionmentBasis, ApportionmentMethod, CouncilMajorityBase, CouncilMajorityKind, CouncilMinutesStatus, CouncilQuestionStatus, CouncilTieRule, RecommendationAssessment, CouncilBodyKind, CouncilDecisionOutcome, CouncilDocumentOwnerKind, CouncilMeetingAccess, CouncilMeetingStatus, CouncilMemberRole, CouncilVoteChoice, RecommendationStatus } from '../../api/generated/graphql';
export type CwBody = CwBodyQuery['councilBody'];
export type CwRecommendation = CwBody['recommendations'][number];
export type CwPlan = CwBody['actionPlans'][number];
export type CwApportionment = CwBody['apportionments'][number];
export type CwQuestion = CwBody['questions'][number];
export type CwBodyBrief = CwBodyBriefQuery['councilBody'];
export type CwMeeting = CwMeetingQuery['councilMeeting'];
export type CwDecisionHit = CwSearchDecisionsQuery['searchCouncilDecisions'][number];

export const CW_DIRECTORY = `query CwDirectory($filter: CouncilDirectoryInput) {
  councilDirectory(filter: $filter) {
    id kind customLabel name { ky ru en kk } mandate communityId country regionCode
    stateBody { id name { ky ru en kk } }
  }
}` as Operation<CwDirectoryQuery, CwDirectoryQueryVariables>;

/** The body page: decisions come with their meeting's agenda, so every member's vote is shown without another request. */
export const CW_BODY = `query CwBody($id: ID!) {
  councilBody(id: $id) {
    id kind customLabel name { ky ru en kk } mandate communityId country regionCode viewerIsSecretary viewerCanManageMembers viewerIsMember
    stateBody { id name { ky ru en kk } }
    rules { quorum { numerator denominator } majority qualified { numerator denominator } base tie }
    members { id fullName role termFrom termTo email phone current hasAccount }
    history: members(includePast: true) { id fullName role termFrom termTo current endReason }
    meetings {
      id title startsAt timeZone status access place publishedAt
      agenda { id title votes { membershipId memberName choice } decision { id text outcome decidedOn votesFor votesAgainst abstentions } }
    }
    recommendations {
      id title text status deadline sentOn addresseeId decisionId overdueAt answerText answeredOn assessment implementedOn
      answerDocumentName answerDocumentUrl
    }
    actionPlans {
      id bodyId monitoringBodyId title
      items { id position title responsible deadline status evidence overdue overdueAt checks { id checkedOn finding statusFound monitoringBodyId } documents { id name url mimeType } }
    }
    apportionments { id basis method seats publishedAt explanation figures { id name weight source } allocation { id name seats } }
    questions { id text status answerText agendaItemId createdAt }
  }
}` as Operation<CwBodyQuery, CwBodyQueryVariables>;

/** What the meeting page needs of its body: the name, whether the viewer is its secretary, the members for the roll call. */
export const CW_BODY_BRIEF = `query CwBodyBrief($id: ID!) {
  councilBody(id: $id) {
    id name { ky ru en kk } viewerIsSecretary members { id fullName current }
    meetings { id title startsAt timeZone minutesStatus }
  }
}` as Operation<CwBodyBriefQuery, CwBodyBriefQueryVariables>;

/** The community a body belongs to, by name (the body answers with its id only). */
export const CW_COMMUNITY = `query CwCommunity($id: ID!) {
  community(id: $id) { id names { ky ru en kk } }
}` as Operation<CwCommunityQuery, CwCommunityQueryVariables>;

/** The community's members by name, for the account picker (only its members may read the list; the server decides). */
export const CW_COMMUNITY_MEMBERS = `query CwCommunityMembers($id: ID!) {
  community(id: $id) { id members { id member { id displayName } } }
}` as Operation<CwCommunityMembersQuery, CwCommunityMembersQueryVariables>;

export const CW_MEETING = `query CwMeeting($id: ID!) {
  councilMeeting(id: $id) {
    id bodyId title startsAt endsAt timeZone status access place onlineUrl publishedAt viewerMembershipId
    minutes minutesStatus minutesApprovedAt
    documents { id name url mimeType }
    quorum { members present needed met }
    agenda {
      id position title description linkKind linkId
      documents { id name url mimeType }
      votes { membershipId memberName choice }
      decision { id text outcome votesFor votesAgainst abstentions absent present members }
    }
  }
}` as Operation<CwMeetingQuery, CwMeetingQueryVariables>;

export const CW_SEARCH = `query CwSearchDecisions($input: DecisionSearchInput!) {
  searchCouncilDecisions(input: $input) { id bodyId meetingId text outcome decidedOn votesFor votesAgainst abstentions }
}` as Operation<CwSearchDecisionsQuery, CwSearchDecisionsQueryVariables>;

export const CW_TRACKER = `query CwTracker($country: CouncilCountry) {
  recommendationTracker(country: $country) {
    addressee { id name { ky ru en kk } }
    accepted partlyAccepted rejected implemented ignored overdue answered
  }
}` as Operation<CwTrackerQuery, CwTrackerQueryVariables>;

export const CW_SCHEDULE_MEETING = `mutation CwScheduleMeeting($input: ScheduleMeetingInput!) {
  scheduleCouncilMeeting(input: $input) { id }
}` as Operation<CwScheduleMeetingMutation, CwScheduleMeetingMutationVariables>;

export const CW_ADD_AGENDA_ITEM = `mutation CwAddAgendaItem($input: AgendaItemInput!) {
  addAgendaItem(input: $input) { id }
}` as Operation<CwAddAgendaItemMutation, CwAddAgendaItemMutationVariables>;

export const CW_ROLL_CALL = `mutation CwRollCall($input: RollCallInput!) {
  recordCouncilRollCall(input: $input) { id }
}` as Operation<CwRollCallMutation, CwRollCallMutationVariables>;

export const CW_DECIDE = `mutation CwDecide($input: DecideAgendaItemInput!) {
  decideAgendaItem(input: $input) { id outcome }
}` as Operation<CwDecideMutation, CwDecideMutationVariables>;

export const CW_CLOSE_MEETING = `mutation CwCloseMeeting($meetingId: ID!) {
  closeCouncilMeeting(meetingId: $meetingId) { id status }
}` as Operation<CwCloseMeetingMutation, CwCloseMeetingMutationVariables>;

export const CW_PUBLISH_MEETING = `mutation CwPublishMeeting($meetingId: ID!) {
  publishCouncilMeeting(meetingId: $meetingId) { id publishedAt }
}` as Operation<CwPublishMeetingMutation, CwPublishMeetingMutationVariables>;

export const CW_STATE_BODIES = `query CwStateBodies($country: CouncilCountry) {
  stateBodies(country: $country) { id name { ky ru en kk } }
}` as Operation<CwStateBodiesQuery, CwStateBodiesQueryVariables>;

export const CW_CAST_VOTE = `mutation CwCastVote($agendaItemId: ID!, $choice: CouncilVoteChoice!) {
  castCouncilVote(agendaItemId: $agendaItemId, choice: $choice) { id }
}` as Operation<CwCastVoteMutation, CwCastVoteMutationVariables>;

export const CW_ATTENDANCE = `mutation CwAttendance($input: AttendanceInput!) {
  recordCouncilAttendance(input: $input) { id }
}` as Operation<CwAttendanceMutation, CwAttendanceMutationVariables>;

export const CW_SAVE_MINUTES = `mutation CwSaveMinutes($input: MinutesInput!) {
  saveCouncilMinutes(input: $input) { id minutesStatus }
}` as Operation<CwSaveMinutesMutation, CwSaveMinutesMutationVariables>;

export const CW_ATTACH_DOCUMENT = `mutation CwAttachDocument($input: CouncilDocumentInput!) {
  attachCouncilDocument(input: $input) { id }
}` as Operation<CwAttachDocumentMutation, CwAttachDocumentMutationVariables>;

export const CW_UPDATE_RULES = `mutation CwUpdateRules($bodyId: ID!, $rules: BodyRulesInput!) {
  updateCouncilBodyRules(bodyId: $bodyId, rules: $rules) { id }
}` as Operation<CwUpdateRulesMutation, CwUpdateRulesMutationVariables>;

export const CW_ADD_MEMBER = `mutation CwAddMember($input: AddCouncilMemberInput!) {
  addCouncilMember(input: $input) { id }
}` as Operation<CwAddMemberMutation, CwAddMemberMutationVariables>;

export const CW_END_MEMBERSHIP = `mutation CwEndMembership($input: EndCouncilMembershipInput!) {
  endCouncilMembership(input: $input) { id }
}` as Operation<CwEndMembershipMutation, CwEndMembershipMutationVariables>;

export const CW_MY_CONTACTS = `mutation CwMyContacts($input: MyCouncilContactsInput!) {
  setMyCouncilContacts(input: $input)
}` as Operation<CwMyContactsMutation, CwMyContactsMutationVariables>;

export const CW_SEND_RECOMMENDATION = `mutation CwSendRecommendation($input: SendRecommendationInput!) {
  sendRecommendation(input: $input) { id }
}` as Operation<CwSendRecommendationMutation, CwSendRecommendationMutationVariables>;

export const CW_ANSWER_RECOMMENDATION = `mutation CwAnswerRecommendation($input: AnswerRecommendationInput!) {
  answerRecommendation(input: $input) { id status }
}` as Operation<CwAnswerRecommendationMutation, CwAnswerRecommendationMutationVariables>;

export const CW_ASSESS_RECOMMENDATION = `mutation CwAssessRecommendation($input: AssessRecommendationInput!) {
  assessRecommendation(input: $input) { id status }
}` as Operation<CwAssessRecommendationMutation, CwAssessRecommendationMutationVariables>;

export const CW_RECOMMENDATION_IMPLEMENTED = `mutation CwRecommendationImplemented($recommendationId: ID!, $implementedOn: String!) {
  markRecommendationImplemented(recommendationId: $recommendationId, implementedOn: $implementedOn) { id status }
}` as Operation<CwRecommendationImplementedMutation, CwRecommendationImplementedMutationVariables>;

export const CW_CREATE_PLAN = `mutation CwCreatePlan($input: ActionPlanInput!) {
  createActionPlan(input: $input) { id }
}` as Operation<CwCreatePlanMutation, CwCreatePlanMutationVariables>;

export const CW_ADD_ACTION_ITEM = `mutation CwAddActionItem($input: ActionItemInput!) {
  addActionItem(input: $input) { id }
}` as Operation<CwAddActionItemMutation, CwAddActionItemMutationVariables>;

export const CW_ACTION_ITEM_STATUS = `mutation CwActionItemStatus($input: ActionItemStatusInput!) {
  setActionItemStatus(input: $input) { id status }
}` as Operation<CwActionItemStatusMutation, CwActionItemStatusMutationVariables>;

export const CW_ACTION_CHECK = `mutation CwActionCheck($input: ActionCheckInput!) {
  recordActionCheck(input: $input) { id }
}` as Operation<CwActionCheckMutation, CwActionCheckMutationVariables>;

export const CW_APPORTION = `mutation CwApportion($input: ApportionSeatsInput!) {
  apportionCouncilSeats(input: $input) { id }
}` as Operation<CwApportionMutation, CwApportionMutationVariables>;

export const CW_PUBLISH_APPORTIONMENT = `mutation CwPublishApportionment($id: ID!) {
  publishSeatApportionment(id: $id) { id publishedAt }
}` as Operation<CwPublishApportionmentMutation, CwPublishApportionmentMutationVariables>;

export const CW_ASK = `mutation CwAsk($input: AskCouncilInput!) {
  askCouncil(input: $input) { id }
}` as Operation<CwAskMutation, CwAskMutationVariables>;

export const CW_ANSWER_QUESTION = `mutation CwAnswerQuestion($input: AnswerQuestionInput!) {
  answerCouncilQuestion(input: $input) { id status }
}` as Operation<CwAnswerQuestionMutation, CwAnswerQuestionMutationVariables>;

export const CW_QUESTION_ON_AGENDA = `mutation CwQuestionOnAgenda($questionId: ID!, $meetingId: ID!) {
  putQuestionOnAgenda(questionId: $questionId, meetingId: $meetingId) { id status }
}` as Operation<CwQuestionOnAgendaMutation, CwQuestionOnAgendaMutationVariables>;
