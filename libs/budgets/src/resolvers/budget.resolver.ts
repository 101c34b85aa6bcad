import { Actor, CurrentActor, PermissionService } from '@ashar/auth';
import { Ctx, RequestContext, UuidArg } from '@ashar/graphql';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { BUDGETS_PERMISSIONS } from '../budgets.permissions';
import { publicVersionOf } from '../domain/workflow';
import { AmendBudgetInput, ApproveVersionInput, BudgetType, BudgetVersionType, CreateBudgetInput, FlagType, NeighbourBudgetType, PublishVersionInput, SaveBudgetLinesInput, VersionStepInput } from '../dtos';
import { Budget } from '../entities/budget.entity';
import { BudgetViewService } from '../services/budget-view.service';
import { BudgetService } from '../services/budget.service';
import { toFlagType, toNeighbourType } from './budget-types.mapper';
import { primeBudgets, versionsOf } from './view-loader';

@Resolver(() => BudgetType)
export class BudgetResolver {
  constructor(
    private readonly budgets: BudgetService,
    private readonly views: BudgetViewService,
    private readonly permissions: PermissionService,
  ) {}

  @Query(() => BudgetType, { description: 'Public: a budget document (its non-public versions only for its budget group)' })
  async budget(@Args('id', { type: () => ID }, UuidArg) id: string, @Ctx() ctx: RequestContext) {
    return primeBudgets(ctx, this.views, await this.budgets.budgetById(id));
  }

  @Query(() => BudgetType, { nullable: true, description: 'Public: the budget of a community for a year' })
  async budgetFor(@Args('communityId', { type: () => ID }, UuidArg) communityId: string, @Args('fiscalYear', { type: () => Int }) fiscalYear: number, @Ctx() ctx: RequestContext) {
    return primeBudgets(ctx, this.views, await this.budgets.budgetFor(communityId, fiscalYear));
  }

  @Query(() => BudgetType, { description: 'Public: the budget a short address names (/b/<communitySlug>/<fiscalYear>); NOT_FOUND when there is none' })
  async budgetBySlug(@Args('communitySlug') communitySlug: string, @Args('fiscalYear', { type: () => Int }) fiscalYear: number, @Ctx() ctx: RequestContext) {
    return primeBudgets(ctx, this.views, await this.budgets.budgetBySlug(communitySlug, fiscalYear));
  }

  @Query(() => [BudgetType], { description: 'Public: the budgets of a community, latest year first' })
  async budgetsOfCommunity(@Args('communityId', { type: () => ID }, UuidArg) communityId: string, @Ctx() ctx: RequestContext) {
    return primeBudgets(ctx, this.views, await this.budgets.budgetsOfCommunity(communityId));
  }

  @ResolveField(() => String, { nullable: true, description: 'Short shareable address of the public page, e.g. /b/ak-dobo/2026 (null when the community has no slug)' })
  async publicPath(@Parent() b: Budget, @Ctx() ctx: RequestContext) {
    const slug = await ctx.loaders
      .get<string, string | null>('budgets.communitySlug', (ids) => this.budgets.communitySlugs(ids))
      .load(b.communityId);
    return slug ? `/b/${slug}/${b.fiscalYear}` : null;
  }

  @ResolveField(() => [BudgetVersionType])
  async versions(@Parent() b: Budget, @Ctx() ctx: RequestContext) {
    return this.budgets.visibleVersionsOf(ctx.actor, b, await versionsOf(ctx, this.views, b.id));
  }

  @ResolveField(() => BudgetVersionType, { nullable: true, description: 'The latest published or approved version (what citizens see)' })
  async publicVersion(@Parent() b: Budget, @Ctx() ctx: RequestContext) {
    return publicVersionOf(await versionsOf(ctx, this.views, b.id));
  }

  @ResolveField(() => BudgetVersionType, { nullable: true, description: 'The draft or submitted version, for the budget group' })
  openVersion(@Parent() b: Budget, @Ctx() ctx: RequestContext) {
    return this.budgets.openVersionFor(ctx.actor, b, () => versionsOf(ctx, this.views, b.id));
  }

