import { Injectable } from '@nestjs/common';
import { Actor, PermissionService, RateLimiter, RateLimitRule, Role } from '@ashar/auth';
import { AuditService } from '@ashar/audit';
import { PG_UNIQUE_VIOLATION, pgErrorCode, TransactionRunner } from '@ashar/database';
import { ConflictError, DomainError, UnauthenticatedError, uuidOrNotFound } from '@ashar/kernel';
import { CommunityService } from '@ashar/territory';
import { RequestMembershipInput } from '../dtos/account.types';
import { MembershipRequest } from '../entities/membership-request.entity';
import { IDENTITY_PERMISSIONS } from '../identity.permissions';
import { MembershipRequestsRepository } from '../repositories/membership-requests.repository';
import { MembershipsRepository } from '../repositories/memberships.repository';

export const REQUESTS_PER_ACCOUNT: RateLimitRule = { name: 'membership:request', limit: 20, windowSeconds: 3600 };

/**
 * Join requests: a signed-in non-member asks to join; a community admin approves (the person becomes a
 * CITIZEN) or declines. Each step is audited like the other membership changes.
 */
@Injectable()
export class MembershipRequestService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly requests: MembershipRequestsRepository,
    private readonly memberships: MembershipsRepository,
    private readonly permissions: PermissionService,
    private readonly communities: CommunityService,
    private readonly audit: AuditService,
    private readonly limiter: RateLimiter,
  ) {}

  /** Already a member: CONFLICT `errors.community.alreadyMember`; a request pending: CONFLICT `errors.membershipRequest.pending`. */
  async request(actor: Actor, input: RequestMembershipInput): Promise<MembershipRequest> {
    if (!actor.accountId) throw new UnauthenticatedError();
    const accountId = actor.accountId;
    const community = await this.communities.byId(input.communityId);
    await this.limiter.consume(REQUESTS_PER_ACCOUNT, [accountId]);
    const roles = await this.memberships.rolesOfAccount(accountId);
    if (roles.some((r) => r.communityId === community.id)) throw new ConflictError('errors.community.alreadyMember');
    try {
      return await this.tx.run(async (tx) => {
        const request = await this.requests.insert(tx, { communityId: community.id, accountId, message: input.message?.trim() || null });
        await this.audit.record(tx, actor.toAudit(), {
          action: 'membershipRequest.create',
          entityType: 'MembershipRequest',
          entityId: request.id,
          communityId: community.id,
          after: { accountId, message: request.message },
        });
        return request;
      });
    } catch (e) {
      if (pgErrorCode(e) === PG_UNIQUE_VIOLATION) throw new ConflictError('errors.membershipRequest.pending');
      throw e;
    }
  }

  /** Pending requests of a community, for its admins. */
  async pending(actor: Actor, communityId: string): Promise<MembershipRequest[]> {
    await this.permissions.assert(actor, communityId, 'community.approveMembers', IDENTITY_PERMISSIONS);
    return this.requests.pendingOf(communityId);
  }

  /** The caller's latest request to this community (null when none or not signed in). */
  async mine(actor: Actor, communityId: string): Promise<MembershipRequest | null> {
    if (!actor.accountId) return null;
    return this.requests.latestOf(communityId, actor.accountId);
  }

  /** Approve (CITIZEN membership) or decline; a request already decided: CONFLICT `errors.membershipRequest.decided`. */
  async decide(actor: Actor, requestId: string, approve: boolean): Promise<MembershipRequest> {
    uuidOrNotFound('MembershipRequest', requestId);
    return this.tx.run(async (tx) => {
      const request = await this.requests.lockById(tx, requestId);
      if (!request) throw new DomainError('NOT_FOUND', 'errors.NOT_FOUND', 'Membership request not found', { what: 'MembershipRequest' });
      await this.permissions.assert(actor, request.communityId, 'community.approveMembers', IDENTITY_PERMISSIONS);
      if (request.status !== 'PENDING') throw new ConflictError('errors.membershipRequest.decided');
      const status = approve ? 'APPROVED' : 'DECLINED';
      await this.requests.decide(tx, request.id, status, actor.accountId!);
      if (approve) {
        const held = await this.memberships.rolesOfAccount(request.accountId);
        if (!held.some((r) => r.communityId === request.communityId && r.role === Role.CITIZEN)) {
          const membership = await this.memberships.insert(tx, { accountId: request.accountId, communityId: request.communityId, role: Role.CITIZEN });
          await this.audit.record(tx, actor.toAudit(), {
            action: 'membership.create',
            entityType: 'Membership',
            entityId: membership.id,
            communityId: request.communityId,
            after: { accountId: request.accountId, role: Role.CITIZEN, membershipRequestId: request.id },
          });
        }
      }
      await this.audit.record(tx, actor.toAudit(), {
        action: approve ? 'membershipRequest.approve' : 'membershipRequest.decline',
        entityType: 'MembershipRequest',
        entityId: request.id,
        communityId: request.communityId,
        before: { status: 'PENDING' },
        after: { status },
      });
      return { ...request, status, decidedBy: actor.accountId!, decidedAt: new Date() };
    });
  }
}
