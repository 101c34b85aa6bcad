import { Injectable } from '@nestjs/common';
import { Actor, PermissionService, RateLimiter, RateLimitRule } from '@ashar/auth';
import { AuditService } from '@ashar/audit';
import { PG_UNIQUE_VIOLATION, pgErrorCode, TransactionRunner } from '@ashar/database';
import { AppConfig, ConflictError, DomainError, InvalidInputError, UnauthenticatedError, uuidOrNotFound } from '@ashar/kernel';
import { NotificationService } from '@ashar/notifications';
import { InjectConfig } from '@ashar/runtime';
import { CommunityService } from '@ashar/territory';
import { randomBytes } from 'crypto';
import { Role } from '@ashar/auth';
import { CreateGroupInvitationInput, CreateInvitationInput, InvitationPreviewType, InvitationStateEnum } from '../dtos/account.types';
import { Invitation } from '../entities/invitation.entity';
import { Membership } from '../entities/membership.entity';
import { IDENTITY_PERMISSIONS } from '../identity.permissions';
import { AccountsRepository } from '../repositories/accounts.repository';
import { InvitationsRepository } from '../repositories/invitations.repository';
import { MembershipsRepository } from '../repositories/memberships.repository';
import { normaliseLogin } from './account.service';
import { hashToken } from './session.service';

export const INVITATION_TTL_DAYS = 14;
export const ACCEPT_PER_ACCOUNT: RateLimitRule = { name: 'invite:accept', limit: 20, windowSeconds: 3600 };

