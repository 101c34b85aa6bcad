import { Global, Injectable, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

declare const TX: unique symbol;

/**
 * A running database transaction as services see it: opaque, so a service can pass it from one
 * repository call to the next (and to the outbox) but cannot issue SQL with it. Only repositories
 * (and platform code) turn it back into TypeORM's manager with `managerOf`.
 */
export type Transaction = { readonly [TX]: true };

export type IsolationLevel = 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE';

/** For repositories and platform code: the manager of `tx`, or the pool's manager outside one. */
export function managerOf(tx: Transaction | undefined, fallback?: DataSource | EntityManager): EntityManager {
  if (tx) return tx as unknown as EntityManager;
  if (!fallback) throw new Error('managerOf: no transaction and no fallback');
  return fallback instanceof DataSource ? fallback.manager : fallback;
}

/** For repositories and platform code that already hold a manager (e.g. inside TypeORM's own transaction). */
export function asTransaction(manager: EntityManager): Transaction {
  return manager as unknown as Transaction;
}

/** How services open a transaction: `await this.tx.run(async (tx) => { await repo.save(tx, row); ... })`. */
@Injectable()
export class TransactionRunner {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  run<T>(work: (tx: Transaction) => Promise<T>, isolation?: IsolationLevel): Promise<T> {
    return isolation ? this.db.transaction(isolation, (m) => work(asTransaction(m))) : this.db.transaction((m) => work(asTransaction(m)));
  }
}

/** Global: every context's services may ask for a TransactionRunner. */
@Global()
@Module({ providers: [TransactionRunner], exports: [TransactionRunner] })
export class TransactionModule {}
