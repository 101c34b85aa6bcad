import { Injectable } from '@nestjs/common';
import { managerOf, Transaction } from '@ashar/database';
import { SignInUnlock } from '../entities/sign-in-unlock.entity';

/** Statements on `sign_in_unlocks` (one-time codes, stored hashed). */
@Injectable()
export class SignInUnlocksRepository {
  async insert(tx: Transaction, row: Pick<SignInUnlock, 'accountId' | 'tokenHash' | 'expiresAt'>): Promise<SignInUnlock> {
    const m = managerOf(tx);
    const unlock = m.create(SignInUnlock, row);
    await m.insert(SignInUnlock, unlock);
    return unlock;
  }

  /** Locks the code until the transaction ends, so it is redeemed once. */
  lockByTokenHash(tx: Transaction, tokenHash: string): Promise<SignInUnlock | null> {
    return managerOf(tx).findOne(SignInUnlock, { where: { tokenHash }, lock: { mode: 'pessimistic_write' } });
  }

  async markUsed(tx: Transaction, id: string): Promise<void> {
    await managerOf(tx).update(SignInUnlock, { id }, { usedAt: new Date() });
  }
}
