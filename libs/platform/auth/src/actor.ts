import { verifyAccessToken } from './access-token';
import { Role } from './role';

export interface OnBehalfOf {
  accountId: string;
  reason: string;
}

/**
 * Who is making this request. Memberships are read at most once per request (lazily) so
 * that every permission check in one request sees the same roles at the cost of one query.
 */
export class Actor {
  private membershipsPromise?: Promise<Map<string, Set<Role>>>;

  constructor(
    readonly accountId: string | null,
    readonly platformAdmin: boolean,
    private readonly loadMemberships: (accountId: string) => Promise<Array<{ communityId: string; role: Role }>>,
    /** Set when a budget-group member acts for a resident who is not online (assisted participation). */
    readonly onBehalfOf: OnBehalfOf | null = null,
    /** The session (refresh-token family) the access token belongs to; log-out without a cookie ends it. */
    readonly sessionId: string | null = null,
  ) {}

  static anonymous(): Actor {
    return new Actor(null, false, async () => []);
  }

  get isAuthenticated(): boolean {
    return this.accountId !== null;
  }

  async rolesIn(communityId: string): Promise<Set<Role>> {
    if (!this.accountId) return new Set();
    if (!this.membershipsPromise) {
      const accountId = this.accountId;
      this.membershipsPromise = this.loadMemberships(accountId).then((rows) => {
        const map = new Map<string, Set<Role>>();
        for (const r of rows) {
          if (!map.has(r.communityId)) map.set(r.communityId, new Set());
          map.get(r.communityId)!.add(r.role);
        }
        return map;
      });
    }
    return (await this.membershipsPromise).get(communityId) ?? new Set();
  }

  withOnBehalfOf(onBehalfOf: OnBehalfOf): Actor {
    const a = new Actor(this.accountId, this.platformAdmin, this.loadMemberships, onBehalfOf, this.sessionId);
    a.membershipsPromise = this.membershipsPromise;
    return a;
  }

  /** The shape the audit log records. */
  toAudit(): { accountId: string | null; onBehalfOf: OnBehalfOf | null } {
    return { accountId: this.accountId, onBehalfOf: this.onBehalfOf };
  }
}

/**
 * The actor behind an `Authorization: Bearer <access token>` header, or anonymous for anything
 * missing, forged, expired or of a session that has ended (logged out, or revoked for refresh-token
 * theft): the signature alone would keep a token working for its whole lifetime after log-out.
 * One function for GraphQL and plain HTTP endpoints alike.
 */
export async function actorFromAuthorization(
  header: string | undefined,
  secret: string,
  loadMemberships: (accountId: string) => Promise<Array<{ communityId: string; role: Role }>>,
  isSessionLive: (sessionId: string, accountId: string) => Promise<boolean>,
): Promise<Actor> {
  const claims = header?.startsWith('Bearer ') ? verifyAccessToken(header.slice(7), secret) : null;
  if (!claims || typeof claims.sid !== 'string' || !(await isSessionLive(claims.sid, claims.sub))) return Actor.anonymous();
  return new Actor(claims.sub, !!claims.adm, loadMemberships, null, claims.sid);
}