  @ResolveField(() => Boolean)
  viewerCanEdit(@Parent() b: Budget, @Ctx() ctx: RequestContext) {
    return this.permissions.can(ctx.actor, b.communityId, 'budget.edit', BUDGETS_PERMISSIONS);
  }

  @ResolveField(() => Boolean, { description: 'Drafts, flags, open monitoring notes: the budget group and the community admin' })
  viewerCanViewInternal(@Parent() b: Budget, @Ctx() ctx: RequestContext) {
    return this.permissions.can(ctx.actor, b.communityId, 'budget.viewInternal', BUDGETS_PERMISSIONS);
  }

  @ResolveField(() => Boolean)
  viewerCanPublish(@Parent() b: Budget, @Ctx() ctx: RequestContext) {
    return this.permissions.can(ctx.actor, b.communityId, 'budget.publish', BUDGETS_PERMISSIONS);
  }

  @ResolveField(() => Boolean)
  viewerCanApprove(@Parent() b: Budget, @Ctx() ctx: RequestContext) {
    return this.permissions.can(ctx.actor, b.communityId, 'budget.approve', BUDGETS_PERMISSIONS);
  }

  @ResolveField(() => [NeighbourBudgetType], { description: 'Budgets of the other aiyl okrugs of the same raion, same year (latest public version)', complexity: 10 })
  async neighbours(@Parent() b: Budget): Promise<NeighbourBudgetType[]> {
    return (await this.views.neighbours(b)).map(toNeighbourType);
  }

  @ResolveField(() => [FlagType], { description: 'Budget group only: overspent lines, spending without a document, no movement by mid-year' })
  async flags(@Parent() b: Budget, @Ctx() ctx: RequestContext, @Args('asOf', { nullable: true, description: 'YYYY-MM-DD; today by default' }) asOf?: string) {
    return (await this.budgets.flags(ctx.actor, b, () => versionsOf(ctx, this.views, b.id), asOf)).map(toFlagType);
  }

  @Mutation(() => BudgetType)
  createBudget(@CurrentActor() actor: Actor, @Args('input') input: CreateBudgetInput) {
    return this.budgets.create(actor, input);
  }

  @Mutation(() => BudgetType)
  setBudgetPopulation(@CurrentActor() actor: Actor, @Args('budgetId', { type: () => ID }, UuidArg) budgetId: string, @Args('population', { type: () => Int, nullable: true }) population: number | null) {
    return this.budgets.setPopulation(actor, budgetId, population ?? null);
  }

  @Mutation(() => BudgetVersionType, { description: 'Draft only; CONFLICT (with what changed) when expectedRevision is stale' })
  saveBudgetLines(@CurrentActor() actor: Actor, @Args('input') input: SaveBudgetLinesInput) {
    return this.budgets.saveLines(actor, input);
  }

  @Mutation(() => BudgetVersionType, { description: 'One member prepares the draft for publication' })
  submitBudgetVersion(@CurrentActor() actor: Actor, @Args('input') input: VersionStepInput) {
    return this.budgets.submit(actor, input);
  }

  @Mutation(() => BudgetVersionType)
  withdrawBudgetVersion(@CurrentActor() actor: Actor, @Args('input') input: VersionStepInput) {
    return this.budgets.withdraw(actor, input);
  }

  @Mutation(() => BudgetVersionType, { description: 'Another person confirms: public hearing with a comment period' })
  publishBudgetVersion(@CurrentActor() actor: Actor, @Args('input') input: PublishVersionInput) {
    return this.budgets.publish(actor, input);
  }

  @Mutation(() => BudgetVersionType, { description: "The community admin records the local kenesh's approval" })
  approveBudgetVersion(@CurrentActor() actor: Actor, @Args('input') input: ApproveVersionInput) {
    return this.budgets.approve(actor, input);
  }

  @Mutation(() => BudgetVersionType, { description: 'A new draft version copied from a published/approved one, with a reason' })
  amendBudget(@CurrentActor() actor: Actor, @Args('input') input: AmendBudgetInput) {
    return this.budgets.amend(actor, input);
  }
}
