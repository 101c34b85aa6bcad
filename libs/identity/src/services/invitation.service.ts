import { Injectable } from '@nestjs/common';
import { Actor, PermissionService, RateLimiter, RateLimitRule } from '@ashar/auth';
import { AuditService } from '@ashar/audit';
import { PG_UNIQUE_VIOLATION, pgErrorCode, TransactionRunner } from '@ashar/database';
import { AppConfig, ConflictError, DomainError, UnauthenticatedError } from '@ashar/kernel';
import { NotificationService } from '@ashar/notifications';
import { InjectConfig } from '@ashar/runtime';
import { CommunityService } from '@ashar/territory';
import { randomBytes } from 'crypto';
import { CreateInvitationInput } from '../dtos/account.types';
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
          recipient: normaliseLogin(inv.recipient),
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

  async accept(actor: Actor, token: string): Promise<Membership> {
    if (!actor.accountId) throw new UnauthenticatedError();
    const accountId = actor.accountId;
    await this.limiter.consume(ACCEPT_PER_ACCOUNT, [accountId]);
    try {
      return await this.tx.run(async (tx) => {
        const inv = await this.invitations.lockByTokenHash(tx, hashToken(token));
        if (!inv || inv.acceptedAt || inv.expiresAt.getTime() < Date.now()) {
          throw new DomainError('NOT_FOUND', 'errors.invitation.invalid', 'Invitation not valid');
        }
        const membership = await this.memberships.insert(tx, { accountId, communityId: inv.communityId, role: inv.role });
        await this.invitations.markAccepted(tx, inv.id, accountId);
        await this.audit.record(tx, actor.toAudit(), {
          action: 'membership.create',
          entityType: 'Membership',
          entityId: membership.id,
          communityId: inv.communityId,
          after: { accountId, role: inv.role, invitationId: inv.id },
        });
        return membership;
      });
    } catch (e) {
      if (pgErrorCode(e) === PG_UNIQUE_VIOLATION) throw new ConflictError('errors.community.alreadyMember');
      throw e;
    }
  }
}
