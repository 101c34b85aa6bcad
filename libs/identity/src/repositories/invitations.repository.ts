import { Injectable } from '@nestjs/common';
import { managerOf, Transaction } from '@ashar/database';
import { Invitation } from '../entities/invitation.entity';

/** Statements on `invitations` (always inside the caller's transaction). */
@Injectable()
export class InvitationsRepository {
  async insert(tx: Transaction, fields: Pick<Invitation, 'communityId' | 'role' | 'tokenHash' | 'recipient' | 'invitedBy' | 'expiresAt'>): Promise<Invitation> {
    const m = managerOf(tx);
    const inv = m.create(Invitation, fields);
    await m.insert(Invitation, inv);
    return inv;
  }

  /** Locks the invitation until the transaction ends, so it is accepted once. */
  lockByTokenHash(tx: Transaction, tokenHash: string): Promise<Invitation | null> {
    return managerOf(tx).findOne(Invitation, { where: { tokenHash }, lock: { mode: 'pessimistic_write' } });
  }

  async markAccepted(tx: Transaction, id: string, accountId: string): Promise<void> {
    await managerOf(tx).update(Invitation, { id }, { acceptedBy: accountId, acceptedAt: new Date() });
  }
}
