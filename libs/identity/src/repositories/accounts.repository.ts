import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { managerOf, Transaction } from '@ashar/database';
import { DataSource, In } from 'typeorm';
import { Account } from '../entities/account.entity';

/** Statements on `accounts`. */
@Injectable()
export class AccountsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Inserts and returns the row with its generated id. */
  async insert(tx: Transaction, fields: Partial<Account>): Promise<Account> {
    const m = managerOf(tx);
    const account = m.create(Account, fields);
    await m.insert(Account, account);
    return account;
  }

  /** The account of an email or phone, with its password hash (not selected otherwise). */
  findByLoginWithHash(where: { email?: string; phone?: string }): Promise<Account | null> {
    return this.db
      .getRepository(Account)
      .createQueryBuilder('a')
      .addSelect('a.passwordHash')
      .where(where.email ? 'a.email = :v' : 'a.phone = :v', { v: where.email ?? where.phone ?? '' })
      .getOne();
  }

  byIds(ids: readonly string[]): Promise<Account[]> {
    return this.db.getRepository(Account).findBy({ id: In([...ids]) });
  }

  byId(id: string, tx?: Transaction): Promise<Account | null> {
    return managerOf(tx, this.db).findOneBy(Account, { id });
  }

  /** Row lock on the account until the transaction ends (serialises first writes of its profile). */
  async lock(tx: Transaction, id: string): Promise<void> {
    await managerOf(tx).getRepository(Account).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async setLocale(id: string, locale: string): Promise<void> {
    await this.db.getRepository(Account).update({ id }, { locale });
  }
}
