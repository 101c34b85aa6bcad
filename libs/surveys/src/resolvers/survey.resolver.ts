import { Actor, CurrentActor } from '@ashar/auth';
import { Ctx, JsonScalar, RequestContext, UuidArg } from '@ashar/graphql';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AssignInterviewerInput } from '../dtos/assign-interviewer.input';
import { CreateSurveyInput } from '../dtos/create-survey.input';
import { SetSurveyQuotasInput } from '../dtos/set-quotas.input';
import { SurveyAssignmentType, SurveyFormVersionType, SurveyType } from '../dtos/survey.types';
import { SurveyService } from '../services/survey.service';

/** The organisers' side of surveys. */
@Resolver(() => SurveyType)
export class SurveyResolver {
  constructor(private readonly surveys: SurveyService) {}

  @Query(() => [SurveyType], { description: 'A community’s surveys, newest first (its organisers only)' })
  async surveysOfCommunity(@CurrentActor() actor: Actor, @Args('communityId', { type: () => ID }, UuidArg) communityId: string, @Ctx() ctx: RequestContext) {
    return Promise.all((await this.surveys.ofCommunity(actor, communityId)).map((s) => this.surveys.view(s, ctx.locale)));
  }

  @Query(() => SurveyType, { description: 'A survey with its versions, quota progress per cell and interviewers (its organisers only)' })
  async survey(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }, UuidArg) id: string, @Ctx() ctx: RequestContext) {
    return this.surveys.view(await this.surveys.managed(actor, id), ctx.locale);
  }

  @Mutation(() => SurveyType)
  async createSurvey(@CurrentActor() actor: Actor, @Args('input') input: CreateSurveyInput, @Ctx() ctx: RequestContext) {
    return this.surveys.view(await this.surveys.create(actor, input), ctx.locale);
  }

  @Mutation(() => SurveyFormVersionType, { description: 'Publishes a new numbered form version (a SurveyForm, checked by checkForm); earlier answer sets keep theirs' })
  async publishSurveyFormVersion(@CurrentActor() actor: Actor, @Args('surveyId', { type: () => ID }, UuidArg) surveyId: string, @Args('form', { type: () => JsonScalar }) form: unknown) {
    return this.surveys.versionView(await this.surveys.publishVersion(actor, surveyId, form));
  }

  @Mutation(() => SurveyType, { description: 'Replaces the sample plan: targets per village × gender × age group' })
  async setSurveyQuotas(@CurrentActor() actor: Actor, @Args('input') input: SetSurveyQuotasInput, @Ctx() ctx: RequestContext) {
    return this.surveys.view(await this.surveys.setQuotas(actor, input), ctx.locale);
  }

  @Mutation(() => SurveyAssignmentType, { description: 'Sends an interviewer to villages (again: replaces the villages and share)' })
  async assignInterviewer(@CurrentActor() actor: Actor, @Args('input') input: AssignInterviewerInput, @Ctx() ctx: RequestContext) {
    const a = await this.surveys.assign(actor, input);
    return (await this.surveys.view(await this.surveys.byId(a.surveyId), ctx.locale)).assignments.find((x) => x.id === a.id)!;
  }
}
