import { Actor, CurrentActor } from '@ashar/auth';
import { Ctx, groupByKeys, RequestContext } from '@ashar/graphql';
import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AddBudgetCommentInput, BudgetType, BudgetVersionType, CommentType } from '../dtos';
import { BudgetComment } from '../entities/budget-comment.entity';
import { BudgetVersion } from '../entities/budget-version.entity';
import { BudgetService } from '../services/budget.service';
import { DataSource } from 'typeorm';
import { InjectDataSource } from '@nestjs/typeorm';


@Resolver(() => BudgetType)
export class BudgetCommentResolver {
  constructor(private readonly budgets: BudgetService) {}

  @Mutation(() => CommentType)
  addBudgetComment(@CurrentActor() actor: Actor, @Args('input') input: AddBudgetCommentInput) {
    return this.budgets.comment(actor, input);
  }
}

@Resolver(() => BudgetVersionType)
export class BudgetVersionCommentsResolver {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @ResolveField(() => [CommentType], { complexity: 10 })
  comments(@Parent() v: BudgetVersion, @Ctx() ctx: RequestContext) {
    return ctx.loaders
      .get<string, BudgetComment[]>('budgets.commentsByVersion', async (ids) =>
        groupByKeys(ids, await this.db.getRepository(BudgetComment).createQueryBuilder('c').where('c.version_id = ANY(:ids)', { ids: [...ids] }).orderBy('c.created_at').getMany(), (c) => c.versionId),
      )
      .load(v.id);
  }
}
