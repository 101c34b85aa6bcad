import { Actor, CurrentActor } from '@ashar/auth';
import { Ctx, RequestContext } from '@ashar/graphql';
import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AddBudgetCommentInput, BudgetType, BudgetVersionType, CommentType } from '../dtos';
import { BudgetVersion } from '../entities/budget-version.entity';
import { BudgetThreadsService } from '../services/budget-threads.service';

@Resolver(() => BudgetType)
export class BudgetCommentResolver {
  constructor(private readonly threads: BudgetThreadsService) {}

  @Mutation(() => CommentType)
  addBudgetComment(@CurrentActor() actor: Actor, @Args('input') input: AddBudgetCommentInput) {
    return this.threads.comment(actor, input);
  }
}

@Resolver(() => BudgetVersionType)
export class BudgetVersionCommentsResolver {
  constructor(private readonly threads: BudgetThreadsService) {}

  @ResolveField(() => [CommentType], { complexity: 10, description: 'Hearing comments, oldest first; hidden ones keep their place without their text' })
  comments(@Parent() v: BudgetVersion, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get<string, CommentType[]>('budgets.commentsByVersion', (ids) => this.threads.commentsOf(ctx.actor, ids)).load(v.id);
  }
}
