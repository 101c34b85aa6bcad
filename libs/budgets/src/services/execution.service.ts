import { Actor, PermissionService } from '@ashar/auth';
import { AuditService } from '@ashar/audit';
import { ConflictError, InvalidInputError, parseMajorAmount } from '@ashar/kernel';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BUDGETS_PERMISSIONS } from '../budgets.permissions';
import { parseDateCell } from '../domain/import-rows';
import { RecordTransactionInput } from '../dtos/budget.types';
import { BudgetTransaction } from '../entities/budget-transaction.entity';
import { BudgetService } from './budget.service';

/** Spending records and revenue receipts against the lines of a budget. */
@Injectable()
export class ExecutionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly permissions: PermissionService,
    private readonly budgets: BudgetService,
    private readonly audit: AuditService,
  ) {}

  async record(actor: Actor, input: RecordTransactionInput): Promise<BudgetTransaction> {
    const budget = await this.budgets.budgetById(input.budgetId);
    await this.permissions.assert(actor, budget.communityId, 'budget.recordExecution', BUDGETS_PERMISSIONS);
    const amount = parseMajorAmount(input.amount);
    if (amount === null || amount <= 0n) throw new InvalidInputError('input.amount', 'errors.budgets.amount');
    if (amount >= 10n ** 15n) throw new InvalidInputError('input.amount', 'errors.budgets.amountTooLarge');
    const date = parseDateCell(input.occurredOn);
    if (!date) throw new InvalidInputError('input.occurredOn', 'errors.validation.date');
    if (!date.startsWith(`${budget.fiscalYear}-`)) throw new InvalidInputError('input.occurredOn', 'errors.budgets.dateOutsideFiscalYear', undefined, { year: budget.fiscalYear });
    // The line must exist in some version past... any version of this budget; its side gives the kind.
    const line: { direction: string }[] = await this.db.query(
      `SELECT l.direction FROM budget_lines l JOIN budget_versions v ON v.id = l.version_id WHERE v.budget_id = $1 AND l.line_key = $2 ORDER BY v.number DESC LIMIT 1`,
      [budget.id, input.lineKey],
    );
    if (!line.length) throw new InvalidInputError('input.lineKey', 'errors.budgets.unknownLine');
    const kind = line[0].direction === 'REVENUE' ? 'RECEIPT' : 'SPENDING';
    return this.db.transaction(async (m) => {
      const t = m.create(BudgetTransaction, {
        budgetId: budget.id,
        lineKey: input.lineKey,
        kind,
        occurredOn: date,
        amount,
        counterparty: input.counterparty || null,
        purpose: input.purpose || null,
        documentNumber: input.documentNumber || null,
        attachments: input.attachments.map((a) => ({ name: a.name, url: a.url })),
        createdBy: actor.accountId,
      });
      await m.insert(BudgetTransaction, t);
      await this.audit.record(m, actor.toAudit(), { action: 'budget.recordTransaction', entityType: 'BudgetTransaction', entityId: t.id, communityId: budget.communityId, after: { kind, lineKey: t.lineKey, occurredOn: date, amount: amount.toString(), documentNumber: t.documentNumber } });
      return t;
    });
  }

  /** Attach a document (e.g. a scanned receipt) to an existing record. */
  async attach(actor: Actor, transactionId: string, attachment: { name: string; url: string }): Promise<BudgetTransaction> {
    const t = await this.db.getRepository(BudgetTransaction).findOneBy({ id: transactionId });
    if (!t) throw new InvalidInputError('transactionId', 'errors.budgets.unknownTransaction');
    const budget = await this.budgets.budgetById(t.budgetId);
    await this.permissions.assert(actor, budget.communityId, 'budget.recordExecution', BUDGETS_PERMISSIONS);
    if (t.attachments.length >= 20) throw new ConflictError('errors.validation.tooMany');
    return this.db.transaction(async (m) => {
      const attachments = [...t.attachments, attachment];
      await m.update(BudgetTransaction, { id: t.id }, { attachments });
      await this.audit.record(m, actor.toAudit(), { action: 'budget.attachDocument', entityType: 'BudgetTransaction', entityId: t.id, communityId: budget.communityId, after: attachment });
      return { ...t, attachments };
    });
  }

  async list(actor: Actor, budgetId: string, lineKey: string | null, limit: number, offset: number): Promise<BudgetTransaction[]> {
    const budget = await this.budgets.budgetById(budgetId);
    await this.permissions.assert(actor, budget.communityId, 'budget.viewInternal', BUDGETS_PERMISSIONS);
    return this.db.getRepository(BudgetTransaction).find({
      where: { budgetId, ...(lineKey ? { lineKey } : {}) },
      order: { occurredOn: 'DESC', createdAt: 'DESC' },
      take: Math.max(1, Math.min(200, limit)),
      skip: Math.max(0, offset),
    });
  }
}
