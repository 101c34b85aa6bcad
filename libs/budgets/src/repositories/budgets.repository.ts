import { managerOf, Transaction } from '@ashar/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Budget } from '../entities/budget.entity';

/** Every statement on `budgets`. */
@Injectable()
export class BudgetsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private repo(tx?: Transaction) {
    return managerOf(tx, this.db).getRepository(Budget);
  }

  findById(id: string): Promise<Budget | null> {
    return this.repo().findOneBy({ id });
  }

  findByCommunityYear(communityId: string, fiscalYear: number, tx?: Transaction): Promise<Budget | null> {
    return this.repo(tx).findOne({ where: { communityId, fiscalYear } });
  }

  /** Latest year first. */
  ofCommunity(communityId: string): Promise<Budget[]> {
    return this.repo().find({ where: { communityId }, order: { fiscalYear: 'DESC' } });
  }

  byIds(ids: readonly string[]): Promise<Budget[]> {
    return this.repo().createQueryBuilder('b').where('b.id = ANY(:ids)', { ids: [...ids] }).getMany();
  }

  async insert(tx: Transaction, values: Partial<Budget>): Promise<Budget> {
    const budget = this.repo(tx).create(values);
    await this.repo(tx).insert(budget);
    return budget;
  }

  async setPopulation(tx: Transaction, id: string, population: number | null): Promise<void> {
    await this.repo(tx).update({ id }, { population });
  }
}
