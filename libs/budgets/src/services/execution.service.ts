import { Actor, PermissionService } from '@ashar/auth';
import { AuditService } from '@ashar/audit';
import { assertUuid, ConflictError, InvalidInputError, MAX_MONEY_MINOR, parseIsoDate, parseMajorAmount } from '@ashar/kernel';
import { TransactionRunner } from '@ashar/database';
import { Injectable } from '@nestjs/common';
import { BUDGETS_PERMISSIONS } from '../budgets.permissions';
import { RecordTransactionInput } from '../dtos';
import { BudgetTransaction } from '../entities/budget-transaction.entity';
import { BudgetTransactionsRepository } from '../repositories/budget-transactions.repository';
import { BudgetVersionsRepository } from '../repositories/budget-versions.repository';
import { BudgetService } from './budget.service';
import { requestHash, sameRequestOrConflict } from './client-request';
import { MAX_ATTACHMENTS } from './document.service';

type Attachment = { name: string; url: string };

/** One document is one (url, name) pair: attaching it again is the same request, not a new attachment. */
const sameAttachment = (a: Attachment, b: Attachment) => a.url === b.url && a.name === b.name;

function uniqueAttachments(list: Attachment[]): Attachment[] {
  const out: Attachment[] = [];
  for (const a of list) {
    const x = { name: a.name.trim(), url: a.url.trim() };
    if (!out.some((o) => sameAttachment(o, x))) out.push(x);
  }
  return out;
}

/** Spending records and revenue receipts against the lines of a budget. */
@Injectable()
export class ExecutionService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly transactions: BudgetTransactionsRepository,
    private readonly versions: BudgetVersionsRepository,
    private readonly permissions: PermissionService,
    private readonly budgets: BudgetService,
    private readonly audit: AuditService,
  ) {}

  async record(actor: Actor, input: RecordTransactionInput): Promise<BudgetTransaction> {
    const budget = await this.budgets.budgetById(input.budgetId);
    await this.permissions.assert(actor, budget.communityId, 'budget.recordExecution', BUDGETS_PERMISSIONS);
    const amount = parseMajorAmount(input.amount);
    if (amount === null || amount <= 0n) throw new InvalidInputError('input.amount', 'errors.budgets.amount');
    if (amount >= MAX_MONEY_MINOR) throw new InvalidInputError('input.amount', 'errors.budgets.amountTooLarge');
    const date = parseIsoDate('input.occurredOn', input.occurredOn);
    if (!date.startsWith(`${budget.fiscalYear}-`)) throw new InvalidInputError('input.occurredOn', 'errors.budgets.dateOutsideFiscalYear', undefined, { year: budget.fiscalYear });
    // The line must exist in some version past... any version of this budget; its side gives the kind.
    const direction = await this.versions.lineDirection(budget.id, input.lineKey);
    if (!direction) throw new InvalidInputError('input.lineKey', 'errors.budgets.unknownLine');
    const kind: BudgetTransaction['kind'] = direction === 'REVENUE' ? 'RECEIPT' : 'SPENDING';
    const values = {
      budgetId: budget.id,
      lineKey: input.lineKey,
      kind,
      occurredOn: date,
      amount,
      counterparty: input.counterparty || null,
      purpose: input.purpose || null,
      documentNumber: input.documentNumber || null,
      attachments: uniqueAttachments(input.attachments),
      createdBy: actor.accountId,
    };
    const clientRequestId = input.clientRequestId ?? null;
    // The author is part of the content: another person's write under the same id is not a re-send.
    const clientRequestHash = clientRequestId ? requestHash({ ...values }) : null;
    return this.tx.run(async (tx) => {
      let t: BudgetTransaction;
      if (clientRequestId) {
        const inserted = await this.transactions.insertOnce(tx, { ...values, clientRequestId, clientRequestHash });
        if (!inserted) {
          const stored = await this.transactions.byClientRequest(tx, budget.id, clientRequestId);
          if (!stored) throw new ConflictError('errors.budgets.clientRequestConflict', 'client request id taken');
          return sameRequestOrConflict(stored, clientRequestHash!);
        }
        t = inserted;
      } else {
        t = await this.transactions.insert(tx, values);
      }
      await this.audit.record(tx, actor.toAudit(), { action: 'budget.recordTransaction', entityType: 'BudgetTransaction', entityId: t.id, communityId: budget.communityId, after: { kind, lineKey: t.lineKey, occurredOn: date, amount: amount.toString(), documentNumber: t.documentNumber, clientRequestId } });
      return t;
    });
  }

  /**
   * Attach a document (e.g. a scanned receipt) to an existing record. The record's row is locked for
   * the read-modify-write of its `attachments`: without it, parallel attaches each appended to the
   * same old list and all but the last were lost after being acknowledged.
   * Idempotent: an attachment with the same url and name as one the record already has is not added
   * again; the record is returned as it is, with no second audit event (a retried request, or a
   * double tap, answers like the first). Past MAX_ATTACHMENTS: CONFLICT, nothing written.
   */
  async attach(actor: Actor, transactionId: string, input: { name: string; url: string }): Promise<BudgetTransaction> {
    assertUuid('transactionId', transactionId);
    const attachment = { name: input.name.trim(), url: input.url.trim() };
    const t = await this.transactions.findById(transactionId);
    if (!t) throw new InvalidInputError('transactionId', 'errors.budgets.unknownTransaction');
    const budget = await this.budgets.budgetById(t.budgetId);
    await this.permissions.assert(actor, budget.communityId, 'budget.recordExecution', BUDGETS_PERMISSIONS);
    return this.tx.run(async (tx) => {
      const locked = await this.transactions.lock(tx, t.id);
      if (!locked) throw new InvalidInputError('transactionId', 'errors.budgets.unknownTransaction');
      if (locked.attachments.some((a) => sameAttachment(a, attachment))) return locked;
      if (locked.attachments.length >= MAX_ATTACHMENTS) throw new ConflictError('errors.validation.tooMany', 'too many attachments', { params: { max: MAX_ATTACHMENTS } });
      const attachments = [...locked.attachments, attachment];
      await this.transactions.setAttachments(tx, t.id, attachments);
      await this.audit.record(tx, actor.toAudit(), { action: 'budget.attachDocument', entityType: 'BudgetTransaction', entityId: t.id, communityId: budget.communityId, after: attachment });
      return { ...locked, attachments };
    });
  }

  async list(actor: Actor, budgetId: string, lineKey: string | null, limit: number, offset: number): Promise<BudgetTransaction[]> {
    const budget = await this.budgets.budgetById(budgetId);
    await this.permissions.assert(actor, budget.communityId, 'budget.viewInternal', BUDGETS_PERMISSIONS);
    return this.transactions.list(budgetId, lineKey, Math.max(1, Math.min(200, limit)), Math.max(0, offset));
  }
}
