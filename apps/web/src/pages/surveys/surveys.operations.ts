/** GraphQL operations of the interviewer's field screen (validated against apps/api/schema.gql by operations.contract.spec.ts). */
import type { SvMyAssignmentsQuery, SvMyAssignmentsQueryVariables, SvSubmitAnswerSetMutation, SvSubmitAnswerSetMutationVariables } from '../../api/generated/graphql';
import type { Operation } from '../../api/operation';

export type SvAssignment = SvMyAssignmentsQuery['mySurveyAssignments'][number];

export const SV_MY_ASSIGNMENTS = `query SvMyAssignments {
  mySurveyAssignments {
    id
    survey { id title consent titles consents anonymous }
    formVersion { id number form }
    ageGroups { key min max }
    villages { id name names { ky ru en kk } }
    quotaCells { villageId gender ageGroup target accepted }
    quotaShare
  }
}` as Operation<SvMyAssignmentsQuery, SvMyAssignmentsQueryVariables>;

export const SV_SUBMIT_ANSWER_SET = `mutation SvSubmitAnswerSet($input: SubmitSurveyAnswerSetInput!) {
  submitSurveyAnswerSet(input: $input) { instanceId status overQuota replacedInstanceId }
}` as Operation<SvSubmitAnswerSetMutation, SvSubmitAnswerSetMutationVariables>;
