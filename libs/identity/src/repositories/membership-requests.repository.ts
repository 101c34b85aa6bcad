import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { managerOf, Transaction } from '@ashar/database';
import { DataSource } from 'typeorm';
import { MembershipRequest, MembershipRequestStatus } from '../entities/membership-request.entity';

/** Statements on `membership_requests`. */
@Injectable()
export class MembershipRequestsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(tx: Transaction, row: Pick<MembershipRequest, 'communityId' | 'accountId' | 'message'>): Promise<MembershipRequest> {
    const m = managerOf(tx);
    const request = m.create(MembershipRequest, { ...row, status: 'PENDING' });
    await m.insert(MembershipRequest, request);
    return request;
  }

  lockById(tx: Transaction, id: string): Promise<MembershipRequest | null> {
    return managerOf(tx).findOne(MembershipRequest, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async decide(tx: Transaction, id: string, status: MembershipRequestStatus, by: string): Promise<void> {
    await managerOf(tx).update(MembershipRequest, { id }, { status, decidedBy: by, decidedAt: new Date() });
  }

  pendingOf(communityId: string): Promise<MembershipRequest[]> {
    return this.db.getRepository(MembershipRequest).find({ where: { communityId, status: 'PENDING' }, order: { createdAt: 'ASC' } });
  }

  /** The account's latest request to this community, whatever its state. */
  latestOf(communityId: string, accountId: string): Promise<MembershipRequest | null> {
    return this.db.getRepository(MembershipRequest).findOne({ where: { communityId, accountId }, order: { createdAt: 'DESC' } });
  }
}
