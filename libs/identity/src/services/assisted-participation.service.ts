import { Injectable } from '@nestjs/common';
import { Actor, OnBehalfOf, PermissionService, Role } from '@ashar/auth';
import { AuditService } from '@ashar/audit';
import { assertUuid, ForbiddenError, InvalidInputError } from '@ashar/kernel';
import { CommunityService, TerritoryService } from '@ashar/territory';
import { TransactionRunner } from '@ashar/database';
import { RegisterAssistedResidentInput } from '../dtos/account.types';
import { Account } from '../entities/account.entity';
import { IDENTITY_PERMISSIONS } from '../identity.permissions';
import { AccountsRepository } from '../repositories/accounts.repository';
import { MembershipsRepository } from '../repositories/memberships.repository';
import { ResidentProfilesRepository } from '../repositories/resident-profiles.repository';

/**
 * Residents who are not online take part through a budget-group member: the member registers them
 * (no login of their own) and later acts for them. Every such write is audited as
 * "member X on behalf of resident Y" with the reason.
 */
@Injectable()
export class AssistedParticipationService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly accounts: AccountsRepository,
    private readonly profiles: ResidentProfilesRepository,
    private readonly memberships: MembershipsRepository,
    private readonly permissions: PermissionService,
    private readonly communities: CommunityService,
    private readonly territory: TerritoryService,
    private readonly audit: AuditService,
  ) {}

  async registerResident(actor: Actor, input: RegisterAssistedResidentInput): Promise<Account> {
    const community = await this.communities.byId(input.communityId);
    await this.permissions.assert(actor, community.id, 'resident.assist', IDENTITY_PERMISSIONS);
    const village = input.villageCode ? await this.territory.requireCurrentUnit(input.villageCode, 'input.villageCode') : null;
    return this.tx.run(async (tx) => {
      const resident = await this.accounts.insert(tx, { displayName: input.displayName, kind: 'assisted', locale: 'ky' });
      await this.profiles.insert(tx, {
        accountId: resident.id,
        villageUnitId: village?.id ?? null,
        birthYear: input.birthYear ?? null,
        gender: input.gender ?? null,
      });
      await this.memberships.insert(tx, { accountId: resident.id, communityId: community.id, role: Role.CITIZEN });
      await this.audit.record(tx, { accountId: actor.accountId, onBehalfOf: { accountId: resident.id, reason: input.reason } }, {
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
    for (const communityId of await this.memberships.communitiesOfAssistedResident(residentId)) {
      if (await this.permissions.can(actor, communityId, 'resident.assist', IDENTITY_PERMISSIONS)) {
        return { accountId: residentId, reason: reason.trim() };
      }
    }
    throw new ForbiddenError('resident.assist');
  }
}
