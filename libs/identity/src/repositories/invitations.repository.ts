import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { managerOf, Transaction } from '@ashar/database';
import { DataSource, IsNull, MoreThan } from 'typeorm';
import { InvitationUse } from '../entities/invitation-use.entity';
import { Invitation } from '../entities/invitation.entity';

type NewInvitation = Pick<Invitation, 'communityId' | 'role' | 'tokenHash' | 'recipient' | 'invitedBy' | 'expiresAt'> & Partial<Pick<Invitation, 'maxUses' | 'isGroup'>>;

/** Statements on `invitations` and `invitation_uses` (writes always inside the caller's transaction). */
@Injectable()
export class InvitationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(tx: Transaction, fields: NewInvitation): Promise<Invitation> {
    const m = managerOf(tx);
    const inv = m.create(Invitation, { maxUses: 1, isGroup: false, uses: 0, ...fields });
    await m.insert(Invitation, inv);
    return inv;
  }

  /** Locks the invitation until the transaction ends, so parallel uses are counted one after another. */
  lockByTokenHash(tx: Transaction, tokenHash: string): Promise<Invitation | null> {
    return managerOf(tx).findOne(Invitation, { where: { tokenHash }, lock: { mode: 'pessimistic_write' } });
  }

  byTokenHash(tokenHash: string): Promise<Invitation | null> {
    return this.db.getRepository(Invitation).findOne({ where: { tokenHash } });
  }

  lockById(tx: Transaction, id: string): Promise<Invitation | null> {
    return managerOf(tx).findOne(Invitation, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * Counts one use if the link still has one left (a conditional UPDATE: the limit holds even
   * without the row lock). Returns false when nothing was left.
   */
  async countUse(tx: Transaction, id: string, accountId: string): Promise<boolean> {
    const answer: unknown = await managerOf(tx).query(
      `UPDATE invitations
          SET uses = uses + 1, updated_at = now(),
              accepted_by = COALESCE(accepted_by, $2), accepted_at = COALESCE(accepted_at, now())
        WHERE id = $1 AND uses < max_uses AND revoked_at IS NULL AND expires_at > now()
        RETURNING id`,
      [id, accountId],
    );
    // TypeORM's PostgreSQL driver answers an UPDATE with [rows, affected count].
    const rows = Array.isArray(answer) && answer.length === 2 && Array.isArray(answer[0]) ? (answer[0] as unknown[]) : (answer as unknown[]);
    return rows.length === 1;
  }

  async recordUse(tx: Transaction, row: Pick<InvitationUse, 'invitationId' | 'accountId' | 'membershipId'>): Promise<void> {
    const m = managerOf(tx);
    await m.insert(InvitationUse, m.create(InvitationUse, row));
  }

  async revoke(tx: Transaction, id: string, by: string): Promise<void> {
    await managerOf(tx).update(Invitation, { id, revokedAt: IsNull() }, { revokedAt: new Date(), revokedBy: by });
  }

  /** A community's group links that still work (not revoked, not expired), newest first. */
  activeGroupLinks(communityId: string): Promise<Invitation[]> {
    return this.db.getRepository(Invitation).find({
      where: { communityId, isGroup: true, revokedAt: IsNull(), expiresAt: MoreThan(new Date()) },
      order: { createdAt: 'DESC' },
    });
  }

  usesOf(invitationId: string): Promise<InvitationUse[]> {
    return this.db.getRepository(InvitationUse).find({ where: { invitationId }, order: { createdAt: 'ASC' } });
  }
}
