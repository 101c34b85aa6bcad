import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, PermissionService, RateLimiter, RateLimitRule } from '@ashar/auth';
import { AuditService } from '@ashar/audit';
import { PG_UNIQUE_VIOLATION, pgErrorCode } from '@ashar/database';
import { AppConfig, ConflictError, DomainError, UnauthenticatedError } from '@ashar/kernel';
import { OutboxRelay, OutboxService, QUEUES } from '@ashar/queue';
import { InjectConfig } from '@ashar/runtime';
import { CommunityService } from '@ashar/territory';
import { randomBytes } from 'crypto';
import { DataSource } from 'typeorm';
import { CreateInvitationInput } from '../dtos/account.types';
import { Invitation } from '../entities/invitation.entity';
import { Membership } from '../entities/membership.entity';
import { IDENTITY_PERMISSIONS } from '../identity.permissions';
import { hashToken } from './session.service';

export const INVITATION_TTL_DAYS = 14;
export const ACCEPT_PER_ACCOUNT: RateLimitRule = { name: 'invite:accept', limit: 20, windowSeconds: 3600 };
export const INVITATION_NOTIFY_JOB = 'invitation.notify';

export interface InvitationNotifyPayload {
  invitationId: string;
  recipient: string;
  link: string;
  role: string;
  communityId: string;
}

@Injectable()
export class InvitationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly permissions: PermissionService,
    private readonly communities: CommunityService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly relay: OutboxRelay,
    private readonly limiter: RateLimiter,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async create(actor: Actor, input: CreateInvitationInput): Promise<{ invitation: Invitation; token: string; link: string }> {
    const community = await this.communities.byId(input.communityId);
    await this.permissions.assert(actor, community.id, 'community.invite', IDENTITY_PERMISSIONS);
    const token = randomBytes(24).toString('base64url');
    const link = `${this.config.publicUrl}/invitations/${token}`;
    const invitation = await this.db.transaction(async (manager) => {
      const inv = manager.create(Invitation, {
        communityId: community.id,
        role: input.role,
        tokenHash: hashToken(token),
        recipient: input.recipient?.trim() || null,
        invitedBy: actor.accountId!,
        expiresAt: new Date(Date.now() + INVITATION_TTL_DAYS * 86400_000),
      });
      await manager.insert(Invitation, inv);
      await this.audit.record(manager, actor.toAudit(), {
        action: 'invitation.create',
        entityType: 'Invitation',
        entityId: inv.id,
        communityId: community.id,
        after: { role: inv.role, recipient: inv.recipient, expiresAt: inv.expiresAt },
      });
      // Enqueued in the same transaction: the job exists if and only if the invitation does.
      const payload: InvitationNotifyPayload = {
        invitationId: inv.id,
        recipient: inv.recipient ?? `community-admin:${actor.accountId}`,
        link,
        role: inv.role,
        communityId: community.id,
      };
      await this.outbox.enqueue(manager, QUEUES.notifications, INVITATION_NOTIFY_JOB, { ...payload }, `invitation-notify.${inv.id}`);
      return inv;
    });
    void this.relay.kick();
    return { invitation, token, link };
  }

  async accept(actor: Actor, token: string): Promise<Membership> {
    if (!actor.accountId) throw new UnauthenticatedError();
    const accountId = actor.accountId;
    await this.limiter.consume(ACCEPT_PER_ACCOUNT, [accountId]);
    try {
      return await this.db.transaction(async (manager) => {
        const inv = await manager.findOne(Invitation, { where: { tokenHash: hashToken(token) }, lock: { mode: 'pessimistic_write' } });
        if (!inv || inv.acceptedAt || inv.expiresAt.getTime() < Date.now()) {
          throw new DomainError('NOT_FOUND', 'errors.invitation.invalid', 'Invitation not valid');
        }
        const membership = manager.create(Membership, { accountId, communityId: inv.communityId, role: inv.role });
        await manager.insert(Membership, membership);
        await manager.update(Invitation, { id: inv.id }, { acceptedBy: accountId, acceptedAt: new Date() });
        await this.audit.record(manager, actor.toAudit(), {
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
