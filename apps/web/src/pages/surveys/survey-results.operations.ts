/** The organiser's results query (`surveyResults`, libs/surveys), validated against apps/api/schema.gql by operations.contract.spec.ts. */
import type { SurveyDimension, SvSurveyResultsQuery, SvSurveyResultsQueryVariables } from '../../api/generated/graphql';
import type { Operation } from '../../api/operation';

export type SvDimension = SurveyDimension;
export const SV_DIMENSIONS: readonly SvDimension[] = ['TERRITORY', 'GENDER', 'AGE_GROUP'];
export type SvBreakdown = SvSurveyResultsQuery['surveyResults'];
export type SvBreakdownCell = SvBreakdown['rowTotals'][number];

export const SV_SURVEY_RESULTS = `query SvSurveyResults($surveyId: ID!, $question: String!, $by: [SurveyDimension!]!, $lang: Lang, $bins: [Float!], $includeOverQuota: Boolean = false) {
  surveyResults(surveyId: $surveyId, question: $question, by: $by, lang: $lang, bins: $bins, includeOverQuota: $includeOverQuota) {
    question label kind threshold
    rows { key label }
    columns { key villageId villageName gender ageGroup }
    cells { count share }
    rowTotals { count share }
    respondents totalRespondents suppressedCells
  }
}` as Operation<SvSurveyResultsQuery, SvSurveyResultsQueryVariables>;
