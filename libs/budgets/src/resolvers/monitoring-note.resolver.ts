import { Actor, CurrentActor } from '@ashar/auth';
import { accountByIdLoader, AccountService, MemberSummaryType } from '@ashar/identity';
import { Ctx, RequestContext, UuidArg } from '@ashar/graphql';
import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { BudgetType, CreateMonitoringNoteInput, MonitoringNoteType, NoteStatusEnum, ReplyType } from '../dtos';
import { Budget } from '../entities/budget.entity';
import { MonitoringNote } from '../entities/monitoring-note.entity';
import { BudgetThreadsService } from '../services/budget-threads.service';
import { MonitoringService } from '../services/monitoring.service';


@Resolver(() => BudgetType)
export class BudgetMonitoringResolver {
  constructor(private readonly monitoring: MonitoringService, private readonly threads: BudgetThreadsService) {}

  @ResolveField(() => [MonitoringNoteType], { description: 'Members see all notes; the public sees resolved ones' })
  async monitoringNotes(@Parent() b: Budget, @CurrentActor() actor: Actor) {
    return this.monitoring.forBudget(actor, b.id, b.communityId);
  }

  @Mutation(() => MonitoringNoteType)
  createMonitoringNote(@CurrentActor() actor: Actor, @Args('input') input: CreateMonitoringNoteInput) {
    return this.monitoring.create(actor, input);
  }

  @Mutation(() => ReplyType)
  replyToMonitoringNote(@CurrentActor() actor: Actor, @Args('noteId', { type: () => ID }, UuidArg) noteId: string, @Args('body') body: string) {
    return this.threads.reply(actor, noteId, body);
  }

  @Mutation(() => MonitoringNoteType)
  setMonitoringNoteStatus(@CurrentActor() actor: Actor, @Args('noteId', { type: () => ID }, UuidArg) noteId: string, @Args('status', { type: () => NoteStatusEnum }) status: NoteStatusEnum) {
    return this.monitoring.setStatus(actor, noteId, status);
  }
}

@Resolver(() => MonitoringNoteType)
export class MonitoringNoteResolver {
  constructor(private readonly threads: BudgetThreadsService, private readonly accounts: AccountService) {}

  @ResolveField(() => MemberSummaryType, { description: 'Who wrote the finding (a budget-group member)' })
  author(@Parent() n: MonitoringNote, @Ctx() ctx: RequestContext) {
    return accountByIdLoader(ctx, this.accounts).load(n.authorAccountId);
  }

  @ResolveField(() => [ReplyType], { description: 'Oldest first; hidden ones keep their place without their text' })
  replies(@Parent() n: MonitoringNote, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get<string, ReplyType[]>('budgets.repliesByNote', (ids) => this.threads.repliesOf(ctx.actor, ids)).load(n.id);
  }
}

@Resolver(() => ReplyType)
export class MonitoringReplyResolver {
  constructor(private readonly accounts: AccountService) {}

  @ResolveField(() => MemberSummaryType)
  author(@Parent() r: ReplyType, @Ctx() ctx: RequestContext) {
    return accountByIdLoader(ctx, this.accounts).load(r.authorAccountId);
  }
}
