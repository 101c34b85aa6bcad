import { managerOf, Transaction } from '@ashar/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MonitoringNote } from '../entities/monitoring-note.entity';

/** The budget group's findings: `monitoring_notes` (their replies are threads, libs/threads). */
@Injectable()
export class MonitoringNotesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private repo(tx?: Transaction) {
    return managerOf(tx, this.db).getRepository(MonitoringNote);
  }

  findById(id: string): Promise<MonitoringNote | null> {
    return this.repo().findOneBy({ id });
  }

  async insert(tx: Transaction, values: Partial<MonitoringNote>): Promise<MonitoringNote> {
    const note = this.repo(tx).create(values);
    await this.repo(tx).insert(note);
    return note;
  }

  /** As BudgetTransactionsRepository.insertOnce: null when (budget, client id) is already stored. */
  async insertOnce(tx: Transaction, values: Partial<MonitoringNote>): Promise<MonitoringNote | null> {
    const note = this.repo(tx).create(values);
    const r = await this.repo(tx).createQueryBuilder().insert().into(MonitoringNote).values(note).orIgnore().execute();
    return r.raw.length ? note : null;
  }

  byClientRequest(tx: Transaction | undefined, budgetId: string, clientRequestId: string): Promise<MonitoringNote | null> {
    return this.repo(tx).findOneBy({ budgetId, clientRequestId });
  }

  async setStatus(tx: Transaction, id: string, patch: Pick<MonitoringNote, 'status' | 'resolvedAt'>): Promise<void> {
    await this.repo(tx).update({ id }, patch);
  }

  /** Oldest first; `resolvedOnly` for readers outside the budget group. */
  ofBudget(budgetId: string, resolvedOnly: boolean): Promise<MonitoringNote[]> {
    return this.repo().find({ where: { budgetId, ...(resolvedOnly ? { status: 'RESOLVED' as const } : {}) }, order: { createdAt: 'ASC' } });
  }

  /** Whether any version of the budget has a line with this key (a note may be about a line). */
  async budgetHasLine(budgetId: string, lineKey: string): Promise<boolean> {
    const n: unknown[] = await this.db.query('SELECT 1 FROM budget_lines l JOIN budget_versions v ON v.id = l.version_id WHERE v.budget_id = $1 AND l.line_key = $2 LIMIT 1', [budgetId, lineKey]);
    return n.length > 0;
  }
}
