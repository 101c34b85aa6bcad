import { managerOf, Transaction } from '@ashar/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BudgetTransaction } from '../entities/budget-transaction.entity';

type Attachment = { name: string; url: string };

/** Execution records: `budget_transactions` (the monthly summary is kept by triggers). */
@Injectable()
export class BudgetTransactionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private repo(tx?: Transaction) {
    return managerOf(tx, this.db).getRepository(BudgetTransaction);
  }

  findById(id: string): Promise<BudgetTransaction | null> {
    return this.repo().findOneBy({ id });
  }

  /** The record's row, locked for a read-modify-write of its attachments. */
  lock(tx: Transaction, id: string): Promise<BudgetTransaction | null> {
    return this.repo(tx).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async insert(tx: Transaction, values: Partial<BudgetTransaction>): Promise<BudgetTransaction> {
    const t = this.repo(tx).create(values);
    await this.repo(tx).insert(t);
    return t;
  }

  /**
   * Inserts a record that carries a client request id, unless (budget, client id) is already stored:
   * ON CONFLICT DO NOTHING waits for a concurrent insert of the same id and then yields to it, so two
   * simultaneous sends store one row. Null when the id was taken (read it with `byClientRequest`).
   */
  async insertOnce(tx: Transaction, values: Partial<BudgetTransaction>): Promise<BudgetTransaction | null> {
    const t = this.repo(tx).create(values);
    const r = await this.repo(tx).createQueryBuilder().insert().into(BudgetTransaction).values(t).orIgnore().execute();
    return r.raw.length ? t : null;
  }

  byClientRequest(tx: Transaction, budgetId: string, clientRequestId: string): Promise<BudgetTransaction | null> {
    return this.repo(tx).findOneBy({ budgetId, clientRequestId });
  }

  async setAttachments(tx: Transaction, id: string, attachments: Attachment[]): Promise<void> {
    await this.repo(tx).update({ id }, { attachments });
  }

  /** Newest first. */
  list(budgetId: string, lineKey: string | null, take: number, skip: number): Promise<BudgetTransaction[]> {
    return this.repo().find({ where: { budgetId, ...(lineKey ? { lineKey } : {}) }, order: { occurredOn: 'DESC', createdAt: 'DESC' }, take, skip });
  }
}
