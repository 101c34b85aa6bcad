import { Actor, CurrentActor } from '@ashar/auth';
import { UuidArg } from '@ashar/graphql';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AnswerRecommendationInput } from '../dtos/answer-recommendation.input';
import { AssessRecommendationInput } from '../dtos/assess-recommendation.input';
import { CouncilCountryEnum } from '../dtos/councils.enums';
import { IsIsoDateArg } from './iso-date.pipe';
import { RecommendationType, TrackerRowType } from '../dtos/recommendation.type';
import { SendRecommendationInput } from '../dtos/send-recommendation.input';
import { RecommendationService } from '../services/recommendation.service';

@Resolver(() => RecommendationType)
export class RecommendationResolver {
  constructor(private readonly recommendations: RecommendationService) {}

  @Query(() => RecommendationType)
  councilRecommendation(@Args('id', { type: () => ID }, UuidArg) id: string) {
    return this.recommendations.byId(id);
  }

  @Query(() => [TrackerRowType], { description: 'Per state body: what became of the recommendations it received (public)' })
  recommendationTracker(@Args('country', { type: () => CouncilCountryEnum, nullable: true }) country?: CouncilCountryEnum | null) {
    return this.recommendations.tracker(country ?? null);
  }

  @Mutation(() => RecommendationType, { description: 'BAD_USER_INPUT when the deadline is before the sending date' })
  sendRecommendation(@CurrentActor() actor: Actor, @Args('input') input: SendRecommendationInput) {
    return this.recommendations.send(actor, input);
  }

  @Mutation(() => RecommendationType)
  answerRecommendation(@CurrentActor() actor: Actor, @Args('input') input: AnswerRecommendationInput) {
    return this.recommendations.answer(actor, input);
  }

  @Mutation(() => RecommendationType)
  assessRecommendation(@CurrentActor() actor: Actor, @Args('input') input: AssessRecommendationInput) {
    return this.recommendations.assess(actor, input);
  }

  @Mutation(() => RecommendationType)
  markRecommendationImplemented(@CurrentActor() actor: Actor, @Args('recommendationId', { type: () => ID }, UuidArg) id: string, @Args('implementedOn', IsIsoDateArg) implementedOn: string) {
    return this.recommendations.markImplemented(actor, id, implementedOn);
  }
}
