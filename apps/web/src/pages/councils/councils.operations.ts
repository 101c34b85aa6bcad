/** GraphQL operations of the public-council pages (validated against apps/api/schema.gql by operations.contract.spec.ts). */
import type {
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
} from '../../api/generated/graphql';
import type { Operation } from '../../api/operation';

export type { CouncilBodyKind, CouncilDecisionOutcome, CouncilMeetingAccess, CouncilMeetingStatus, CouncilMemberRole, CouncilVoteChoice, RecommendationStatus } from '../../api/generated/graphql';
export type CwBody = CwBodyQuery['councilBody'];
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
    id kind customLabel name { ky ru en kk } mandate communityId country regionCode viewerIsSecretary
    stateBody { id name { ky ru en kk } }
    members { id fullName role termFrom termTo email phone current }
    meetings {
      id title startsAt timeZone status access place publishedAt
      agenda { id title votes { membershipId memberName choice } decision { id text outcome decidedOn votesFor votesAgainst abstentions } }
    }
    recommendations { id title status deadline sentOn addresseeId }
  }
}` as Operation<CwBodyQuery, CwBodyQueryVariables>;

/** What the meeting page needs of its body: the name, whether the viewer is its secretary, the members for the roll call. */
export const CW_BODY_BRIEF = `query CwBodyBrief($id: ID!) {
  councilBody(id: $id) { id name { ky ru en kk } viewerIsSecretary members { id fullName current } }
}` as Operation<CwBodyBriefQuery, CwBodyBriefQueryVariables>;

/** The community a body belongs to, by name (the body answers with its id only). */
export const CW_COMMUNITY = `query CwCommunity($id: ID!) {
  community(id: $id) { id names { ky ru en kk } }
}` as Operation<CwCommunityQuery, CwCommunityQueryVariables>;

export const CW_MEETING = `query CwMeeting($id: ID!) {
  councilMeeting(id: $id) {
    id bodyId title startsAt endsAt timeZone status access place onlineUrl publishedAt
    quorum { members present needed met }
    agenda {
      id position title description
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
