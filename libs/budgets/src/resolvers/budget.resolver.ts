import { Actor, CurrentActor, PermissionService } from '@ashar/auth';
import { Ctx, RequestContext } from '@ashar/graphql';
import { parseIsoDate } from '@ashar/kernel';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { BUDGETS_PERMISSIONS } from '../budgets.permissions';
import { isPublicStatus } from '../domain/workflow';
import { AmendBudgetInput, ApproveVersionInput, BudgetType, BudgetVersionType, CreateBudgetInput, FlagType, NeighbourBudgetType, PublishVersionInput, SaveBudgetLinesInput, VersionStepInput } from '../dtos';
import { Budget } from '../entities/budget.entity';
import { BudgetViewService } from '../services/budget-view.service';
import { BudgetService } from '../services/budget.service';
import { perResident } from '../domain/totals';
import { UuidArg } from './uuid-arg.pipe';
import { versionsOf } from './view-loader';
import { DataSource } from 'typeorm';
import { InjectDataSource } from '@nestjs/typeorm';


@Resolver(() => BudgetType)
export class BudgetResolver {
  constructor(
    private readonly budgets: BudgetService,
    private readonly views: BudgetViewService,
    private readonly permissions: PermissionService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  @Query(() => BudgetType, { description: 'Public: a budget document (its non-public versions only for its budget group)' })
  budget(@Args('id', { type: () => ID }, UuidArg) id: string) {
    return this.budgets.budgetById(id);
  }

  @Query(() => BudgetType, { nullable: true, description: 'Public: the budget of a community for a year' })
  budgetFor(@Args('communityId', { type: () => ID }, UuidArg) communityId: string, @Args('fiscalYear', { type: () => Int }) fiscalYear: number) {
    return this.db.getRepository(Budget).findOneBy({ communityId, fiscalYear });
  }

  @Query(() => [BudgetType], { description: 'Public: the budgets of a community, latest year first' })
  budgetsOfCommunity(@Args('communityId', { type: () => ID }, UuidArg) communityId: string) {
    return this.db.getRepository(Budget).find({ where: { communityId }, order: { fiscalYear: 'DESC' } });
  }

  private async canSeeInternal(actor: Actor, communityId: string) {
    return this.permissions.can(actor, communityId, 'budget.viewInternal', BUDGETS_PERMISSIONS);
  }

  @ResolveField(() => [BudgetVersionType])
  async versions(@Parent() b: Budget, @Ctx() ctx: RequestContext) {
    const all = await versionsOf(ctx, this.views, b.id);
    return (await this.canSeeInternal(ctx.actor, b.communityId)) ? all : all.filter((v) => isPublicStatus(v.status));
  }

  @ResolveField(() => BudgetVersionType, { nullable: true, description: 'The latest published or approved version (what citizens see)' })
  async publicVersion(@Parent() b: Budget, @Ctx() ctx: RequestContext) {
    const all = await versionsOf(ctx, this.views, b.id);
    return [...all].reverse().find((v) => v.status === 'APPROVED' || v.status === 'PUBLISHED') ?? null;
  }

  @ResolveField(() => BudgetVersionType, { nullable: true, description: 'The draft or submitted version, for the budget group' })
  async openVersion(@Parent() b: Budget, @Ctx() ctx: RequestContext) {
    if (!(await this.canSeeInternal(ctx.actor, b.communityId))) return null;
    return (await versionsOf(ctx, this.views, b.id)).find((v) => v.status === 'DRAFT' || v.status === 'SUBMITTED') ?? null;
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
    const rows = await this.views.neighbours(b);
    return rows.map((r) => ({ ...r, revenue: r.revenue.toString(), expenditure: r.expenditure.toString(), expenditurePerResident: perResident(r.expenditure, r.population)?.toString() ?? null }));
  }

  @ResolveField(() => [FlagType], { description: 'Budget group only: overspent lines, spending without a document, no movement by mid-year' })
  async flags(@Parent() b: Budget, @Ctx() ctx: RequestContext, @Args('asOf', { nullable: true, description: 'YYYY-MM-DD; today by default' }) asOf?: string) {
    await this.permissions.assert(ctx.actor, b.communityId, 'budget.viewInternal', BUDGETS_PERMISSIONS);
    const versions = await versionsOf(ctx, this.views, b.id);
    const current = [...versions].reverse().find((v) => v.status === 'APPROVED' || v.status === 'PUBLISHED') ?? versions[versions.length - 1];
    if (!current) return [];
    const date = asOf ? parseIsoDate('asOf', asOf) : new Date().toISOString().slice(0, 10);
    return (await this.views.flags(b, current, date)).map((f) => ({ ...f, kind: f.kind as never, amount: f.amount?.toString() ?? null }));
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
