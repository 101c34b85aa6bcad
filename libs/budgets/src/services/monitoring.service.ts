import { Actor, PermissionService, RateLimiter } from '@ashar/auth';
import { AuditService } from '@ashar/audit';
import { InvalidInputError, NotFoundError, uuidOrNotFound } from '@ashar/kernel';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BUDGETS_PERMISSIONS } from '../budgets.permissions';
import { CreateMonitoringNoteInput } from '../dtos';
import { BudgetTransaction } from '../entities/budget-transaction.entity';
import { MonitoringNote, NoteStatus } from '../entities/monitoring-note.entity';
import { BudgetService } from './budget.service';

/** Findings of the budget group on a line or a record; resolved ones are public. Replies: budget-threads.service.ts. */
@Injectable()
export class MonitoringService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly permissions: PermissionService,
    private readonly budgets: BudgetService,
    private readonly audit: AuditService,
    private readonly limiter: RateLimiter,
  ) {}

  async create(actor: Actor, input: CreateMonitoringNoteInput): Promise<MonitoringNote> {
    const budget = await this.budgets.budgetById(input.budgetId);
    await this.permissions.assert(actor, budget.communityId, 'budget.monitor', BUDGETS_PERMISSIONS);
    if (!input.lineKey && !input.transactionId) throw new InvalidInputError('input.lineKey', 'errors.budgets.noteTarget');
    let lineKey = input.lineKey ?? null;
    if (input.transactionId) {
      const t = await this.db.getRepository(BudgetTransaction).findOneBy({ id: input.transactionId, budgetId: budget.id });
      if (!t) throw new InvalidInputError('input.transactionId', 'errors.budgets.unknownTransaction');
      lineKey = lineKey ?? t.lineKey;
    } else {
      const n: unknown[] = await this.db.query('SELECT 1 FROM budget_lines l JOIN budget_versions v ON v.id = l.version_id WHERE v.budget_id = $1 AND l.line_key = $2 LIMIT 1', [budget.id, lineKey]);
      if (!n.length) throw new InvalidInputError('input.lineKey', 'errors.budgets.unknownLine');
    }
    return this.db.transaction(async (m) => {
      const note = m.create(MonitoringNote, { budgetId: budget.id, lineKey, transactionId: input.transactionId ?? null, status: input.status, title: input.title, body: input.body, authorAccountId: actor.accountId!, resolvedAt: input.status === 'RESOLVED' ? new Date() : null });
      await m.insert(MonitoringNote, note);
      await this.audit.record(m, actor.toAudit(), { action: 'budget.note.create', entityType: 'MonitoringNote', entityId: note.id, communityId: budget.communityId, after: { status: note.status, lineKey, transactionId: note.transactionId, title: note.title } });
      return note;
    });
  }

  /** The note and its budget's community (NOT_FOUND when there is none); no permission checked. */
  async noteWithCommunity(noteId: string): Promise<{ note: MonitoringNote; communityId: string }> {
    const note = await this.db.getRepository(MonitoringNote).findOneBy({ id: uuidOrNotFound('MonitoringNote', noteId) });
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
    return this.db.transaction(async (m) => {
      const patch = { status, resolvedAt: status === 'RESOLVED' ? new Date() : null };
      await m.update(MonitoringNote, { id: note.id }, patch);
      await this.audit.record(m, actor.toAudit(), { action: 'budget.note.status', entityType: 'MonitoringNote', entityId: note.id, communityId, before: { status: note.status }, after: { status } });
      return { ...note, ...patch };
    });
  }

  /** Members see every note; everybody else only the resolved ones. */
  async forBudget(actor: Actor, budgetId: string, communityId: string): Promise<MonitoringNote[]> {
    const member = await this.permissions.can(actor, communityId, 'budget.viewInternal', BUDGETS_PERMISSIONS);
    return this.db.getRepository(MonitoringNote).find({ where: { budgetId, ...(member ? {} : { status: 'RESOLVED' as const }) }, order: { createdAt: 'ASC' } });
  }
}
