import { Actor, PermissionService } from '@ashar/auth';
import { AuditService } from '@ashar/audit';
import { ConflictError, InvalidInputError, NotFoundError, uuidOrNotFound } from '@ashar/kernel';
import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@ashar/database';
import { BUDGETS_PERMISSIONS } from '../budgets.permissions';
import { CreateMonitoringNoteInput } from '../dtos';
import { MonitoringNote, NoteStatus } from '../entities/monitoring-note.entity';
import { BudgetTransactionsRepository } from '../repositories/budget-transactions.repository';
import { MonitoringNotesRepository } from '../repositories/monitoring-notes.repository';
import { BudgetService } from './budget.service';
import { requestHash, sameRequestOrConflict } from './client-request';

/** Findings of the budget group on a line or a record; resolved ones are public. Replies: budget-threads.service.ts. */
@Injectable()
export class MonitoringService {
  constructor(
    private readonly notes: MonitoringNotesRepository,
    private readonly transactions: BudgetTransactionsRepository,
    private readonly tx: TransactionRunner,
    private readonly permissions: PermissionService,
    private readonly budgets: BudgetService,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, input: CreateMonitoringNoteInput): Promise<MonitoringNote> {
    const budget = await this.budgets.budgetById(input.budgetId);
    await this.permissions.assert(actor, budget.communityId, 'budget.monitor', BUDGETS_PERMISSIONS);
    if (!input.lineKey && !input.transactionId) throw new InvalidInputError('input.lineKey', 'errors.budgets.noteTarget');
    let lineKey = input.lineKey ?? null;
    if (input.transactionId) {
      const t = await this.transactions.findById(input.transactionId);
      if (!t || t.budgetId !== budget.id) throw new InvalidInputError('input.transactionId', 'errors.budgets.unknownTransaction');
      lineKey = lineKey ?? t.lineKey;
    } else {
      if (!(await this.notes.budgetHasLine(budget.id, lineKey!))) throw new InvalidInputError('input.lineKey', 'errors.budgets.unknownLine');
    }
    const values = { budgetId: budget.id, lineKey, transactionId: input.transactionId ?? null, status: input.status, title: input.title, body: input.body, authorAccountId: actor.accountId! };
    const clientRequestId = input.clientRequestId ?? null;
    const clientRequestHash = clientRequestId ? requestHash(values) : null;
    return this.tx.run(async (tx) => {
      const row = { ...values, resolvedAt: input.status === 'RESOLVED' ? new Date() : null };
      let note: MonitoringNote;
      if (clientRequestId) {
        const inserted = await this.notes.insertOnce(tx, { ...row, clientRequestId, clientRequestHash });
        if (!inserted) {
          const stored = await this.notes.byClientRequest(tx, budget.id, clientRequestId);
          if (!stored) throw new ConflictError('errors.budgets.clientRequestConflict', 'client request id taken');
          return sameRequestOrConflict(stored, clientRequestHash!);
        }
        note = inserted;
      } else {
        note = await this.notes.insert(tx, row);
      }
      await this.audit.record(tx, actor.toAudit(), { action: 'budget.note.create', entityType: 'MonitoringNote', entityId: note.id, communityId: budget.communityId, after: { status: note.status, lineKey, transactionId: note.transactionId, title: note.title, clientRequestId } });
      return note;
    });
  }

  /** The note and its budget's community (NOT_FOUND when there is none); no permission checked. */
  async noteWithCommunity(noteId: string): Promise<{ note: MonitoringNote; communityId: string }> {
    const note = await this.notes.findById(uuidOrNotFound('MonitoringNote', noteId));
    if (!note) throw new NotFoundError('MonitoringNote', noteId);
    const budget = await this.budgets.budgetById(note.budgetId);
    return { note, communityId: budget.communityId };
  }

  private async noteForMember(actor: Actor, noteId: string): Promise<{ note: MonitoringNote; communityId: string }> {
    const r = await this.noteWithCommunity(noteId);
    await this.permissions.assert(actor, r.communityId, 'budget.monitor', BUDGETS_PERMISSIONS);
    return r;
  }

  async setStatus(actor: Actor, noteId: string, status: NoteStatus): Promise<MonitoringNote> {
    const { note, communityId } = await this.noteForMember(actor, noteId);
    return this.tx.run(async (tx) => {
      const patch = { status, resolvedAt: status === 'RESOLVED' ? new Date() : null };
      await this.notes.setStatus(tx, note.id, patch);
      await this.audit.record(tx, actor.toAudit(), { action: 'budget.note.status', entityType: 'MonitoringNote', entityId: note.id, communityId, before: { status: note.status }, after: { status } });
      return { ...note, ...patch };
    });
  }

  /** Members see every note; everybody else only the resolved ones. */
  async forBudget(actor: Actor, budgetId: string, communityId: string): Promise<MonitoringNote[]> {
    const member = await this.permissions.can(actor, communityId, 'budget.viewInternal', BUDGETS_PERMISSIONS);
    return this.notes.ofBudget(budgetId, !member);
  }
}
