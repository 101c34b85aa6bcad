import { Injectable } from '@nestjs/common';
import { ForbiddenError, UnauthenticatedError } from '@ashar/kernel';
import { Actor } from './actor';
import { PermissionTable, Role } from './role';

/**
 * Server-side authorisation, scoped to one community: an actor may do an action in a community only
 * if one of their roles in that community allows it. Platform admins may do everything.
 */
@Injectable()
export class PermissionService {
  requireAccount(actor: Actor): string {
    if (!actor.accountId) throw new UnauthenticatedError();
    return actor.accountId;
  }

  async can<A extends string>(actor: Actor, communityId: string, action: A, table: PermissionTable<A>): Promise<boolean> {
    if (!actor.accountId) return false;
    if (actor.platformAdmin) return true;
    const roles = await actor.rolesIn(communityId);
    return table[action].some((r: Role) => roles.has(r));
  }

  async assert<A extends string>(actor: Actor, communityId: string, action: A, table: PermissionTable<A>): Promise<void> {
    this.requireAccount(actor);
    if (!(await this.can(actor, communityId, action, table))) throw new ForbiddenError(action);
  }

  assertPlatformAdmin(actor: Actor): void {
    this.requireAccount(actor);
    if (!actor.platformAdmin) throw new ForbiddenError('platform.admin');
  }
}
