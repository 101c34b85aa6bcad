import { Actor, CurrentActor } from '@ashar/auth';
import { UuidArg } from '@ashar/graphql';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CallResultsType } from '../dtos/call-results.type';
import { CallType } from '../dtos/call.type';
import { CreateCallInput } from '../dtos/create-call.input';
import { UpdateCallInput } from '../dtos/update-call.input';
import { CallService } from '../services/call.service';
import { CompetitionResultsService } from '../services/results.service';

@Resolver(() => CallType)
export class CallResolver {
  constructor(
    private readonly calls: CallService,
    private readonly results: CompetitionResultsService,
  ) {}

  @Query(() => CallType, { description: 'A call for proposals; drafts only for its organisers' })
  async competitionCall(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }, UuidArg) id: string) {
    return this.calls.view(await this.calls.visible(actor, id));
  }

  @Query(() => [CallType], { description: 'A community’s calls, newest first' })
  async competitionCalls(@CurrentActor() actor: Actor, @Args('communityId', { type: () => ID }, UuidArg) communityId: string) {
    return Promise.all((await this.calls.ofCommunity(actor, communityId)).map((c) => this.calls.view(c)));
  }

  @Query(() => [CallType], { description: 'Open calls and calls with results, of every community (never drafts); open ones first' })
  async publicCompetitionCalls() {
    return Promise.all((await this.calls.publicList()).map((c) => this.calls.view(c)));
  }

  @Query(() => CallResultsType, { description: 'The published results: counts per direction and stage, the selected projects, totals' })
  competitionResults(@Args('callId', { type: () => ID }, UuidArg) callId: string) {
    return this.results.results(callId);
  }

  @Mutation(() => CallType)
  async createCompetitionCall(@CurrentActor() actor: Actor, @Args('input') input: CreateCallInput) {
    return this.calls.view(await this.calls.create(actor, input));
  }

  @Mutation(() => CallType, { description: 'Replaces a draft call’s definition (stages too); CONFLICT once open' })
  async updateCompetitionCall(@CurrentActor() actor: Actor, @Args('input') input: UpdateCallInput) {
    return this.calls.view(await this.calls.update(actor, input));
  }

  @Mutation(() => CallType, { description: 'DRAFT → OPEN: applications may start' })
  async openCompetitionCall(@CurrentActor() actor: Actor, @Args('callId', { type: () => ID }, UuidArg) callId: string) {
    return this.calls.view(await this.calls.open(actor, callId));
  }

  @Mutation(() => CallType, { description: 'Publishes the results page (once)' })
  async publishCompetitionResults(@CurrentActor() actor: Actor, @Args('callId', { type: () => ID }, UuidArg) callId: string) {
    return this.calls.view(await this.calls.publishResults(actor, callId));
  }
}
