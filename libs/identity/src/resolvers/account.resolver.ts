import { Actor, CurrentActor } from '@ashar/auth';
import { byKeys, Ctx, groupByKeys, RequestContext } from '@ashar/graphql';
import { ForbiddenError } from '@ashar/kernel';
import { TerritorialUnitType, TerritoryService, unitByIdLoader } from '@ashar/territory';
import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AccountType, MembershipType, RegisterAssistedResidentInput, ResidentProfileInput, ResidentProfileType } from '../dtos/account.types';
import { Account } from '../entities/account.entity';
import { Membership } from '../entities/membership.entity';
import { ResidentProfile } from '../entities/resident-profile.entity';
import { AccountService } from '../services/account.service';
import { AssistedParticipationService } from '../services/assisted-participation.service';
import { MembershipService } from '../services/membership.service';

@Resolver(() => AccountType)
export class AccountResolver {
  constructor(
    private readonly accounts: AccountService,
    private readonly membershipService: MembershipService,
    private readonly assisted: AssistedParticipationService,
  ) {}

  /** Private fields: only the account itself (or a platform admin) reads them. */
  private assertSelf(actor: Actor, account: Account) {
    if (actor.accountId !== account.id && !actor.platformAdmin) throw new ForbiddenError('account.read');
  }

  @ResolveField(() => ResidentProfileType, { nullable: true })
  profile(@Parent() account: Account, @CurrentActor() actor: Actor, @Ctx() ctx: RequestContext) {
    this.assertSelf(actor, account);
    return ctx.loaders
      .get<string, ResidentProfile | null>('identity.profile', async (ids) => byKeys(ids, await this.accounts.profilesOf(ids), (p) => p.accountId))
      .load(account.id);
  }

  @ResolveField(() => [MembershipType])
  memberships(@Parent() account: Account, @CurrentActor() actor: Actor, @Ctx() ctx: RequestContext) {
    this.assertSelf(actor, account);
    return ctx.loaders
      .get<string, Membership[]>('identity.membershipsOfAccount', async (ids) => groupByKeys(ids, await this.membershipService.ofAccounts(ids), (m) => m.accountId))
      .load(account.id);
  }

  @Mutation(() => ResidentProfileType, { description: 'Your profile, or the resident\'s when acting on behalf (x-on-behalf-of header)' })
  updateResidentProfile(@CurrentActor() actor: Actor, @Args('input') input: ResidentProfileInput) {
    return this.accounts.updateProfile(actor, input);
  }

  @Mutation(() => AccountType, { description: 'A budget-group member enters a resident who is not online' })
  registerAssistedResident(@CurrentActor() actor: Actor, @Args('input') input: RegisterAssistedResidentInput) {
    return this.assisted.registerResident(actor, input);
  }
}

@Resolver(() => ResidentProfileType)
export class ResidentProfileResolver {
  constructor(private readonly territory: TerritoryService) {}

  @ResolveField(() => TerritorialUnitType, { nullable: true })
  village(@Parent() p: ResidentProfile, @Ctx() ctx: RequestContext) {
    if (!p.villageUnitId) return null;
    return unitByIdLoader(ctx, this.territory).load(p.villageUnitId);
  }
}
