import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Role } from '@ashar/auth';
import { managerOf, Transaction } from '@ashar/database';
import { DataSource, In } from 'typeorm';
import { Membership } from '../entities/membership.entity';

/** Statements on `memberships`. */
@Injectable()
export class MembershipsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(tx: Transaction, row: { accountId: string; communityId: string; role: Role }): Promise<Membership> {
    const m = managerOf(tx);
    const membership = m.create(Membership, row);
    await m.insert(Membership, membership);
    return membership;
  }

  rolesOfAccount(accountId: string): Promise<Array<{ communityId: string; role: Role }>> {
    return this.db.getRepository(Membership).find({ where: { accountId }, select: { communityId: true, role: true } });
  }

  ofAccounts(accountIds: readonly string[]): Promise<Membership[]> {
    return this.db.getRepository(Membership).find({ where: { accountId: In([...accountIds]) }, order: { createdAt: 'ASC' } });
  }

  ofCommunity(communityId: string): Promise<Membership[]> {
    return this.db.getRepository(Membership).find({ where: { communityId }, order: { createdAt: 'ASC' } });
  }

  /** Communities an assisted (no-login) resident belongs to; none for a registered account. */
  async communitiesOfAssistedResident(residentId: string): Promise<string[]> {
    const rows: { community_id: string }[] = await this.db.query(
      `SELECT m.community_id FROM memberships m JOIN accounts a ON a.id = m.account_id
        WHERE m.account_id = $1 AND a.kind = 'assisted'`,
      [residentId],
    );
    return rows.map((r) => r.community_id);
  }
}
