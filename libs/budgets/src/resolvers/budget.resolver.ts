import { Actor, CurrentActor, PermissionService } from '@ashar/auth';
import { accountByIdLoader, AccountService, MemberSummaryType } from '@ashar/identity';
import { byKeys, Ctx, groupByKeys, RequestContext } from '@ashar/graphql';
import { AppConfig, NotFoundError, parseIsoDate } from '@ashar/kernel';
import { InjectConfig } from '@ashar/runtime';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { BUDGETS_PERMISSIONS } from '../budgets.permissions';
import { isPublicStatus } from '../domain/workflow';
import { computeTotals } from '../domain/totals';
import {
  AddBudgetCommentInput, AmendBudgetInput, ApproveVersionInput, AttachmentInput, BudgetLineType, BudgetType, BudgetVersionType, ClassificationInput, ClassificationSchemeEnum,
  ClassificationType, CommentType, CreateBudgetInput, CreateMonitoringNoteInput, ExportLinksType, FlagType, MonitoringNoteType, NeighbourBudgetType, NoteStatusEnum,
  PublishVersionInput, RecordTransactionInput, ReplyType, SaveBudgetLinesInput, TotalsType, TransactionType, VersionComparisonType, VersionStepInput,
} from '../dtos/budget.types';
import { BudgetComment } from '../entities/budget-comment.entity';
import { BudgetTransaction } from '../entities/budget-transaction.entity';
import { BudgetVersion } from '../entities/budget-version.entity';
import { Budget } from '../entities/budget.entity';
import { MonitoringNote, MonitoringReply } from '../entities/monitoring-note.entity';
import { BudgetViewService } from '../services/budget-view.service';
import { BudgetService } from '../services/budget.service';
import { ClassificationService } from '../services/classification.service';
import { ExecutionService } from '../services/execution.service';
import { MonitoringService } from '../services/monitoring.service';
import { perResident } from '../domain/totals';
import { UuidArg } from './uuid-arg.pipe';
import { diffVersions, toChanges, toLineType, toTotalsType, versionsOf, versionView } from './view-loader';
import { DataSource } from 'typeorm';
import { InjectDataSource } from '@nestjs/typeorm';

const toTx = (t: BudgetTransaction): TransactionType => ({ ...t, kind: t.kind as never, amount: t.amount.toString() });

@Resolver(() => BudgetType)
export class BudgetResolver {
  constructor(
    private readonly budgets: BudgetService,
    private readonly views: BudgetViewService,
    private readonly execution: ExecutionService,
    private readonly monitoring: MonitoringService,
    private readonly classification: ClassificationService,
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

  @Query(() => [ClassificationType], { description: 'Public: the budget classification codes of a country' })
  async budgetClassifications(@Args('country') country: string, @Args('scheme', { type: () => ClassificationSchemeEnum, nullable: true }) scheme?: ClassificationSchemeEnum) {
    return this.classification.list(country, scheme);
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

  @ResolveField(() => [MonitoringNoteType], { description: 'Members see all notes; the public sees resolved ones' })
  async monitoringNotes(@Parent() b: Budget, @CurrentActor() actor: Actor) {
    return this.monitoring.forBudget(actor, b.id, b.communityId);
  }

  // ---------- mutations ----------

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

  @Mutation(() => CommentType)
  addBudgetComment(@CurrentActor() actor: Actor, @Args('input') input: AddBudgetCommentInput) {
    return this.budgets.comment(actor, input);
  }

  @Mutation(() => TransactionType)
  async recordBudgetTransaction(@CurrentActor() actor: Actor, @Args('input') input: RecordTransactionInput) {
    return toTx(await this.execution.record(actor, input));
  }

  @Mutation(() => TransactionType)
  async attachBudgetDocument(@CurrentActor() actor: Actor, @Args('transactionId', { type: () => ID }, UuidArg) transactionId: string, @Args('attachment') attachment: AttachmentInput) {
    return toTx(await this.execution.attach(actor, transactionId, attachment));
  }

  @Mutation(() => MonitoringNoteType)
  createMonitoringNote(@CurrentActor() actor: Actor, @Args('input') input: CreateMonitoringNoteInput) {
    return this.monitoring.create(actor, input);
  }

  @Mutation(() => ReplyType)
  replyToMonitoringNote(@CurrentActor() actor: Actor, @Args('noteId', { type: () => ID }, UuidArg) noteId: string, @Args('body') body: string) {
    return this.monitoring.reply(actor, noteId, body);
  }

  @Mutation(() => MonitoringNoteType)
  setMonitoringNoteStatus(@CurrentActor() actor: Actor, @Args('noteId', { type: () => ID }, UuidArg) noteId: string, @Args('status', { type: () => NoteStatusEnum }) status: NoteStatusEnum) {
    return this.monitoring.setStatus(actor, noteId, status);
  }

  @Mutation(() => ClassificationType, { description: 'Platform admins: add or correct a classification code' })
  upsertBudgetClassification(@CurrentActor() actor: Actor, @Args('input') input: ClassificationInput) {
    return this.classification.upsert(actor, input);
  }
}

@Resolver(() => MonitoringNoteType)
export class MonitoringNoteResolver {
  constructor(private readonly monitoring: MonitoringService, private readonly accounts: AccountService) {}

  @ResolveField(() => MemberSummaryType, { description: 'Who wrote the finding (a budget-group member)' })
  author(@Parent() n: MonitoringNote, @Ctx() ctx: RequestContext) {
    return accountByIdLoader(ctx, this.accounts).load(n.authorAccountId);
  }

  @ResolveField(() => [ReplyType])
  replies(@Parent() n: MonitoringNote, @Ctx() ctx: RequestContext) {
    return ctx.loaders
      .get<string, MonitoringReply[]>('budgets.repliesByNote', async (ids) => groupByKeys(ids, await this.monitoring.repliesOf(ids), (r) => r.noteId))
      .load(n.id);
  }
}

@Resolver(() => ReplyType)
export class MonitoringReplyResolver {
  constructor(private readonly accounts: AccountService) {}

  @ResolveField(() => MemberSummaryType)
  author(@Parent() r: MonitoringReply, @Ctx() ctx: RequestContext) {
    return accountByIdLoader(ctx, this.accounts).load(r.authorAccountId);
  }
}

@Resolver(() => BudgetVersionType)
export class BudgetVersionResolver {
  constructor(
    private readonly budgets: BudgetService,
    private readonly views: BudgetViewService,
    @InjectConfig() private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
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

  @ResolveField(() => [CommentType], { complexity: 10 })
  comments(@Parent() v: BudgetVersion, @Ctx() ctx: RequestContext) {
    return ctx.loaders
      .get<string, BudgetComment[]>('budgets.commentsByVersion', async (ids) =>
        groupByKeys(ids, await this.db.getRepository(BudgetComment).createQueryBuilder('c').where('c.version_id = ANY(:ids)', { ids: [...ids] }).orderBy('c.created_at').getMany(), (c) => c.versionId),
      )
      .load(v.id);
  }

  @ResolveField(() => ExportLinksType, { nullable: true, description: 'Stable public URLs of this version (public versions only)' })
  exportLinks(@Parent() v: BudgetVersion): ExportLinksType | null {
    if (!isPublicStatus(v.status)) return null;
    const base = `${this.config.publicUrl}/api/public/budgets/${v.budgetId}/versions/${v.number}`;
    return { csv: `${base}/budget.csv`, xlsx: `${base}/budget.xlsx`, json: `${base}/budget.json`, datapackage: `${base}/fdp/datapackage.json` };
  }
}
