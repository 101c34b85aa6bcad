/** GraphQL operations of the organiser's survey pages (validated against apps/api/schema.gql by operations.contract.spec.ts). */
import type {
  SvAssignInterviewerMutation,
  SvAssignInterviewerMutationVariables,
  SvCommunityVillagesQuery,
  SvCommunityVillagesQueryVariables,
  SvCreateSurveyMutation,
  SvCreateSurveyMutationVariables,
  SvSetQuotasMutation,
  SvSetQuotasMutationVariables,
  SvSurveyQuery,
  SvSurveyQueryVariables,
  SvSurveysOfCommunityQuery,
  SvSurveysOfCommunityQueryVariables,
  SvRecordFromSurveyMutation,
  SvRecordFromSurveyMutationVariables,
} from '../../api/generated/graphql';
import type { Operation } from '../../api/operation';

export type SvSurvey = SvSurveyQuery['survey'];
export type SvVillage = SvCommunityVillagesQuery['community']['unit'];

export const SV_SURVEYS_OF_COMMUNITY = `query SvSurveysOfCommunity($communityId: ID!) {
  surveysOfCommunity(communityId: $communityId) { id title anonymous suppressionThreshold answerSets versions { id number } }
}` as Operation<SvSurveysOfCommunityQuery, SvSurveysOfCommunityQueryVariables>;

export const SV_CREATE_SURVEY = `mutation SvCreateSurvey($input: CreateSurveyInput!) {
  createSurvey(input: $input) { id }
}` as Operation<SvCreateSurveyMutation, SvCreateSurveyMutationVariables>;

export const SV_SURVEY = `query SvSurvey($id: ID!) {
  survey(id: $id) {
    id communityId title anonymous suppressionThreshold answerSets
    ageGroups { key min max }
    versions { id number createdAt form }
    quotaProgress { villageId gender ageGroup target accepted overQuota }
    assignments { id accountId quotaShare villages { id name } }
  }
}` as Operation<SvSurveyQuery, SvSurveyQueryVariables>;

/** The community's unit and the units directly under it: the villages a survey may work in. */
export const SV_COMMUNITY_VILLAGES = `query SvCommunityVillages($id: ID!) {
  community(id: $id) { id unit { id names { ky ru en kk } children { id names { ky ru en kk } } } }
}` as Operation<SvCommunityVillagesQuery, SvCommunityVillagesQueryVariables>;

export const SV_SET_QUOTAS = `mutation SvSetQuotas($input: SetSurveyQuotasInput!) {
  setSurveyQuotas(input: $input) { id }
}` as Operation<SvSetQuotasMutation, SvSetQuotasMutationVariables>;

export const SV_ASSIGN_INTERVIEWER = `mutation SvAssignInterviewer($input: AssignInterviewerInput!) {
  assignInterviewer(input: $input) { id }
}` as Operation<SvAssignInterviewerMutation, SvAssignInterviewerMutationVariables>;

/** A survey of municipalities on the standard questionnaire into the municipality registry (source SURVEY). */
export const SV_RECORD_FROM_SURVEY = `mutation SvRecordFromSurvey($id: ID!) {
  recordMunicipalityObservationsFromSurvey(surveyId: $id) { recorded unchanged skipped { instanceId code messageKey field } }
}` as Operation<SvRecordFromSurveyMutation, SvRecordFromSurveyMutationVariables>;
