import { Actor, PermissionService, RateLimiter } from '@ashar/auth';
import { AuditService } from '@ashar/audit';
import { PG_UNIQUE_VIOLATION, pgConstraint, pgErrorCode, Transaction, TransactionRunner } from '@ashar/database';
import { ConflictError, DomainError, ForbiddenError, InvalidInputError, isUuid, MAX_MONEY_MINOR, NotFoundError, NUMBER_ERROR_KEY, parseIsoDate, parseMajorAmountChecked, todayIso } from '@ashar/kernel';
import { CommunityService, TerritoryService } from '@ashar/territory';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { BUDGETS_PERMISSIONS } from '../budgets.permissions';
import { Flag } from '../domain/execution';
import { diffVersions, VersionDiff } from '../domain/version-diff';
import { canTransition, flaggedVersionOf, isPublicStatus, isSecondPerson, openVersionOf, visibleVersions, WorkflowAction } from '../domain/workflow';
import { AmendBudgetInput, ApproveVersionInput, CreateBudgetInput, PublishVersionInput, SaveBudgetLinesInput, VersionStepInput } from '../dtos';
import { BudgetLine } from '../entities/budget-line.entity';
import { BudgetVersion } from '../entities/budget-version.entity';
import { Budget } from '../entities/budget.entity';
import { BudgetVersionsRepository } from '../repositories/budget-versions.repository';
import { BudgetsRepository } from '../repositories/budgets.repository';
import { BudgetViewService } from './budget-view.service';
import { ClassificationService } from './classification.service';

const cleanNames = (n: Record<string, string | null | undefined> | null | undefined) =>
  Object.fromEntries(Object.entries(n ?? {}).filter(([, v]) => typeof v === 'string' && v.trim()).map(([k, v]) => [k, (v as string).trim()]));

/** The write side of budgets (documents, versions and their workflow, lines) and the actor-facing reads. */
/** A typed amount of a line (som/tenge as typed, exact): null when not given; BAD_USER_INPUT at `field` otherwise. */
function parseLineAmount(text: string | null | undefined, field: string): bigint | null {
  if (text === null || text === undefined) return null;
  const typed = parseMajorAmountChecked(text);
  // "1,234" could be a thousand or one som: say which problem it is (the kernel's one parser), never guess.
  if (!typed.ok) throw new InvalidInputError(field, typed.problem === 'notANumber' || typed.problem === 'empty' ? 'errors.budgets.amount' : NUMBER_ERROR_KEY[typed.problem], undefined, { decimals: 2 });
  if (typed.value < 0n) throw new InvalidInputError(field, 'errors.budgets.amountNegative');
  if (typed.value >= MAX_MONEY_MINOR) throw new InvalidInputError(field, 'errors.budgets.amountTooLarge');
  return typed.value;
}

type ModelAmounts = { specialFunds: bigint; forecastYear1: bigint | null; forecastYear2: bigint | null };

/** The edit record's special funds and forecasts, before/after, only when a side of them is not empty. */
function fundsChange(before: ModelAmounts | null, after: ModelAmounts): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  const str = (v: bigint | null | undefined) => (v === null || v === undefined ? null : v.toString());
  for (const k of ['specialFunds', 'forecastYear1', 'forecastYear2'] as const) {
    const b = before ? before[k] : null;
    const a = after[k];
    if (str(b) === str(a) || (k === 'specialFunds' && (b ?? 0n) === 0n && (a ?? 0n) === 0n)) continue;
    out[`${k}Before`] = str(b);
    out[`${k}After`] = str(a);
  }
  return out;
}

