import { Actor, CurrentActor } from '@ashar/auth';
import { UuidArg } from '@ashar/graphql';
import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ApportionSeatsInput } from '../dtos/apportion-seats.input';
import { SeatApportionmentType } from '../dtos/apportionment.type';
import { AskCouncilInput } from '../dtos/ask-council.input';
import { ActionPlanType } from '../dtos/action-plan.type';
import { CitizenQuestionType } from '../dtos/citizen-question.type';
import { CouncilBodyType } from '../dtos/council-body.type';
import { CouncilBody } from '../entities/council-body.entity';
import { SeatApportionment } from '../entities/seat-apportionment.entity';
import { ActionPlanService } from '../services/action-plan.service';
import { ApportionmentService } from '../services/apportionment.service';
import { QuestionService } from '../services/question.service';
import { AnswerQuestionInput } from '../dtos/answer-question.input';

/** A published apportionment as the API shows it: allocation with names, explanation as JSON. */
export function apportionmentView(a: SeatApportionment) {
  const result = a.result as { allocation: Array<{ party: string; seats: number }> };
  const names = new Map(a.figures.map((f) => [f.id, f.name]));
  return { ...a, allocation: result.allocation.map((x) => ({ id: x.party, name: names.get(x.party) ?? '', seats: x.seats })), explanation: JSON.stringify(a.result) };
}

/** Plans, seats and residents' questions of a body. */
@Resolver(() => CouncilBodyType)
export class CouncilBodyExtrasResolver {
  constructor(
    private readonly plans: ActionPlanService,
    private readonly seats: ApportionmentService,
    private readonly questionService: QuestionService,
  ) {}

  @ResolveField(() => [ActionPlanType], { description: 'Plans the body drew up or monitors' })
  actionPlans(@Parent() b: CouncilBody) {
    return this.plans.plansOf(b.id);
  }

  @ResolveField(() => [SeatApportionmentType], { description: 'Published ones; drafts too for the secretary' })
  async apportionments(@Parent() b: CouncilBody, @CurrentActor() actor: Actor) {
    return (await this.seats.visibleOf(actor, b.id)).map(apportionmentView);
  }

  @ResolveField(() => [CitizenQuestionType], { description: 'All for the secretary; a resident sees their own' })
  questions(@Parent() b: CouncilBody, @CurrentActor() actor: Actor) {
    return this.questionService.visibleOf(actor, b.id);
  }

  @Mutation(() => SeatApportionmentType, { description: 'D’Hondt, Sainte-Laguë or largest remainder (Hare) over the figures entered' })
  async apportionCouncilSeats(@CurrentActor() actor: Actor, @Args('input') input: ApportionSeatsInput) {
    return apportionmentView(await this.seats.apportion(actor, input));
  }

  @Mutation(() => SeatApportionmentType)
  async publishSeatApportionment(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }, UuidArg) id: string) {
    return apportionmentView(await this.seats.publish(actor, id));
  }

  @Mutation(() => CitizenQuestionType, { description: 'Any signed-in resident' })
  askCouncil(@CurrentActor() actor: Actor, @Args('input') input: AskCouncilInput) {
    return this.questionService.ask(actor, input);
  }

  @Mutation(() => CitizenQuestionType, { description: 'The secretary; the sender is told' })
  answerCouncilQuestion(@CurrentActor() actor: Actor, @Args('input') input: AnswerQuestionInput) {
    return this.questionService.answer(actor, input.questionId, input.answer);
  }

  @Mutation(() => CitizenQuestionType, { description: 'The secretary adds it to a scheduled meeting’s agenda; the sender is told' })
  putQuestionOnAgenda(@CurrentActor() actor: Actor, @Args('questionId', { type: () => ID }, UuidArg) questionId: string, @Args('meetingId', { type: () => ID }, UuidArg) meetingId: string) {
    return this.questionService.putOnAgenda(actor, questionId, meetingId);
  }
}
