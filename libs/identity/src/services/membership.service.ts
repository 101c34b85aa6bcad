import { Injectable } from '@nestjs/common';
import { Actor, PermissionService, Role } from '@ashar/auth';
import { Membership } from '../entities/membership.entity';
import { IDENTITY_PERMISSIONS } from '../identity.permissions';
import { MembershipsRepository } from '../repositories/memberships.repository';

@Injectable()
export class MembershipService {
  constructor(private readonly memberships: MembershipsRepository, private readonly permissions: PermissionService) {}

  /** What the Actor needs for every permission check; one query per request. */
  async rolesOfAccount(accountId: string): Promise<Array<{ communityId: string; role: Role }>> {
    return this.memberships.rolesOfAccount(accountId);
  }

  ofAccounts(accountIds: readonly string[]): Promise<Membership[]> {
    return this.memberships.ofAccounts(accountIds);
  }

  /** Members are visible to members of the same community only (and platform admins). */
  async ofCommunity(actor: Actor, communityId: string): Promise<Membership[]> {
    await this.permissions.assert(actor, communityId, 'community.viewMembers', IDENTITY_PERMISSIONS);
    return this.memberships.ofCommunity(communityId);
  }
}
