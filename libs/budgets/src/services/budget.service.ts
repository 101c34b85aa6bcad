import { Actor, PermissionService, RateLimiter } from '@ashar/auth';
import { AuditService } from '@ashar/audit';
import { PG_UNIQUE_VIOLATION, pgConstraint, pgErrorCode } from '@ashar/database';
import { ConflictError, DomainError, ForbiddenError, InvalidInputError, isUuid, MAX_MONEY_MINOR, NotFoundError, parseIsoDate, parseMajorAmount } from '@ashar/kernel';
import { CommunityService, TerritoryService } from '@ashar/territory';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { BUDGETS_PERMISSIONS } from '../budgets.permissions';
import { canTransition, isPublicStatus, isSecondPerson, WorkflowAction } from '../domain/workflow';
import { AmendBudgetInput, ApproveVersionInput, CreateBudgetInput, PublishVersionInput, SaveBudgetLinesInput, VersionStepInput } from '../dtos';
import { BudgetLine } from '../entities/budget-line.entity';
import { BudgetVersionEdit } from '../entities/budget-version-edit.entity';
import { BudgetVersion } from '../entities/budget-version.entity';
import { Budget } from '../entities/budget.entity';
import { ClassificationService } from './classification.service';

const cleanNames = (n: Record<string, string | null | undefined> | null | undefined) =>
  Object.fromEntries(Object.entries(n ?? {}).filter(([, v]) => typeof v === 'string' && v.trim()).map(([k, v]) => [k, (v as string).trim()]));

