import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, PermissionService, Role } from '@ashar/auth';
import { AuditService } from '@ashar/audit';
import { Community, CommunityService, CreateCommunityInput, TerritoryService } from '@ashar/territory';
import { DataSource } from 'typeorm';
import { Membership } from '../entities/membership.entity';

/** Creating a community touches territory (the community) and identity (its first admin) at once. */
@Injectable()
export class CommunityAdminService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly permissions: PermissionService,
    private readonly territory: TerritoryService,
    private readonly communities: CommunityService,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, input: CreateCommunityInput): Promise<Community> {
    this.permissions.assertPlatformAdmin(actor);
    const unit = await this.territory.requireCurrentUnit(input.unitCode, 'input.unitCode');
    return this.db.transaction(async (manager) => {
      const community = await this.communities.create(manager, { unitId: unit.id, kind: input.kind, names: { ...input.names } });
      await manager.insert(Membership, { accountId: actor.accountId!, communityId: community.id, role: Role.COMMUNITY_ADMIN });
      await this.audit.record(manager, actor.toAudit(), {
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
