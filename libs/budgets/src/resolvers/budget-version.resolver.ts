import { Actor, CurrentActor } from '@ashar/auth';
import { byKeys, Ctx, RequestContext } from '@ashar/graphql';
import { AppConfig, NotFoundError } from '@ashar/kernel';
import { InjectConfig } from '@ashar/runtime';
import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { isPublicStatus } from '../domain/workflow';
import { computeTotals } from '../domain/totals';
import { BudgetLineType, BudgetType, BudgetVersionType, ExportLinksType, TotalsType, VersionComparisonType } from '../dtos';
import { BudgetVersion } from '../entities/budget-version.entity';
import { Budget } from '../entities/budget.entity';
import { BudgetViewService } from '../services/budget-view.service';
import { BudgetService } from '../services/budget.service';
import { UuidArg } from './uuid-arg.pipe';
import { diffVersions, toChanges, toLineType, toTotalsType, versionView } from './view-loader';


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
    const a = await this.budgets.visibleVersion(actor, fromId);
    const b = await this.budgets.visibleVersion(actor, toId);
    if (a.budget.id !== b.budget.id) throw new NotFoundError('BudgetVersion', toId);
    const lines = await this.views.linesOfVersions([a.version.id, b.version.id]);
    const d = diffVersions(lines.get(a.version.id)!, lines.get(b.version.id)!);
    const t = (x: ReturnType<typeof computeTotals>): TotalsType => ({ revenue: x.revenue.toString(), expenditure: x.expenditure.toString(), balance: x.balance.toString(), revenueActual: '0', expenditureActual: '0', revenuePercent: null, expenditurePercent: null, revenuePerResident: null, expenditurePerResident: null });
    return { from: a.version, to: b.version, changes: toChanges(d), beforeTotals: t(d.before), afterTotals: t(d.after) };
  }

  @ResolveField(() => BudgetType)
  budget(@Parent() v: BudgetVersion, @Ctx() ctx: RequestContext) {
    return ctx.loaders.get<string, Budget | null>('budgets.budgetById', async (ids) => byKeys(ids, await this.views.budgetsByIds(ids), (b) => b.id)).load(v.budgetId);
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
    if (!isPublicStatus(v.status)) return null;
    const base = `${this.config.publicUrl}/api/public/budgets/${v.budgetId}/versions/${v.number}`;
    return { csv: `${base}/budget.csv`, xlsx: `${base}/budget.xlsx`, json: `${base}/budget.json`, datapackage: `${base}/fdp/datapackage.json` };
  }
}
