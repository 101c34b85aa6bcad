import { Actor, CurrentActor } from '@ashar/auth';
import { Ctx, RequestContext, UuidArg } from '@ashar/graphql';
import { AppConfig } from '@ashar/kernel';
import { InjectConfig } from '@ashar/runtime';
import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { BudgetLineType, BudgetType, BudgetVersionType, ExportLinksType, QuarterlyViewType, TreasurySnapshotType, TotalsType, VersionComparisonType } from '../dtos';
import { newestSnapshot, quarterlyView } from '../domain/treasury';
import type { MonthlyActual } from '../domain/types';
import { BudgetVersion } from '../entities/budget-version.entity';
import { BudgetViewService } from '../services/budget-view.service';
import { BudgetService } from '../services/budget.service';
import { exportLinksOf, toComparisonType, toLineType, toQuarterlyType, toTotalsType, toTreasurySnapshotType } from './budget-types.mapper';
import { budgetLoader, treasuryOf, versionView } from './view-loader';


@Resolver(() => BudgetVersionType)
export class BudgetVersionResolver {
  constructor(
    private readonly budgets: BudgetService,
    private readonly views: BudgetViewService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  @Query(() => BudgetVersionType)
  async budgetVersion(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }, UuidArg) id: string) {
    return (await this.budgets.visibleVersion(actor, id)).version;
  }

  @Query(() => VersionComparisonType, { description: 'Line-by-line comparison of any two versions of the same budget' })
  async compareBudgetVersions(@CurrentActor() actor: Actor, @Args('fromId', { type: () => ID }, UuidArg) fromId: string, @Args('toId', { type: () => ID }, UuidArg) toId: string) {
    return toComparisonType(await this.budgets.compare(actor, fromId, toId));
  }

  @ResolveField(() => BudgetType)
  budget(@Parent() v: BudgetVersion, @Ctx() ctx: RequestContext) {
    return budgetLoader(ctx, this.views).load(v.budgetId);
  }

  @ResolveField(() => [BudgetLineType], { complexity: 20 })
  async lines(@Parent() v: BudgetVersion, @Ctx() ctx: RequestContext) {
    const view = await versionView(ctx, this.views, v.id, v.budgetId);
    return view.lines.map((l) => toLineType(l, view.exec, view.population));
  }

  @ResolveField(() => TotalsType, { description: 'Computed from the lines; actuals from all execution records of the budget' })
  async totals(@Parent() v: BudgetVersion, @Ctx() ctx: RequestContext) {
    return toTotalsType((await versionView(ctx, this.views, v.id, v.budgetId)).totals);
  }

  @ResolveField(() => ExportLinksType, { nullable: true, description: 'Stable public URLs of this version (public versions only)' })
  exportLinks(@Parent() v: BudgetVersion): ExportLinksType | null {
    return exportLinksOf(this.config.publicUrl, v);
  }

  @ResolveField(() => QuarterlyViewType, {
    complexity: 20,
    description: "Q1–Q4 plan vs actual per line and side, from the treasury's reports (imported, kind TREASURY) or from the payments entered by date; both shown, never added together",
  })
  async quarterly(@Parent() v: BudgetVersion, @Ctx() ctx: RequestContext) {
    const [view, snapshots] = await Promise.all([versionView(ctx, this.views, v.id, v.budgetId), treasuryOf(ctx, this.views, v.budgetId)]);
    const actuals: MonthlyActual[] = [];
    for (const [lineKey, e] of view.exec) e.monthly.forEach((amount, i) => amount && actuals.push({ lineKey, month: i + 1, amount }));
    return toQuarterlyType(quarterlyView(view.budget.fiscalYear, view.lines, actuals, snapshots), newestSnapshot(snapshots));
  }

  @ResolveField(() => [TreasurySnapshotType], { complexity: 10, description: "The treasury's execution reports of this version's budget, oldest first (as visible as the version)" })
  async treasurySnapshots(@Parent() v: BudgetVersion, @Ctx() ctx: RequestContext) {
    return (await treasuryOf(ctx, this.views, v.budgetId)).map(toTreasurySnapshotType);
  }
}