@Injectable()
export class InvitationService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly invitations: InvitationsRepository,
    private readonly memberships: MembershipsRepository,
    private readonly accounts: AccountsRepository,
    private readonly permissions: PermissionService,
    private readonly communities: CommunityService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationService,
    private readonly limiter: RateLimiter,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async create(actor: Actor, input: CreateInvitationInput): Promise<{ invitation: Invitation; token: string; link: string }> {
    const community = await this.communities.byId(input.communityId);
    await this.permissions.assert(actor, community.id, 'community.invite', IDENTITY_PERMISSIONS);
    const token = randomBytes(24).toString('base64url');
    const link = `${this.config.publicUrl}/invitations/${token}`;
    // The invitee has no account yet: the link goes in the inviting admin's language (most often theirs too).
    const inviter = await this.accounts.byId(actor.accountId!);
    // A phone typed the local way ("0700 123 456", "8 701 …") is read in the community's country.
    const country = (await this.communities.countriesOf([community.id])).get(community.id) === 'KZ' ? 'KZ' : 'KG';
    const invitation = await this.tx.run(async (tx) => {
      const inv = await this.invitations.insert(tx, {
        communityId: community.id,
        role: input.role,
        tokenHash: hashToken(token),
        recipient: input.recipient?.trim() || null,
        invitedBy: actor.accountId!,
        expiresAt: new Date(Date.now() + INVITATION_TTL_DAYS * 86400_000),
      });
      await this.audit.record(tx, actor.toAudit(), {
        action: 'invitation.create',
        entityType: 'Invitation',
        entityId: inv.id,
        communityId: community.id,
        after: { role: inv.role, recipient: inv.recipient, expiresAt: inv.expiresAt },
      });
      // In the same transaction: the message exists if and only if the invitation does. Without a
      // recipient (or with one that is neither an email nor a phone) the admin shares the link.
      if (inv.recipient) {
        await this.notifications.send(tx, {
          recipient: normaliseLogin(inv.recipient, country),
          channel: ['email', 'sms'],
          templateKey: 'notifications.invitation',
          params: { link, role: { key: `role.${inv.role}` }, community: { text: community.names }, days: INVITATION_TTL_DAYS },
          locale: inviter?.locale,
          idempotencyKey: `invitation-notify.${inv.id}`,
        });
      }
      return inv;
    });
    this.notifications.dispatchSoon();
    return { invitation, token, link };
  }

  /**
   * A group link: up to `maxUses` people join through it until it expires or is revoked. Never for
   * COMMUNITY_ADMIN (a link posted to a village chat must not hand out the keys).
   */
  async createGroup(actor: Actor, input: CreateGroupInvitationInput): Promise<{ invitation: Invitation; token: string; link: string }> {
    const community = await this.communities.byId(input.communityId);
    await this.permissions.assert(actor, community.id, 'community.invite', IDENTITY_PERMISSIONS);
    if (input.role === Role.COMMUNITY_ADMIN) throw new InvalidInputError('input.role', 'errors.invitation.groupRole');
    const token = randomBytes(24).toString('base64url');
    const link = `${this.config.publicUrl}/invitations/${token}`;
    const invitation = await this.tx.run(async (tx) => {
      const inv = await this.invitations.insert(tx, {
        communityId: community.id,
        role: input.role,
        tokenHash: hashToken(token),
        recipient: null,
        invitedBy: actor.accountId!,
        expiresAt: new Date(Date.now() + input.expiresInDays * 86400_000),
        maxUses: input.maxUses,
        isGroup: true,
      });
      await this.audit.record(tx, actor.toAudit(), {
        action: 'invitation.create',
        entityType: 'Invitation',
        entityId: inv.id,
        communityId: community.id,
        after: { role: inv.role, group: true, maxUses: inv.maxUses, expiresAt: inv.expiresAt },
      });
      return inv;
    });
    return { invitation, token, link };
  }

  /** What a link leads to and whether it still works (null for an unknown token). Public: the token is the capability. */
  async preview(token: string): Promise<InvitationPreviewType | null> {
    if (typeof token !== 'string' || token.length < 16 || token.length > 128) return null;
    const inv = await this.invitations.byTokenHash(hashToken(token));
    if (!inv) return null;
    const state = inv.revokedAt
      ? InvitationStateEnum.REVOKED
      : inv.expiresAt.getTime() <= Date.now()
        ? InvitationStateEnum.EXPIRED
        : inv.uses >= inv.maxUses
          ? inv.isGroup ? InvitationStateEnum.FULL : InvitationStateEnum.USED
          : InvitationStateEnum.VALID;
    return {
      role: inv.role,
      group: inv.isGroup,
      state,
      usesLeft: inv.isGroup ? Math.max(0, inv.maxUses - inv.uses) : null,
      expiresAt: inv.expiresAt.toISOString(),
      communityId: inv.communityId,
    };
  }

  /** Active group links of a community (admins), with how many have used each. */
  async groupLinks(actor: Actor, communityId: string): Promise<Invitation[]> {
    await this.permissions.assert(actor, communityId, 'community.invite', IDENTITY_PERMISSIONS);
    return this.invitations.activeGroupLinks(communityId);
  }

  /** Ends a link (group or personal) for good; people who already joined stay members. */
  async revoke(actor: Actor, invitationId: string): Promise<Invitation> {
    uuidOrNotFound('Invitation', invitationId);
    return this.tx.run(async (tx) => {
      const inv = await this.invitations.lockById(tx, invitationId);
      if (!inv) throw new DomainError('NOT_FOUND', 'errors.invitation.invalid', 'Invitation not found');
      await this.permissions.assert(actor, inv.communityId, 'community.invite', IDENTITY_PERMISSIONS);
      if (!inv.revokedAt) {
        await this.invitations.revoke(tx, inv.id, actor.accountId!);
        await this.audit.record(tx, actor.toAudit(), {
          action: 'invitation.revoke',
          entityType: 'Invitation',
          entityId: inv.id,
          communityId: inv.communityId,
          before: { uses: inv.uses, maxUses: inv.maxUses },
        });
      }
      return (await this.invitations.lockById(tx, inv.id))!;
    });
  }

  /**
   * Joins through a link. Errors (extensions.code / messageKey): unknown token or a used personal link
   * NOT_FOUND `errors.invitation.invalid` (a personal link says nothing more); a group link revoked
   * FORBIDDEN `errors.invitation.revoked`, expired FORBIDDEN `errors.invitation.expired`, all uses taken
   * CONFLICT `errors.invitation.full`; already holding the role CONFLICT `errors.community.alreadyMember`.
   * The row is locked and the use counted with a conditional UPDATE, so the limit holds under parallel use.
   */
  async accept(actor: Actor, token: string): Promise<Membership> {
    if (!actor.accountId) throw new UnauthenticatedError();
    const accountId = actor.accountId;
    await this.limiter.consume(ACCEPT_PER_ACCOUNT, [accountId]);
    try {
      return await this.tx.run(async (tx) => {
        const inv = await this.invitations.lockByTokenHash(tx, hashToken(token));
        const expired = !!inv && inv.expiresAt.getTime() <= Date.now();
        if (!inv || (!inv.isGroup && (inv.uses >= inv.maxUses || inv.acceptedAt || expired || inv.revokedAt))) {
          throw new DomainError('NOT_FOUND', 'errors.invitation.invalid', 'Invitation not valid');
        }
        if (inv.revokedAt) throw new DomainError('FORBIDDEN', 'errors.invitation.revoked', 'Invitation revoked');
        if (expired) throw new DomainError('FORBIDDEN', 'errors.invitation.expired', 'Invitation expired');
        if (!(await this.invitations.countUse(tx, inv.id, accountId))) {
          throw new ConflictError('errors.invitation.full', 'Invitation has no uses left', { maxUses: inv.maxUses });
        }
        const membership = await this.memberships.insert(tx, { accountId, communityId: inv.communityId, role: inv.role });
        await this.invitations.recordUse(tx, { invitationId: inv.id, accountId, membershipId: membership.id });
        await this.audit.record(tx, actor.toAudit(), {
          action: 'membership.create',
          entityType: 'Membership',
          entityId: membership.id,
          communityId: inv.communityId,
          after: { accountId, role: inv.role, invitationId: inv.id, group: inv.isGroup },
        });
        return membership;
      });
    } catch (e) {
      if (pgErrorCode(e) === PG_UNIQUE_VIOLATION) throw new ConflictError('errors.community.alreadyMember');
      throw e;
    }
  }
}
