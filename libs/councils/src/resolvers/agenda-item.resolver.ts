import { Actor, CurrentActor } from '@ashar/auth';
import { UuidArg } from '@ashar/graphql';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AgendaItemType, CouncilVoteType } from '../dtos/agenda-item.type';
import { CouncilDecisionType } from '../dtos/council-decision.type';
import { VoteChoiceEnum } from '../dtos/councils.enums';
import { DecideAgendaItemInput } from '../dtos/decide-agenda-item.input';
import { DecisionSearchInput } from '../dtos/decision-search.input';
import { RollCallInput } from '../dtos/roll-call.input';
import { AgendaItem } from '../entities/agenda-item.entity';
import { CouncilDecision } from '../entities/council-decision.entity';
import { DecisionService } from '../services/decision.service';
import { MeetingService } from '../services/meeting.service';
import { CouncilDocumentType } from '../dtos/council-document.type';

const asType = (d: CouncilDecision | null) => (d ? { ...d, explanation: JSON.stringify(d.explanation) } : null);

@Resolver(() => AgendaItemType)
export class AgendaItemResolver {
  constructor(
    private readonly decisions: DecisionService,
    private readonly meetings: MeetingService,
  ) {}

  @ResolveField(() => [CouncilDocumentType], { description: 'Papers attached to this item (hidden with the meeting’s content until it is published)' })
  documents(@Parent() i: AgendaItem, @CurrentActor() actor: Actor) {
    return this.meetings.itemDocuments(actor, i);
  }

  @Mutation(() => AgendaItemType, { description: 'A current member’s own vote (FORBIDDEN for anybody else)' })
  castCouncilVote(@CurrentActor() actor: Actor, @Args('agendaItemId', { type: () => ID }, UuidArg) agendaItemId: string, @Args('choice', { type: () => VoteChoiceEnum }) choice: VoteChoiceEnum) {
    return this.decisions.castVote(actor, agendaItemId, choice);
  }

  @Mutation(() => AgendaItemType, { description: 'The secretary enters the roll call' })
  recordCouncilRollCall(@CurrentActor() actor: Actor, @Args('input') input: RollCallInput) {
    return this.decisions.recordRollCall(actor, input);
  }

  @Mutation(() => CouncilDecisionType, { description: 'CONFLICT without a quorum, for a decided item or a closed meeting' })
  async decideAgendaItem(@CurrentActor() actor: Actor, @Args('input') input: DecideAgendaItemInput) {
    return asType(await this.decisions.decide(actor, input));
  }

  @Query(() => [CouncilDecisionType], { description: 'Published decisions by text, body, addressee and date (public)' })
  async searchCouncilDecisions(@Args('input') input: DecisionSearchInput) {
    return (await this.decisions.search(input)).map(asType);
  }

  @ResolveField(() => CouncilDecisionType, { nullable: true })
  async decision(@Parent() item: AgendaItem, @CurrentActor() actor: Actor) {
    return asType(await this.decisions.decisionOf(actor, item));
  }

  @ResolveField(() => [CouncilVoteType])
  votes(@Parent() item: AgendaItem, @CurrentActor() actor: Actor) {
    return this.decisions.votesOf(actor, item);
  }
}
