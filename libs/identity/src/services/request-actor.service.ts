import { Actor, actorFromAuthorization } from '@ashar/auth';
import { AppConfig, DomainError } from '@ashar/kernel';
import { InjectConfig } from '@ashar/runtime';
import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { MembershipService } from './membership.service';
import { SessionService } from './session.service';

/**
 * Who calls a plain HTTP route (uploads, downloads), read from the Authorization header alone, so a
 * route can refuse before it reads one byte of the body. Same rules as GraphQL's: a live session, roles
 * per community.
 */
@Injectable()
export class RequestActorService {
  constructor(
    private readonly memberships: MembershipService,
    private readonly sessions: SessionService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  actorOf(req: Request): Promise<Actor> {
    return actorFromAuthorization(req.headers.authorization, this.config.jwtSecret, (id) => this.memberships.rolesOfAccount(id), (sid, id) => this.sessions.isLive(sid, id));
  }

  /** As `actorOf`, refusing anonymous callers (401). */
  async signedIn(req: Request): Promise<Actor> {
    const actor = await this.actorOf(req);
    if (!actor.accountId) throw new DomainError('UNAUTHENTICATED', 'errors.UNAUTHENTICATED', 'Authentication required');
    return actor;
  }
}
