/** The organiser's results query (`surveyResults`, libs/surveys). */
import type { Operation } from '../../api/operation';

export type SvDimension = 'TERRITORY' | 'GENDER' | 'AGE_GROUP';
export const SV_DIMENSIONS: readonly SvDimension[] = ['TERRITORY', 'GENDER', 'AGE_GROUP'];

// Written by hand to the server contract of issue 14 while the API's schema did not have the query yet;
// replace with the generated SvSurveyResultsQuery types once `npm run codegen` knows it.
export interface SvBreakdownCell {
  count: number | null;
  share: number | null;
}
export interface SvBreakdown {
  question: string;
  label: string;
  kind: 'single' | 'multiple' | 'scale' | 'bins';
  threshold: number;
  rows: Array<{ key: string; label: string }>;
  columns: Array<{ key: string; villageId: string | null; villageName: string | null; gender: string | null; ageGroup: string | null }>;
  cells: SvBreakdownCell[][];
  rowTotals: SvBreakdownCell[];
  respondents: Array<number | null>;
  totalRespondents: number | null;
  suppressedCells: number;
}
export interface SvSurveyResultsQuery {
  surveyResults: SvBreakdown;
}
export interface SvSurveyResultsQueryVariables {
  surveyId: string;
  question: string;
  by: SvDimension[];
  lang?: 'ky' | 'ru' | 'kk' | 'en' | null;
  bins?: number[] | null;
  includeOverQuota?: boolean | null;
}

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
