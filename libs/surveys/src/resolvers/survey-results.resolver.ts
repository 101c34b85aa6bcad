import { Actor, CurrentActor } from '@ashar/auth';
import { Ctx, Lang, RequestContext, UuidArg } from '@ashar/graphql';
import { Dimension } from '@ashar/survey-forms';
import { Args, Float, ID, Query, Resolver } from '@nestjs/graphql';
import { SurveyDimension } from '../dtos/surveys.enums';
import { SurveyBreakdownType } from '../dtos/survey-results.types';
import { surveyLanguage, SurveyResultsService } from '../services/survey-results.service';

const DIMENSION: Record<SurveyDimension, Dimension> = { TERRITORY: 'territory', GENDER: 'gender', AGE_GROUP: 'ageGroup' };

@Resolver()
export class SurveyResultsResolver {
  constructor(private readonly results: SurveyResultsService) {}

  @Query(() => SurveyBreakdownType, { description: 'Counts and shares of one question by the chosen dimensions, small cells suppressed (organisers only)' })
  async surveyResults(
    @CurrentActor() actor: Actor,
    @Ctx() ctx: RequestContext,
    @Args('surveyId', { type: () => ID }, UuidArg) surveyId: string,
    @Args('question') question: string,
    @Args('by', { type: () => [SurveyDimension] }) by: SurveyDimension[],
    @Args('lang', { type: () => Lang, nullable: true }) lang?: Lang,
    @Args('bins', { type: () => [Float], nullable: true, description: 'Number questions: ascending bin edges' }) bins?: number[],
    @Args('includeOverQuota', { defaultValue: false, description: 'Also the sets that arrived for full cells' }) includeOverQuota?: boolean,
  ): Promise<SurveyBreakdownType> {
    const language = surveyLanguage(lang ?? ctx.locale);
    const b = await this.results.breakdown(actor, surveyId, { question, by: by.map((d) => DIMENSION[d]), language, bins: bins ?? undefined, includeOverQuota });
    const hidden = [...b.cells.flat(), ...b.rowTotals].filter((c) => c.count === null).length + b.respondents.filter((n) => n === null).length + (b.totalRespondents === null ? 1 : 0);
    return {
      question: b.question,
      label: b.label,
      kind: b.kind,
      threshold: b.threshold,
      rows: b.rows,
      columns: b.columns.map((c) => ({ key: c.key, villageId: c.values.territory ?? null, villageName: c.values.territory ? (b.villages.get(c.values.territory) ?? null) : null, gender: c.values.gender ?? null, ageGroup: c.values.ageGroup ?? null })),
      cells: b.cells,
      rowTotals: b.rowTotals,
      respondents: b.respondents,
      totalRespondents: b.totalRespondents,
      suppressedCells: hidden,
    };
  }
}
