import { managerOf, Transaction } from '@ashar/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BudgetExport } from '../entities/budget-export.entity';

/** Requested export files: `budget_exports`. */
@Injectable()
export class BudgetExportsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private repo(tx?: Transaction) {
    return managerOf(tx, this.db).getRepository(BudgetExport);
  }

  async insert(tx: Transaction, values: Partial<BudgetExport>): Promise<BudgetExport> {
    const row = this.repo(tx).create(values);
    await this.repo(tx).insert(row);
    return row;
  }

  findById(id: string, withContent = false): Promise<BudgetExport | null> {
    const qb = this.repo().createQueryBuilder('e').where('e.id = :id', { id });
    if (withContent) qb.addSelect('e.content');
    return qb.getOne();
  }

  async markDone(id: string, content: Buffer, contentType: string): Promise<void> {
    await this.db.query(`UPDATE budget_exports SET status = 'DONE', progress = 100, content = $2, content_type = $3, updated_at = now() WHERE id = $1`, [id, content, contentType]);
  }
}
