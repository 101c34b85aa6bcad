import { communityRoles, OperationPolicy } from '@ashar/auth';
import { SURVEYS_PERMISSIONS as P } from './surveys.permissions';

const manage = communityRoles(P['surveys.manage']);

/** Who may call each surveys operation, read from the services' checks. */
export const SURVEYS_OPERATION_POLICIES: readonly OperationPolicy[] = [
  { operation: 'Mutation.createSurvey', allow: manage, permission: 'surveys.manage' },
  { operation: 'Mutation.publishSurveyFormVersion', allow: manage, permission: 'surveys.manage', publicPart: 'NOT_FOUND to all but its organisers', note: 'BAD_USER_INPUT with checkForm’s problem paths' },
  { operation: 'Mutation.setSurveyQuotas', allow: manage, permission: 'surveys.manage', publicPart: 'NOT_FOUND to all but its organisers', note: 'CONFLICT when age groups change after answer sets arrived' },
  { operation: 'Mutation.assignInterviewer', allow: manage, permission: 'surveys.manage', publicPart: 'NOT_FOUND to all but its organisers', note: 'the account must hold INTERVIEWER in the community' },
  { operation: 'Query.surveysOfCommunity', allow: manage, permission: 'surveys.manage' },
  { operation: 'Query.survey', allow: manage, permission: 'surveys.manage', publicPart: 'NOT_FOUND to all but its organisers' },
  { operation: 'Query.mySurveyAssignments', allow: 'authenticated', note: 'the caller’s own assignments in communities where they still hold INTERVIEWER; empty otherwise' },
  { operation: 'Mutation.submitSurveyAnswerSet', allow: { scope: 'own' }, permission: 'surveys.interview', publicPart: 'NOT_FOUND unless the assignment is the caller’s (own: the assignment’s account), who must still hold INTERVIEWER; FORBIDDEN for a village not assigned' },
  { operation: 'Mutation.submitSurveyAnswerSets', allow: 'authenticated', note: 'a batch: each item is judged like submitSurveyAnswerSet and answered with its receipt or its error' },
  { operation: 'Query.surveyResults', allow: manage, permission: 'surveys.manage', publicPart: 'NOT_FOUND to all but its organisers', note: 'small cells suppressed (primary and secondary); BAD_USER_INPUT for an unknown question, missing bins' },
  { operation: 'GET /api/surveys/:surveyId/answers.csv', allow: manage, permission: 'surveys.manage', publicPart: 'NOT_FOUND to all but its organisers', note: 'microdata: audited (surveys.export)' },
  { operation: 'GET /api/surveys/:surveyId/answers.xlsx', allow: manage, permission: 'surveys.manage', publicPart: 'NOT_FOUND to all but its organisers', note: 'microdata: audited (surveys.export)' },
  { operation: 'GET /api/surveys/:surveyId/codebook.csv', allow: manage, permission: 'surveys.manage', publicPart: 'NOT_FOUND to all but its organisers' },
  { operation: 'GET /api/surveys/:surveyId/answers.sps', allow: manage, permission: 'surveys.manage', publicPart: 'NOT_FOUND to all but its organisers' },
  { operation: 'GET /api/surveys/:surveyId/versions/:number/xlsform.xlsx', allow: manage, permission: 'surveys.manage', publicPart: 'NOT_FOUND to all but its organisers' },
  { operation: 'POST /api/surveys/:surveyId/xlsform', allow: manage, permission: 'surveys.manage', publicPart: 'NOT_FOUND to all but its organisers, before the body is read', note: 'BAD_USER_INPUT with every problem and its cell' },
];