/** The write side of budgets: documents, versions and their workflow, lines, comments. */
@Injectable()
export class BudgetService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly permissions: PermissionService,
    private readonly communities: CommunityService,
    private readonly territory: TerritoryService,
    private readonly classification: ClassificationService,
    private readonly audit: AuditService,
    private readonly limiter: RateLimiter,
  ) {}

  async budgetById(id: string): Promise<Budget> {
    const b = isUuid(id) ? await this.db.getRepository(Budget).findOneBy({ id }) : null;
    if (!b) throw new NotFoundError('Budget', id);
    return b;
  }

  async versionById(id: string): Promise<{ version: BudgetVersion; budget: Budget }> {
    const v = isUuid(id) ? await this.db.getRepository(BudgetVersion).findOneBy({ id }) : null;
    if (!v) throw new NotFoundError('BudgetVersion', id);
    return { version: v, budget: await this.budgetById(v.budgetId) };
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
      return await this.db.transaction(async (m) => {
        const budget = m.create(Budget, { communityId: community.id, fiscalYear: input.fiscalYear, currency: input.currency, population: input.population ?? null, title, createdBy: actor.accountId! });
        await m.insert(Budget, budget);
        const version = m.create(BudgetVersion, { budgetId: budget.id, number: 1, status: 'DRAFT', revision: 1, createdBy: actor.accountId! });
        await m.insert(BudgetVersion, version);
        let copied = 0;
        if (input.copyFromPreviousYear) {
          const prev = await m.findOne(Budget, { where: { communityId: community.id, fiscalYear: input.fiscalYear - 1 } });
          const from = prev ? await m.findOne(BudgetVersion, { where: { budgetId: prev.id }, order: { number: 'DESC' } }) : null;
          if (!from) throw new InvalidInputError('input.copyFromPreviousYear', 'errors.budgets.noPreviousYear');
          copied = await this.copyLines(m, from.id, version.id, true);
        }
        await this.audit.record(m, actor.toAudit(), {
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
    return this.db.transaction(async (m) => {
      await m.update(Budget, { id: budget.id }, { population });
      await this.audit.record(m, actor.toAudit(), { action: 'budget.setPopulation', entityType: 'Budget', entityId: budget.id, communityId: budget.communityId, before: { population: budget.population }, after: { population } });
      return { ...budget, population };
    });
  }

  private async copyLines(m: EntityManager, fromVersionId: string, toVersionId: string, newKeys: boolean): Promise<number> {
    const res: unknown[] = await m.query(
      `INSERT INTO budget_lines (version_id, line_key, direction, economic_code, functional_code, names, amount, position)
       SELECT $2, ${newKeys ? 'gen_random_uuid()' : 'line_key'}, direction, economic_code, functional_code, names, amount, position
         FROM budget_lines WHERE version_id = $1 RETURNING 1`,
      [fromVersionId, toVersionId],
    );
    return res.length;
  }

  /** Locks the version row for the rest of the transaction and checks state, revision and permission. */
  private async lockVersion(m: EntityManager, versionId: string, expectedRevision: number | null, action: WorkflowAction): Promise<BudgetVersion> {
    const v = isUuid(versionId) ? await m.findOne(BudgetVersion, { where: { id: versionId }, lock: { mode: 'pessimistic_write' } }) : null;
    if (!v) throw new NotFoundError('BudgetVersion', versionId);
    if (expectedRevision !== null && v.revision !== expectedRevision) {
      const edits = await m.find(BudgetVersionEdit, { where: { versionId: v.id }, order: { revision: 'ASC' } });
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
      const amount = parseMajorAmount(l.amount);
      if (amount === null) throw new InvalidInputError(`${at}.amount`, 'errors.budgets.amount');
      if (amount < 0n) throw new InvalidInputError(`${at}.amount`, 'errors.budgets.amountNegative');
      if (amount >= MAX_MONEY_MINOR) throw new InvalidInputError(`${at}.amount`, 'errors.budgets.amountTooLarge');
      const dir = codes.economic.get(l.economicCode);
      if (!dir) throw new InvalidInputError(`${at}.economicCode`, 'errors.budgets.unknownCode', undefined, { code: l.economicCode });
      if (dir !== l.direction) throw new InvalidInputError(`${at}.economicCode`, 'errors.budgets.codeDirection', undefined, { code: l.economicCode });
      if (l.functionalCode && !codes.functional.has(l.functionalCode)) throw new InvalidInputError(`${at}.functionalCode`, 'errors.budgets.unknownCode', undefined, { code: l.functionalCode });
      return { lineKey: l.lineKey ?? null, direction: l.direction, economicCode: l.economicCode, functionalCode: l.functionalCode || null, names: cleanNames(l.names as never), amount };
    });
    const seen = new Set<string>();
    parsed.forEach((l, i) => {
      if (l.lineKey && seen.has(l.lineKey)) throw new InvalidInputError(`input.lines.${i}.lineKey`, 'errors.budgets.duplicateLine');
      if (l.lineKey) seen.add(l.lineKey);
    });
    return this.db.transaction(async (m) => {
      const v = await this.lockVersion(m, input.versionId, input.expectedRevision, 'edit');
      const keys = [...seen, ...input.removeLineKeys];
      const existing = keys.length ? await m.find(BudgetLine, { where: { versionId: v.id, lineKey: In(keys) } }) : [];
      const byKey = new Map(existing.map((l) => [l.lineKey, l]));
      const changes: Array<Record<string, unknown>> = [];
      const maxPos: { p: number | null }[] = await m.query('SELECT max(position) AS p FROM budget_lines WHERE version_id = $1', [v.id]);
      let position = (maxPos[0]?.p ?? 0) + 1;
      const inserts: Partial<BudgetLine>[] = [];
      for (const [i, l] of parsed.entries()) {
        const old = l.lineKey ? byKey.get(l.lineKey) : undefined;
        if (l.lineKey && !old) throw new InvalidInputError(`input.lines.${i}.lineKey`, 'errors.budgets.unknownLine');
        if (old) {
          const same = old.amount === l.amount && old.economicCode === l.economicCode && old.functionalCode === l.functionalCode && old.direction === l.direction && JSON.stringify(old.names) === JSON.stringify(l.names);
          if (same) continue;
          await m.update(BudgetLine, { id: old.id }, { direction: l.direction, economicCode: l.economicCode, functionalCode: l.functionalCode, names: l.names, amount: l.amount });
          changes.push({ change: 'CHANGED', lineKey: old.lineKey, economicCode: l.economicCode, before: old.amount.toString(), after: l.amount.toString() });
        } else {
          const lineKey = randomUUID();
          inserts.push({ versionId: v.id, lineKey, direction: l.direction, economicCode: l.economicCode, functionalCode: l.functionalCode, names: l.names, amount: l.amount, position: position++ });
          changes.push({ change: 'ADDED', lineKey, economicCode: l.economicCode, before: null, after: l.amount.toString() });
        }
      }
      if (inserts.length) await m.insert(BudgetLine, inserts as BudgetLine[]);
      for (const [i, key] of input.removeLineKeys.entries()) {
        const old = byKey.get(key);
        if (!old) throw new InvalidInputError(`input.removeLineKeys.${i}`, 'errors.budgets.unknownLine');
        await m.delete(BudgetLine, { id: old.id });
        changes.push({ change: 'REMOVED', lineKey: key, economicCode: old.economicCode, before: old.amount.toString(), after: null });
      }
      if (!changes.length) return v;
      v.revision += 1;
      await m.update(BudgetVersion, { id: v.id }, { revision: v.revision });
      await m.insert(BudgetVersionEdit, { versionId: v.id, revision: v.revision, actorAccountId: actor.accountId!, changes: changes as never });
      await this.audit.record(m, actor.toAudit(), { action: 'budget.saveLines', entityType: 'BudgetVersion', entityId: v.id, communityId: budget.communityId, after: { revision: v.revision, changes } });
      return v;
    });
  }

  private async step(actor: Actor, versionId: string, expectedRevision: number, action: WorkflowAction, permission: keyof typeof BUDGETS_PERMISSIONS, apply: (v: BudgetVersion, m: EntityManager, budget: Budget) => Promise<Partial<BudgetVersion>>): Promise<BudgetVersion> {
    const { budget } = await this.versionById(versionId);
    await this.permissions.assert(actor, budget.communityId, permission, BUDGETS_PERMISSIONS);
    return this.db.transaction(async (m) => {
      const v = await this.lockVersion(m, versionId, expectedRevision, action);
      const before = { status: v.status, revision: v.revision };
      const patch = await apply(v, m, budget);
      Object.assign(v, patch, { revision: v.revision + 1 });
      await m.update(BudgetVersion, { id: v.id }, { ...patch, revision: v.revision });
      await this.audit.record(m, actor.toAudit(), { action: `budget.${action}`, entityType: 'BudgetVersion', entityId: v.id, communityId: budget.communityId, before, after: { ...patch, revision: v.revision } });
      return v;
    });
  }

  /** One member prepares: the draft is frozen and waits for another person to publish it. */
  submit(actor: Actor, input: VersionStepInput) {
    return this.step(actor, input.versionId, input.expectedRevision, 'submit', 'budget.edit', async (v, m) => {
      const n: { n: number }[] = await m.query('SELECT count(*)::int AS n FROM budget_lines WHERE version_id = $1', [v.id]);
      if (!n[0].n) throw new InvalidInputError('input.versionId', 'errors.budgets.emptyVersion');
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
      const today = new Date().toISOString().slice(0, 10);
      if (input.commentsUntil < today) throw new InvalidInputError('input.commentsUntil', 'errors.budgets.commentsUntilPast');
      return { status: 'PUBLISHED', publishedBy: actor.accountId, publishedAt: new Date(), commentsUntil: input.commentsUntil };
    });
  }

  /** The community admin records the local kenesh's decision; not the person who prepared the version. */
  approve(actor: Actor, input: ApproveVersionInput) {
    parseIsoDate('input.decisionDate', input.decisionDate);
    return this.step(actor, input.versionId, input.expectedRevision, 'approve', 'budget.approve', async (v, m) => {
      if (!isSecondPerson(v.submittedBy, actor.accountId!)) throw new ForbiddenError('budget.approve.secondPerson');
      // The version it amends (the previous approved one) is superseded.
      await m.query(`UPDATE budget_versions SET status = 'SUPERSEDED', updated_at = now() WHERE budget_id = $1 AND status IN ('APPROVED', 'PUBLISHED') AND id <> $2`, [v.budgetId, v.id]);
      return { status: 'APPROVED', approvedBy: actor.accountId, approvedAt: new Date(), decisionDate: input.decisionDate, decisionNumber: input.decisionNumber, decisionFileUrl: input.decisionFileUrl ?? null };
    });
  }

  /** An amendment: a new DRAFT version copied from a published or approved one, with its reason. */
  async amend(actor: Actor, input: AmendBudgetInput): Promise<BudgetVersion> {
    const { budget } = await this.versionById(input.versionId);
    await this.permissions.assert(actor, budget.communityId, 'budget.edit', BUDGETS_PERMISSIONS);
    try {
      return await this.db.transaction(async (m) => {
        const from = await this.lockVersion(m, input.versionId, null, 'amend');
        const last: { n: number }[] = await m.query('SELECT max(number) AS n FROM budget_versions WHERE budget_id = $1', [budget.id]);
        const v = m.create(BudgetVersion, { budgetId: budget.id, number: last[0].n + 1, status: 'DRAFT', revision: 1, reason: input.reason, basedOnVersionId: from.id, createdBy: actor.accountId! });
        await m.insert(BudgetVersion, v);
        const copied = await this.copyLines(m, from.id, v.id, false);
        await this.audit.record(m, actor.toAudit(), { action: 'budget.amend', entityType: 'BudgetVersion', entityId: v.id, communityId: budget.communityId, after: { number: v.number, reason: input.reason, basedOn: from.id, lines: copied } });
        return v;
      });
    } catch (e) {
      if (pgErrorCode(e) === PG_UNIQUE_VIOLATION && pgConstraint(e) === 'uq_budget_versions_one_open') throw new ConflictError('errors.budgets.openVersionExists');
      throw e;
    }
  }

  async countryOf(budget: Budget): Promise<string> {
    const rows: { country: string }[] = await this.db.query('SELECT u.country FROM communities c JOIN territorial_units u ON u.id = c.unit_id WHERE c.id = $1', [budget.communityId]);
    return rows[0]?.country ?? 'KG';
  }
}
