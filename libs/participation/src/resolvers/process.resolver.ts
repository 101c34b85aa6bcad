import { Actor, CurrentActor } from '@ashar/auth';
import { LoaderRegistry, Loaders, UuidArg } from '@ashar/graphql';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ProcessPhaseEnum } from '../dtos/participation.enums';
import { PhaseStartInput } from '../dtos/phase-start.input';
import { PhaseStartType } from '../dtos/phase-start.type';
import { CreateProcessInput, ProcessRulesInput } from '../dtos/process.input';
import { MyBallotType, OutcomeType, ProcessType, ProposalType, TurnoutType } from '../dtos/participation.types';
import { ParticipatoryProcess } from '../entities/participatory-process.entity';
import { ProcessPhaseStart } from '../entities/process-phase-start.entity';
import { PhaseScheduleService } from '../services/phase-schedule.service';
import { ProcessService } from '../services/process.service';
import { ProposalService } from '../services/proposal.service';
import { ResultsService } from '../services/results.service';
import { VotingService } from '../services/voting.service';

@Resolver(() => ProcessType)
export class ProcessResolver {
  constructor(
    private readonly processes: ProcessService,
    private readonly proposalService: ProposalService,
    private readonly results: ResultsService,
    private readonly voting: VotingService,
    private readonly schedules: PhaseScheduleService,
  ) {}

  @Query(() => ProcessType, { description: 'A participatory-budgeting process; drafts only for its organisers' })
  participatoryProcess(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }, UuidArg) id: string) {
    return this.processes.visible(actor, id);
  }

  @Query(() => [ProcessType], { description: 'A community’s processes, newest first' })
  participatoryProcesses(@CurrentActor() actor: Actor, @Args('communityId', { type: () => ID }, UuidArg) communityId: string) {
    return this.processes.ofCommunity(actor, communityId);
  }

  @Mutation(() => ProcessType)
  createParticipatoryProcess(@CurrentActor() actor: Actor, @Args('input') input: CreateProcessInput) {
    return this.processes.create(actor, input);
  }

  @Mutation(() => ProcessType, { description: 'Refused (CONFLICT) once voting has opened' })
  updateProcessRules(@CurrentActor() actor: Actor, @Args('processId', { type: () => ID }, UuidArg) processId: string, @Args('rules') rules: ProcessRulesInput) {
    return this.processes.updateRules(actor, processId, rules);
  }

  @Mutation(() => ProcessType, { description: 'Forward only; opening the vote freezes the rules, closing it starts the count' })
  moveProcessPhase(@CurrentActor() actor: Actor, @Args('processId', { type: () => ID }, UuidArg) processId: string, @Args('phase', { type: () => ProcessPhaseEnum }) phase: ProcessPhaseEnum) {
    return this.processes.moveToPhase(actor, processId, phase);
  }

  @Mutation(() => ProcessType, { description: 'Plans when each later phase begins; replaces the earlier plan of those phases' })
  async setProcessSchedule(
    @CurrentActor() actor: Actor,
    @Args('processId', { type: () => ID }, UuidArg) processId: string,
    @Args('phases', { type: () => [PhaseStartInput] }) phases: PhaseStartInput[],
  ) {
    await this.schedules.set(actor, processId, phases);
    return this.processes.byId(processId);
  }

  @ResolveField(() => [PhaseStartType], { description: 'Planned starts of phases, earliest first (also those already begun)' })
  schedule(@Parent() p: ParticipatoryProcess, @Loaders() loaders: LoaderRegistry) {
    return loaders.get<string, ProcessPhaseStart[]>('participation.schedule', (ids) => this.schedules.ofProcesses(ids)).load(p.id);
  }

  @ResolveField(() => String, { description: 'IANA zone the community’s dates and times are shown in (Asia/Bishkek, Asia/Almaty)' })
  timeZone(@Parent() p: ParticipatoryProcess, @Loaders() loaders: LoaderRegistry) {
    return loaders.get<string, string>('participation.timeZone', (ids) => this.schedules.timeZonesOf(ids)).load(p.communityId);
  }

  @ResolveField(() => [ProposalType], { description: 'Oldest first, with their review' })
  proposals(@Parent() p: ParticipatoryProcess, @CurrentActor() actor: Actor) {
    return this.proposalService.ofProcess(actor, p.id);
  }

  @ResolveField(() => OutcomeType, { nullable: true, description: 'After the count: winners, explanation and the ballot set counted' })
  async outcome(@Parent() p: ParticipatoryProcess) {
    const o = await this.results.outcomeOf(p.id);
    return o ? { ...o, explanation: JSON.stringify(o.explanation) } : null;
  }

  @ResolveField(() => TurnoutType)
  async turnout(@Parent() p: ParticipatoryProcess) {
    return { voters: (await this.voting.turnout(p.id)).voters };
  }

  @ResolveField(() => Boolean, { description: 'Whether the viewer may set the rules, move the phases and review proposals (the server checks again)' })
  viewerCanManage(@Parent() p: ParticipatoryProcess, @CurrentActor() actor: Actor) {
    return this.processes.canManage(actor, p.communityId);
  }

  @ResolveField(() => MyBallotType, { nullable: true, description: 'The signed-in voter’s own ballot, to see or change until the vote closes' })
  myBallot(@Parent() p: ParticipatoryProcess, @CurrentActor() actor: Actor) {
    return this.voting.myBallot(actor, p.id);
  }
}
