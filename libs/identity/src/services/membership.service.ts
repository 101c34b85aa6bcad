import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, PermissionService, Role } from '@ashar/auth';
import { DataSource, In } from 'typeorm';
import { Membership } from '../entities/membership.entity';
import { IDENTITY_PERMISSIONS } from '../identity.permissions';

@Injectable()
export class MembershipService {
  constructor(@InjectDataSource() private readonly db: DataSource, private readonly permissions: PermissionService) {}

  /** What the Actor needs for every permission check; one query per request. */
  async rolesOfAccount(accountId: string): Promise<Array<{ communityId: string; role: Role }>> {
    return this.db.getRepository(Membership).find({ where: { accountId }, select: { communityId: true, role: true } });
  }

  ofAccounts(accountIds: readonly string[]): Promise<Membership[]> {
    return this.db.getRepository(Membership).find({ where: { accountId: In([...accountIds]) }, order: { createdAt: 'ASC' } });
  }

  /** Members are visible to members of the same community only (and platform admins). */
  async ofCommunity(actor: Actor, communityId: string): Promise<Membership[]> {
    await this.permissions.assert(actor, communityId, 'community.viewMembers', IDENTITY_PERMISSIONS);
    return this.db.getRepository(Membership).find({ where: { communityId }, order: { createdAt: 'ASC' } });
  }
}