@Injectable()
export class BudgetService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly budgetsRepo: BudgetsRepository,
    private readonly versions: BudgetVersionsRepository,
    private readonly views: BudgetViewService,
    private readonly permissions: PermissionService,
    private readonly communities: CommunityService,
    private readonly territory: TerritoryService,
    private readonly classification: ClassificationService,
    private readonly audit: AuditService,
    private readonly limiter: RateLimiter,
  ) {}

  async budgetById(id: string): Promise<Budget> {
    const b = isUuid(id) ? await this.budgetsRepo.findById(id) : null;
    if (!b) throw new NotFoundError('Budget', id);
    return b;
  }

  async versionById(id: string): Promise<{ version: BudgetVersion; budget: Budget }> {
    const v = isUuid(id) ? await this.versions.findById(id) : null;
    if (!v) throw new NotFoundError('BudgetVersion', id);
    return { version: v, budget: await this.budgetById(v.budgetId) };
  }

  /** Public: the budget of a community for a year. */
  budgetFor(communityId: string, fiscalYear: number): Promise<Budget | null> {
    return this.budgetsRepo.findByCommunityYear(communityId, fiscalYear);
  }

  /** Public: the budget a short address names (community slug + year); NOT_FOUND for an unknown slug or year. */
  async budgetBySlug(communitySlug: string, fiscalYear: number): Promise<Budget> {
    const community = await this.communities.bySlug(communitySlug);
    const b = await this.budgetsRepo.findByCommunityYear(community.id, fiscalYear);
    if (!b) throw new NotFoundError('Budget', `${communitySlug}/${fiscalYear}`);
    return b;
  }

  /** The slug of each community (null where it has none), in the order asked: for the budgets' short addresses. */
  async communitySlugs(communityIds: readonly string[]): Promise<(string | null)[]> {
    const found = new Map((await this.communities.byIds(communityIds)).map((c) => [c.id, c.slug ?? null]));
    return communityIds.map((id) => found.get(id) ?? null);
  }

  /** Public: the budgets of a community, latest year first. */
  budgetsOfCommunity(communityId: string): Promise<Budget[]> {
    return this.budgetsRepo.ofCommunity(communityId);
  }

  private canSeeInternal(actor: Actor, budget: Budget): Promise<boolean> {
    return this.permissions.can(actor, budget.communityId, 'budget.viewInternal', BUDGETS_PERMISSIONS);
  }

  /** The versions of a budget (all, by number) that this actor may list. */
  async visibleVersionsOf(actor: Actor, budget: Budget, all: readonly BudgetVersion[]): Promise<BudgetVersion[]> {
    return visibleVersions(all, await this.canSeeInternal(actor, budget));
  }

  /** The draft or submitted version, for the budget group and admin only. */
  async openVersionFor(actor: Actor, budget: Budget, all: () => Promise<readonly BudgetVersion[]>): Promise<BudgetVersion | null> {
    if (!(await this.canSeeInternal(actor, budget))) return null;
    return openVersionOf(await all());
  }

  /** Budget group only: the flags of the public version (else the newest), as of a date (today by default). */
  async flags(actor: Actor, budget: Budget, all: () => Promise<readonly BudgetVersion[]>, asOf?: string | null): Promise<Flag[]> {
    await this.permissions.assert(actor, budget.communityId, 'budget.viewInternal', BUDGETS_PERMISSIONS);
    const current = flaggedVersionOf(await all());
    if (!current) return [];
    const date = asOf ? parseIsoDate('asOf', asOf) : todayIso();
    return this.views.flags(budget, current, date);
  }

  /** Two versions of the same budget that the actor may see, line by line. */
  async compare(actor: Actor, fromId: string, toId: string): Promise<{ from: BudgetVersion; to: BudgetVersion; diff: VersionDiff }> {
    const a = await this.visibleVersion(actor, fromId);
    const b = await this.visibleVersion(actor, toId);
    if (a.budget.id !== b.budget.id) throw new NotFoundError('BudgetVersion', toId);
    const lines = await this.views.linesOfVersions([a.version.id, b.version.id]);
    return { from: a.version, to: b.version, diff: diffVersions(lines.get(a.version.id)!, lines.get(b.version.id)!) };
  }

  /** A version the actor may see: public ones for everybody, the others for the budget group and admin. */
  async visibleVersion(actor: Actor, id: string): Promise<{ version: BudgetVersion; budget: Budget }> {
    const r = await this.versionById(id);
    if (!isPublicStatus(r.version.status) && !(await this.permissions.can(actor, r.budget.communityId, 'budget.viewInternal', BUDGETS_PERMISSIONS))) {
      throw new NotFoundError('BudgetVersion', id);
    }
    return r;
  }

  async create(actor: Actor, input: CreateBudgetInput): Promise<Budget> {
    const community = await this.communities.byId(input.communityId);
    await this.permissions.assert(actor, community.id, 'budget.edit', BUDGETS_PERMISSIONS);
    const unit = (await this.territory.byIds([community.unitId]))[0];
    if (unit && ((unit.country === 'KG' && input.currency !== 'KGS') || (unit.country === 'KZ' && input.currency !== 'KZT'))) {
      throw new InvalidInputError('input.currency', 'errors.budgets.currencyCountry');
    }
    const title = cleanNames(input.title as never);
    if (!Object.keys(title).length) throw new InvalidInputError('input.title', 'errors.validation.nameRequired');
    try {
      return await this.tx.run(async (tx) => {
        const budget = await this.budgetsRepo.insert(tx, { communityId: community.id, fiscalYear: input.fiscalYear, currency: input.currency, population: input.population ?? null, title, createdBy: actor.accountId! });
        const version = await this.versions.insert(tx, { budgetId: budget.id, number: 1, kind: 'ORIGINAL', status: 'DRAFT', revision: 1, createdBy: actor.accountId! });
        let copied = 0;
        if (input.copyFromPreviousYear) {
          const prev = await this.budgetsRepo.findByCommunityYear(community.id, input.fiscalYear - 1, tx);
          const from = prev ? await this.versions.latestOf(tx, prev.id) : null;
          if (!from) throw new InvalidInputError('input.copyFromPreviousYear', 'errors.budgets.noPreviousYear');
          copied = await this.versions.copyLines(tx, from.id, version.id, true);
        }
        await this.audit.record(tx, actor.toAudit(), {
          action: 'budget.create',
          entityType: 'Budget',
          entityId: budget.id,
          communityId: community.id,
          after: { fiscalYear: budget.fiscalYear, currency: budget.currency, population: budget.population, title, copiedLines: copied },
        });
        return budget;
      });
    } catch (e) {
      if (pgErrorCode(e) === PG_UNIQUE_VIOLATION && pgConstraint(e) === 'uq_budgets_community_year') throw new ConflictError('errors.budgets.yearExists', undefined, { field: 'input.fiscalYear' });
      throw e;
    }
  }

  async setPopulation(actor: Actor, budgetId: string, population: number | null): Promise<Budget> {
    const budget = await this.budgetById(budgetId);
    await this.permissions.assert(actor, budget.communityId, 'budget.edit', BUDGETS_PERMISSIONS);
    if (population !== null && (!Number.isInteger(population) || population < 1 || population > 5_000_000)) throw new InvalidInputError('population', 'errors.budgets.population');
    return this.tx.run(async (tx) => {
      await this.budgetsRepo.setPopulation(tx, budget.id, population);
      await this.audit.record(tx, actor.toAudit(), { action: 'budget.setPopulation', entityType: 'Budget', entityId: budget.id, communityId: budget.communityId, before: { population: budget.population }, after: { population } });
      return { ...budget, population };
    });
  }

  /** Locks the version row for the rest of the transaction and checks state, revision and permission. */
  private async lockVersion(tx: Transaction, versionId: string, expectedRevision: number | null, action: WorkflowAction): Promise<BudgetVersion> {
    const v = isUuid(versionId) ? await this.versions.lock(tx, versionId) : null;
    if (!v) throw new NotFoundError('BudgetVersion', versionId);
    if (expectedRevision !== null && v.revision !== expectedRevision) {
      const edits = await this.versions.editsOf(tx, v.id);
      const changes = edits.filter((e) => e.revision > expectedRevision).flatMap((e) => e.changes.map((c) => ({ ...c, revision: e.revision, by: e.actorAccountId })));
      throw new ConflictError('errors.budgets.staleRevision', `Version ${v.id} is at revision ${v.revision}, you edited ${expectedRevision}`, {
        currentRevision: v.revision,
        status: v.status,
        changes,
      });
    }
    if (!canTransition(action, v.status)) {
      throw new DomainError('CONFLICT', v.status === 'DRAFT' ? 'errors.budgets.wrongStatus' : 'errors.budgets.immutable', `Cannot ${action} a ${v.status} version`, { status: v.status });
    }
    return v;
  }

  async saveLines(actor: Actor, input: SaveBudgetLinesInput): Promise<BudgetVersion> {
    const { budget } = await this.versionById(input.versionId);
    await this.permissions.assert(actor, budget.communityId, 'budget.edit', BUDGETS_PERMISSIONS);
    const country = await this.countryOf(budget);
    const codes = await this.classification.codeSets(country);
    // Validate every line before touching anything: the first bad one answers with its path.
    const parsed = input.lines.map((l, i) => {
      const at = `input.lines.${i}`;
      const amount = parseLineAmount(l.amount, `${at}.amount`)!;
      // Omitted (undefined): an existing line keeps what it has, a new one has none; null clears.
      const typedOrKept = (text: string | null | undefined, field: string) => (text === undefined ? undefined : parseLineAmount(text, `${at}.${field}`));
      const specialFunds = typedOrKept(l.specialFunds, 'specialFunds');
      if (specialFunds != null && specialFunds > amount) throw new InvalidInputError(`${at}.specialFunds`, 'errors.budgets.specialFundsAboveAmount');
      const forecastYear1 = typedOrKept(l.forecastYear1, 'forecastYear1');
      const forecastYear2 = typedOrKept(l.forecastYear2, 'forecastYear2');
      const dir = codes.economic.get(l.economicCode);
      if (!dir) throw new InvalidInputError(`${at}.economicCode`, 'errors.budgets.unknownCode', undefined, { code: l.economicCode });
      if (dir !== l.direction) throw new InvalidInputError(`${at}.economicCode`, 'errors.budgets.codeDirection', undefined, { code: l.economicCode });
      if (l.functionalCode && !codes.functional.has(l.functionalCode)) throw new InvalidInputError(`${at}.functionalCode`, 'errors.budgets.unknownCode', undefined, { code: l.functionalCode });
      return { lineKey: l.lineKey ?? null, direction: l.direction, economicCode: l.economicCode, functionalCode: l.functionalCode || null, names: cleanNames(l.names as never), amount, specialFunds, forecastYear1, forecastYear2 };
    });
    const seen = new Set<string>();
    parsed.forEach((l, i) => {
      if (l.lineKey && seen.has(l.lineKey)) throw new InvalidInputError(`input.lines.${i}.lineKey`, 'errors.budgets.duplicateLine');
      if (l.lineKey) seen.add(l.lineKey);
    });
    return this.tx.run(async (tx) => {
      const v = await this.lockVersion(tx, input.versionId, input.expectedRevision, 'edit');
      const keys = [...seen, ...input.removeLineKeys];
      const existing = keys.length ? await this.versions.linesByKeys(tx, v.id, keys) : [];
      const byKey = new Map(existing.map((l) => [l.lineKey, l]));
      const changes: Array<Record<string, unknown>> = [];
      let position = ((await this.versions.maxPosition(tx, v.id)) ?? 0) + 1;
      const inserts: Partial<BudgetLine>[] = [];
      for (const [i, typed] of parsed.entries()) {
        const old = typed.lineKey ? byKey.get(typed.lineKey) : undefined;
        if (typed.lineKey && !old) throw new InvalidInputError(`input.lines.${i}.lineKey`, 'errors.budgets.unknownLine');
        const l = {
          ...typed,
          specialFunds: typed.specialFunds === undefined ? (old?.specialFunds ?? 0n) : (typed.specialFunds ?? 0n),
          forecastYear1: typed.forecastYear1 === undefined ? (old?.forecastYear1 ?? null) : typed.forecastYear1,
          forecastYear2: typed.forecastYear2 === undefined ? (old?.forecastYear2 ?? null) : typed.forecastYear2,
        };
        // Kept special funds above a smaller amount: the same answer as typed ones (nothing of the save is written).
        if (l.specialFunds > l.amount) throw new InvalidInputError(`input.lines.${i}.specialFunds`, 'errors.budgets.specialFundsAboveAmount');
        if (old) {
          const same = old.amount === l.amount && old.specialFunds === l.specialFunds && old.forecastYear1 === l.forecastYear1 && old.forecastYear2 === l.forecastYear2 && old.economicCode === l.economicCode && old.functionalCode === l.functionalCode && old.direction === l.direction && JSON.stringify(old.names) === JSON.stringify(l.names);
          if (same) continue;
          await this.versions.updateLine(tx, old.id, { direction: l.direction, economicCode: l.economicCode, functionalCode: l.functionalCode, names: l.names, amount: l.amount, specialFunds: l.specialFunds, forecastYear1: l.forecastYear1, forecastYear2: l.forecastYear2 });
          changes.push({ change: 'CHANGED', lineKey: old.lineKey, economicCode: l.economicCode, before: old.amount.toString(), after: l.amount.toString(), ...fundsChange(old, l) });
        } else {
          const lineKey = randomUUID();
          inserts.push({ versionId: v.id, lineKey, direction: l.direction, economicCode: l.economicCode, functionalCode: l.functionalCode, names: l.names, amount: l.amount, specialFunds: l.specialFunds, forecastYear1: l.forecastYear1, forecastYear2: l.forecastYear2, position: position++ });
          changes.push({ change: 'ADDED', lineKey, economicCode: l.economicCode, before: null, after: l.amount.toString(), ...fundsChange(null, l) });
        }
      }
      if (inserts.length) await this.versions.insertLines(tx, inserts);
      for (const [i, key] of input.removeLineKeys.entries()) {
        const old = byKey.get(key);
        if (!old) throw new InvalidInputError(`input.removeLineKeys.${i}`, 'errors.budgets.unknownLine');
        await this.versions.deleteLine(tx, old.id);
        changes.push({ change: 'REMOVED', lineKey: key, economicCode: old.economicCode, before: old.amount.toString(), after: null });
      }
      if (!changes.length) return v;
      v.revision += 1;
      await this.versions.update(tx, v.id, { revision: v.revision });
      await this.versions.insertEdit(tx, { versionId: v.id, revision: v.revision, actorAccountId: actor.accountId!, changes: changes as never });
      await this.audit.record(tx, actor.toAudit(), { action: 'budget.saveLines', entityType: 'BudgetVersion', entityId: v.id, communityId: budget.communityId, after: { revision: v.revision, changes } });
      return v;
    });
  }

  private async step(actor: Actor, versionId: string, expectedRevision: number, action: WorkflowAction, permission: keyof typeof BUDGETS_PERMISSIONS, apply: (v: BudgetVersion, tx: Transaction, budget: Budget) => Promise<Partial<BudgetVersion>>): Promise<BudgetVersion> {
    const { budget } = await this.versionById(versionId);
    await this.permissions.assert(actor, budget.communityId, permission, BUDGETS_PERMISSIONS);
    return this.tx.run(async (tx) => {
      const v = await this.lockVersion(tx, versionId, expectedRevision, action);
      const before = { status: v.status, revision: v.revision };
      const patch = await apply(v, tx, budget);
      Object.assign(v, patch, { revision: v.revision + 1 });
      await this.versions.update(tx, v.id, { ...patch, revision: v.revision });
      await this.audit.record(tx, actor.toAudit(), { action: `budget.${action}`, entityType: 'BudgetVersion', entityId: v.id, communityId: budget.communityId, before, after: { ...patch, revision: v.revision } });
      return v;
    });
  }

  /** One member prepares: the draft is frozen and waits for another person to publish it. */
  submit(actor: Actor, input: VersionStepInput) {
    return this.step(actor, input.versionId, input.expectedRevision, 'submit', 'budget.edit', async (v, tx) => {
      if (!(await this.versions.countLines(tx, v.id))) throw new InvalidInputError('input.versionId', 'errors.budgets.emptyVersion');
      return { status: 'SUBMITTED', submittedBy: actor.accountId, submittedAt: new Date() };
    });
  }

  withdraw(actor: Actor, input: VersionStepInput) {
    return this.step(actor, input.versionId, input.expectedRevision, 'withdraw', 'budget.edit', async () => ({ status: 'DRAFT', submittedBy: null, submittedAt: null }));
  }

  /** Another person confirms: the version goes public for hearing, with its comment period. */
  publish(actor: Actor, input: PublishVersionInput) {
    parseIsoDate('input.commentsUntil', input.commentsUntil);
    return this.step(actor, input.versionId, input.expectedRevision, 'publish', 'budget.publish', async (v) => {
      if (!isSecondPerson(v.submittedBy, actor.accountId!)) throw new ForbiddenError('budget.publish.secondPerson');
      if (input.commentsUntil < todayIso()) throw new InvalidInputError('input.commentsUntil', 'errors.budgets.commentsUntilPast');
      return { status: 'PUBLISHED', publishedBy: actor.accountId, publishedAt: new Date(), commentsUntil: input.commentsUntil };
    });
  }

  /** The community admin records the local kenesh's decision; not the person who prepared the version. */
  approve(actor: Actor, input: ApproveVersionInput) {
    parseIsoDate('input.decisionDate', input.decisionDate);
    return this.step(actor, input.versionId, input.expectedRevision, 'approve', 'budget.approve', async (v, tx) => {
      if (!isSecondPerson(v.submittedBy, actor.accountId!)) throw new ForbiddenError('budget.approve.secondPerson');
      // The version it amends (the previous approved one) is superseded.
      await this.versions.supersedeOthers(tx, v.budgetId, v.id);
      return { status: 'APPROVED', approvedBy: actor.accountId, approvedAt: new Date(), decisionDate: input.decisionDate, decisionNumber: input.decisionNumber, decisionFileUrl: input.decisionFileUrl ?? null };
    });
  }

  /** An amendment: a new DRAFT version copied from a published or approved one, with its reason. */
  async amend(actor: Actor, input: AmendBudgetInput): Promise<BudgetVersion> {
    const { budget } = await this.versionById(input.versionId);
    await this.permissions.assert(actor, budget.communityId, 'budget.edit', BUDGETS_PERMISSIONS);
    try {
      return await this.tx.run(async (tx) => {
        const from = await this.lockVersion(tx, input.versionId, null, 'amend');
        const kind = input.final ? 'FINAL' : 'AMENDMENT';
        // One final budget per year: after it, changes are amendments.
        if (kind === 'FINAL' && (await this.versions.hasKind(tx, budget.id, 'FINAL'))) throw new ConflictError('errors.budgets.finalExists');
        const number = (await this.versions.maxNumber(tx, budget.id)) + 1;
        const v = await this.versions.insert(tx, { budgetId: budget.id, number, kind, status: 'DRAFT', revision: 1, reason: input.reason, basedOnVersionId: from.id, createdBy: actor.accountId! });
        const copied = await this.versions.copyLines(tx, from.id, v.id, false);
        await this.audit.record(tx, actor.toAudit(), { action: 'budget.amend', entityType: 'BudgetVersion', entityId: v.id, communityId: budget.communityId, after: { number: v.number, kind, reason: input.reason, basedOn: from.id, lines: copied } });
        return v;
      });
    } catch (e) {
      if (pgErrorCode(e) === PG_UNIQUE_VIOLATION && pgConstraint(e) === 'uq_budget_versions_one_open') throw new ConflictError('errors.budgets.openVersionExists');
      throw e;
    }
  }

  /** The country of the budget's unit (territory), which fixes its classification. */
  async countryOf(budget: Pick<Budget, 'communityId'>): Promise<string> {
    return (await this.communities.countriesOf([budget.communityId])).get(budget.communityId) ?? 'KG';
  }
}
