import { Actor, PermissionService } from '@ashar/auth';
import { ForbiddenError, UnauthenticatedError } from '@ashar/kernel';
import { Injectable } from '@nestjs/common';
import { COUNCILS_PERMISSIONS } from '../councils.permissions';
import { CouncilBody } from '../entities/council-body.entity';
import { CouncilMembership } from '../entities/council-membership.entity';
import { BodiesRepository } from '../repositories/bodies.repository';

export const today = (now = new Date()) => now.toISOString().slice(0, 10);

/**
 * Who may act inside a body: its own current members by their role (a community role such as
 * COUNCIL_SECRETARY gives nothing by itself: one body's secretary cannot touch another's).
 */
@Injectable()
export class BodyAccess {
  constructor(
    private readonly bodies: BodiesRepository,
    private readonly permissions: PermissionService,
  ) {}

  /** The actor's current terms on the body (none for anonymous). */
  async termsOf(actor: Actor, bodyId: string, date = today()): Promise<CouncilMembership[]> {
    if (!actor.accountId) return [];
    return this.bodies.currentOfAccount(bodyId, actor.accountId, date);
  }

  async isMember(actor: Actor, bodyId: string): Promise<boolean> {
    return (await this.termsOf(actor, bodyId)).length > 0;
  }

  async isSecretary(actor: Actor, bodyId: string): Promise<boolean> {
    if (!actor.accountId) return false;
    if (actor.platformAdmin) return true;
    return (await this.termsOf(actor, bodyId)).some((m) => m.role === 'SECRETARY');
  }

  /** Meetings, agenda, attendance, roll calls, minutes, recommendations, plans: the body's current secretary. */
  async assertSecretary(actor: Actor, body: CouncilBody): Promise<void> {
    if (!actor.accountId) throw new UnauthenticatedError();
    if (!(await this.isSecretary(actor, body.id))) throw new ForbiddenError('councils.secretary');
  }

  /** Appointing and ending members: the secretary or chair, or the community's admin for a community body. */
  async canManageMembers(actor: Actor, body: CouncilBody): Promise<boolean> {
    if (!actor.accountId) return false;
    if (actor.platformAdmin) return true;
    if (body.communityId && (await this.permissions.can(actor, body.communityId, 'councils.manageBodies', COUNCILS_PERMISSIONS))) return true;
    return (await this.termsOf(actor, body.id)).some((m) => m.role === 'SECRETARY' || m.role === 'CHAIR');
  }

  async assertManageMembers(actor: Actor, body: CouncilBody): Promise<void> {
    if (!actor.accountId) throw new UnauthenticatedError();
    if (!(await this.canManageMembers(actor, body))) throw new ForbiddenError('councils.manageMembers');
  }
}
