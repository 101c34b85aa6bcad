import { managerOf, Transaction } from '@ashar/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BudgetDocument } from '../entities/budget-document.entity';

/** Uploaded files of execution records: `budget_documents` (content is only read on download). */
@Injectable()
export class BudgetDocumentsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private repo(tx?: Transaction) {
    return managerOf(tx, this.db).getRepository(BudgetDocument);
  }

  /** The first document of the record with these bytes. */
  findSame(tx: Transaction, transactionId: string, sha256: string): Promise<BudgetDocument | null> {
    return this.repo(tx).findOne({ where: { transactionId, sha256 }, order: { createdAt: 'ASC' } });
  }

  async insert(tx: Transaction, values: Partial<BudgetDocument>): Promise<BudgetDocument> {
    const doc = this.repo(tx).create(values);
    await this.repo(tx).insert(doc);
    return doc;
  }

  withContent(id: string): Promise<BudgetDocument | null> {
    return this.repo().createQueryBuilder('d').addSelect('d.content').where('d.id = :id', { id }).getOne();
  }
}
