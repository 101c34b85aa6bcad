import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, OnBehalfOf, PermissionService, Role } from '@ashar/auth';
import { AuditService } from '@ashar/audit';
import { assertUuid, ForbiddenError, InvalidInputError } from '@ashar/kernel';
import { CommunityService, TerritoryService } from '@ashar/territory';
import { DataSource } from 'typeorm';
import { RegisterAssistedResidentInput } from '../dtos/account.types';
import { Account } from '../entities/account.entity';
import { Membership } from '../entities/membership.entity';
import { ResidentProfile } from '../entities/resident-profile.entity';
import { IDENTITY_PERMISSIONS } from '../identity.permissions';

/**
 * Residents who are not online take part through a budget-group member: the member registers them
 * (no login of their own) and later acts for them. Every such write is audited as
 * "member X on behalf of resident Y" with the reason.
 */
@Injectable()
export class AssistedParticipationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly permissions: PermissionService,
    private readonly communities: CommunityService,
    private readonly territory: TerritoryService,
    private readonly audit: AuditService,
  ) {}

  async registerResident(actor: Actor, input: RegisterAssistedResidentInput): Promise<Account> {
    const community = await this.communities.byId(input.communityId);
    await this.permissions.assert(actor, community.id, 'resident.assist', IDENTITY_PERMISSIONS);
    const village = input.villageCode ? await this.territory.requireCurrentUnit(input.villageCode, 'input.villageCode') : null;
    return this.db.transaction(async (manager) => {
      const resident = manager.create(Account, { displayName: input.displayName, kind: 'assisted', locale: 'ky' });
      await manager.insert(Account, resident);
      await manager.insert(ResidentProfile, {
        accountId: resident.id,
        villageUnitId: village?.id ?? null,
        birthYear: input.birthYear ?? null,
        gender: input.gender ?? null,
      });
      await manager.insert(Membership, { accountId: resident.id, communityId: community.id, role: Role.CITIZEN });
      await this.audit.record(manager, { accountId: actor.accountId, onBehalfOf: { accountId: resident.id, reason: input.reason } }, {
        action: 'resident.registerAssisted',
        entityType: 'Account',
        entityId: resident.id,
        communityId: community.id,
        after: { displayName: resident.displayName, villageUnitId: village?.id ?? null },
      });
      return resident;
    });
  }

  /**
   * Checks an on-behalf request before any resolver runs: the resident must be an assisted account
   * and a member of a community where the actor may assist.
   */
  async authorise(actor: Actor, residentId: string, reason: string): Promise<OnBehalfOf> {
    if (!reason || reason.trim().length < 3) throw new InvalidInputError('x-on-behalf-reason', 'errors.validation.required');
    assertUuid('x-on-behalf-of', residentId);
    this.permissions.requireAccount(actor);
    const rows: { community_id: string }[] = await this.db.query(
      `SELECT m.community_id FROM memberships m JOIN accounts a ON a.id = m.account_id
        WHERE m.account_id = $1 AND a.kind = 'assisted'`,
      [residentId],
    );
    for (const r of rows) {
      if (await this.permissions.can(actor, r.community_id, 'resident.assist', IDENTITY_PERMISSIONS)) {
        return { accountId: residentId, reason: reason.trim() };
      }
    }
    throw new ForbiddenError('resident.assist');
  }
}
