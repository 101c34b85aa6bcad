import { Actor, CurrentActor, Role } from '@ashar/auth';
import { byKeys, Ctx, RequestContext } from '@ashar/graphql';
import { Community, CommunityService, CommunityType, CreateCommunityInput } from '@ashar/territory';
import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CreateInvitationInput, InvitationType, MemberSummaryType, MembershipType } from '../dtos/account.types';
import { Membership } from '../entities/membership.entity';
import { AccountService } from '../services/account.service';
import { accountByIdLoader } from './identity.loaders';
import { CommunityAdminService } from '../services/community-admin.service';
import { InvitationService } from '../services/invitation.service';
import { MembershipService } from '../services/membership.service';

@Resolver(() => MembershipType)
export class MembershipResolver {
  constructor(private readonly communities: CommunityService, private readonly accounts: AccountService) {}

  @ResolveField(() => CommunityType)
  community(@Parent() m: Membership, @Ctx() ctx: RequestContext) {
    return ctx.loaders
      .get<string, Community | null>('territory.communityById', async (ids) => byKeys(ids, await this.communities.byIds(ids), (c) => c.id))
      .load(m.communityId);
  }

  @ResolveField(() => MemberSummaryType)
  member(@Parent() m: Membership, @Ctx() ctx: RequestContext) {
    return accountByIdLoader(ctx, this.accounts).load(m.accountId);
  }
}

/** Membership-related fields and mutations of communities. */
@Resolver(() => CommunityType)
export class CommunityMembershipResolver {
  constructor(
    private readonly memberships: MembershipService,
    private readonly invitations: InvitationService,
    private readonly admin: CommunityAdminService,
  ) {}

  @ResolveField(() => [Role], { description: 'Your roles here; empty when not a member or not signed in' })
  async myRoles(@Parent() c: Community, @CurrentActor() actor: Actor) {
    return [...(await actor.rolesIn(c.id))];
  }

  @ResolveField(() => [MembershipType], { description: 'Visible to members of this community only', complexity: 10 })
  members(@Parent() c: Community, @CurrentActor() actor: Actor) {
    return this.memberships.ofCommunity(actor, c.id);
  }

  @Mutation(() => CommunityType, { description: 'Platform admins; the creator becomes its community admin' })
  createCommunity(@CurrentActor() actor: Actor, @Args('input') input: CreateCommunityInput) {
    return this.admin.create(actor, input);
  }

  @Mutation(() => InvitationType)
  async createInvitation(@CurrentActor() actor: Actor, @Args('input') input: CreateInvitationInput): Promise<InvitationType> {
    const { invitation, token, link } = await this.invitations.create(actor, input);
    return { id: invitation.id, role: invitation.role, expiresAt: invitation.expiresAt.toISOString(), token, link };
  }

  @Mutation(() => MembershipType)
  acceptInvitation(@CurrentActor() actor: Actor, @Args('token') token: string) {
    return this.invitations.accept(actor, token);
  }
}
