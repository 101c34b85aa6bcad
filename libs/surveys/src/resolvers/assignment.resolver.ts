import { Actor, CurrentActor } from '@ashar/auth';
import { Ctx, RequestContext } from '@ashar/graphql';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { SubmitSurveyAnswerSetInput } from '../dtos/submit-answer-set.input';
import { SurveyAnswerSetReceiptType, SurveyAnswerSetResultType, SurveyAssignmentType } from '../dtos/survey.types';
import { AnswerSetService } from '../services/answer-set.service';
import { SurveyService } from '../services/survey.service';

/** The interviewers' side: what the phone downloads, and what it sends back. */
@Resolver(() => SurveyAssignmentType)
export class AssignmentResolver {
  constructor(
    private readonly surveys: SurveyService,
    private readonly answerSets: AnswerSetService,
  ) {}

  @Query(() => [SurveyAssignmentType], { description: 'The caller’s survey assignments with form, age groups, villages and quota cells, for offline use' })
  mySurveyAssignments(@CurrentActor() actor: Actor, @Ctx() ctx: RequestContext) {
    return this.surveys.mine(actor, ctx.locale);
  }

  @Mutation(() => SurveyAnswerSetReceiptType, { description: 'One filled questionnaire; the same instance id and content again answers ALREADY_RECEIVED' })
  submitSurveyAnswerSet(@CurrentActor() actor: Actor, @Args('input') input: SubmitSurveyAnswerSetInput) {
    return this.answerSets.submit(actor, input);
  }

  @Mutation(() => [SurveyAnswerSetResultType], { description: 'A phone’s batch: one receipt or error per item, in order (at most 200)' })
  submitSurveyAnswerSets(@CurrentActor() actor: Actor, @Args('input', { type: () => [SubmitSurveyAnswerSetInput] }) input: SubmitSurveyAnswerSetInput[]) {
    return this.answerSets.submitMany(actor, input);
  }
}
