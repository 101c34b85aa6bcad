import { Actor, CurrentActor } from '@ashar/auth';
import { Args, ID, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AttachmentInput, BudgetType, RecordTransactionInput, TransactionType } from '../dtos';
import { Budget } from '../entities/budget.entity';
import { ExecutionService } from '../services/execution.service';
import { toTransactionType as toTx } from './budget-types.mapper';
import { UuidArg } from '@ashar/graphql';

@Resolver(() => BudgetType)
export class BudgetTransactionResolver {
  constructor(private readonly execution: ExecutionService) {}

  @ResolveField(() => [TransactionType], { description: 'Budget group only: spending records and receipts, newest first', complexity: 20 })
  async transactions(
    @Parent() b: Budget,
    @CurrentActor() actor: Actor,
    @Args('lineKey', { type: () => ID, nullable: true }, UuidArg) lineKey?: string,
    @Args('limit', { type: () => Int, defaultValue: 50 }) limit = 50,
    @Args('offset', { type: () => Int, defaultValue: 0 }) offset = 0,
  ) {
    return (await this.execution.list(actor, b.id, lineKey ?? null, limit, offset)).map(toTx);
  }

  @Mutation(() => TransactionType)
  async recordBudgetTransaction(@CurrentActor() actor: Actor, @Args('input') input: RecordTransactionInput) {
    return toTx(await this.execution.record(actor, input));
  }

  @Mutation(() => TransactionType)
  async attachBudgetDocument(@CurrentActor() actor: Actor, @Args('transactionId', { type: () => ID }, UuidArg) transactionId: string, @Args('attachment') attachment: AttachmentInput) {
    return toTx(await this.execution.attach(actor, transactionId, attachment));
  }
}
