import { Actor, CurrentActor, Role } from '@ashar/auth';
import { byKeys, Ctx, RequestContext } from '@ashar/graphql';
import { Community, CommunityService, CommunityType, CreateCommunityInput } from '@ashar/territory';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  CreateGroupInvitationInput,
  CreateInvitationInput,
  GroupInvitationType,
  InvitationPreviewType,
  InvitationType,
  MemberSummaryType,
  MembershipRequestType,
  MembershipType,
  RequestMembershipInput,
} from '../dtos/account.types';
import { Invitation } from '../entities/invitation.entity';
import { MembershipRequest } from '../entities/membership-request.entity';
import { Membership } from '../entities/membership.entity';
import { AccountService } from '../services/account.service';
import { accountByIdLoader } from './identity.loaders';
import { CommunityAdminService } from '../services/community-admin.service';
import { InvitationService } from '../services/invitation.service';
import { MembershipRequestService } from '../services/membership-request.service';
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
    private readonly requests: MembershipRequestService,
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

  @Mutation(() => GroupInvitationType, { description: 'A link many people can join through (limit, expiry, role); community admins' })
  async createGroupInvitation(@CurrentActor() actor: Actor, @Args('input') input: CreateGroupInvitationInput): Promise<GroupInvitationType> {
    const { invitation, token, link } = await this.invitations.createGroup(actor, input);
    return { ...groupInvitation(invitation), token, link };
  }

  @Mutation(() => GroupInvitationType, { description: 'Ends an invitation link (group or personal); members who joined stay' })
  async revokeInvitation(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<GroupInvitationType> {
    return groupInvitation(await this.invitations.revoke(actor, id));
  }

  @ResolveField(() => [GroupInvitationType], { description: 'Group links still in use (not revoked, not expired); community admins', complexity: 10 })
  async groupInvitations(@Parent() c: Community, @CurrentActor() actor: Actor): Promise<GroupInvitationType[]> {
    return (await this.invitations.groupLinks(actor, c.id)).map(groupInvitation);
  }

  @ResolveField(() => [MembershipRequestType], { description: 'Pending join requests; community admins', complexity: 10 })
  membershipRequests(@Parent() c: Community, @CurrentActor() actor: Actor) {
    return this.requests.pending(actor, c.id);
  }

  @ResolveField(() => MembershipRequestType, { nullable: true, description: "The caller's latest join request here; null when none or not signed in" })
  myMembershipRequest(@Parent() c: Community, @CurrentActor() actor: Actor) {
    return this.requests.mine(actor, c.id);
  }

  @Mutation(() => MembershipRequestType, { description: 'A signed-in non-member asks to join' })
  requestMembership(@CurrentActor() actor: Actor, @Args('input') input: RequestMembershipInput) {
    return this.requests.request(actor, input);
  }

  @Mutation(() => MembershipRequestType, { description: 'Community admins: the person becomes a CITIZEN' })
  approveMembershipRequest(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.requests.decide(actor, id, true);
  }

  @Mutation(() => MembershipRequestType, { description: 'Community admins' })
  declineMembershipRequest(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.requests.decide(actor, id, false);
  }
}

function groupInvitation(inv: Invitation): GroupInvitationType {
  return { id: inv.id, role: inv.role, maxUses: inv.maxUses, uses: inv.uses, expiresAt: inv.expiresAt.toISOString(), createdAt: inv.createdAt.toISOString() };
}

@Resolver(() => MembershipRequestType)
export class MembershipRequestResolver {
  constructor(private readonly accounts: AccountService) {}

  @ResolveField(() => MemberSummaryType, { description: 'Who asks to join' })
  member(@Parent() r: MembershipRequest, @Ctx() ctx: RequestContext) {
    return accountByIdLoader(ctx, this.accounts).load(r.accountId);
  }
}

@Resolver(() => InvitationPreviewType)
export class InvitationPreviewResolver {
  constructor(private readonly invitations: InvitationService, private readonly communities: CommunityService) {}

  @Query(() => InvitationPreviewType, { nullable: true, description: 'What an invitation link leads to and whether it still works; null for an unknown token' })
  invitation(@Args('token') token: string) {
    return this.invitations.preview(token);
  }

  @ResolveField(() => CommunityType)
  community(@Parent() p: InvitationPreviewType) {
    return this.communities.byId(p.communityId);
  }
}
