import { Injectable } from '@nestjs/common';
import { Actor, PermissionService, Role } from '@ashar/auth';
import { AuditService } from '@ashar/audit';
import { Community, CommunityService, CreateCommunityInput, TerritoryService } from '@ashar/territory';
import { TransactionRunner } from '@ashar/database';
import { MembershipsRepository } from '../repositories/memberships.repository';

/** Creating a community touches territory (the community) and identity (its first admin) at once. */
@Injectable()
export class CommunityAdminService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly memberships: MembershipsRepository,
    private readonly permissions: PermissionService,
    private readonly territory: TerritoryService,
    private readonly communities: CommunityService,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, input: CreateCommunityInput): Promise<Community> {
    this.permissions.assertPlatformAdmin(actor);
    const unit = await this.territory.requireCurrentUnit(input.unitCode, 'input.unitCode');
    return this.tx.run(async (tx) => {
      const community = await this.communities.create(tx, { unitId: unit.id, kind: input.kind, names: { ...input.names } });
      await this.memberships.insert(tx, { accountId: actor.accountId!, communityId: community.id, role: Role.COMMUNITY_ADMIN });
      await this.audit.record(tx, actor.toAudit(), {
        action: 'community.create',
        entityType: 'Community',
        entityId: community.id,
        communityId: community.id,
        after: { unitId: unit.id, kind: community.kind, names: community.names },
      });
      return community;
    });
  }
}
