import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SessionCache, signAccessToken } from '@ashar/auth';
import { AppConfig, UnauthenticatedError } from '@ashar/kernel';
import { InjectConfig } from '@ashar/runtime';
import { createHash, randomBytes, randomUUID } from 'crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Account } from '../entities/account.entity';
import { RefreshToken } from '../entities/refresh-token.entity';

export interface IssuedSession {
  accessToken: string;
  expiresAt: Date;
  refreshToken: string;
  refreshExpiresAt: Date;
  account: Account;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

@Injectable()
export class SessionService {
  private readonly liveness: SessionCache;

  constructor(@InjectDataSource() private readonly db: DataSource, @InjectConfig() private readonly config: AppConfig) {
    this.liveness = new SessionCache(config.sessionCheckCacheSeconds * 1000);
  }

  /**
   * Whether the session (refresh-token family) an access token names is still live: some token of the
   * family is not revoked. Checked on every authenticated request, cached per process for
   * SESSION_CHECK_CACHE_SECONDS, so a log-out elsewhere takes effect within that bound.
   */
  async isLive(familyId: string, accountId: string): Promise<boolean> {
    const cached = this.liveness.get(familyId);
    if (cached !== undefined) return cached;
    const rows: unknown[] = await this.db.query(
      'SELECT 1 FROM refresh_tokens WHERE family_id = $1 AND account_id = $2 AND revoked_at IS NULL LIMIT 1',
      [familyId, accountId],
    );
    const live = rows.length > 0;
    this.liveness.set(familyId, live);
    return live;
  }

  /** Starts a new refresh-token family (log-in, sign-up). */
  issue(manager: EntityManager, account: Account): Promise<IssuedSession> {
    return this.issueInFamily(manager, account, randomUUID());
  }

  private async issueInFamily(manager: EntityManager, account: Account, familyId: string): Promise<IssuedSession> {
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshExpiresAt = new Date(Date.now() + this.config.refreshTokenTtlDays * 86400_000);
    await manager.insert(RefreshToken, { accountId: account.id, familyId, tokenHash: hashToken(refreshToken), expiresAt: refreshExpiresAt });
    const { token, expiresAt } = signAccessToken(
      { sub: account.id, adm: account.platformAdmin, sid: familyId },
      this.config.jwtSecret,
      this.config.accessTokenTtlSeconds,
    );
    return { accessToken: token, expiresAt, refreshToken, refreshExpiresAt, account };
  }

  /**
   * Rotation: the presented token is spent and a new one of the same family returned. A spent token
   * presented again is theft (or a replay): the whole family is revoked, so the thief's copy dies too.
   */
  async rotate(presented: string): Promise<IssuedSession> {
    const outcome = await this.db.transaction(async (manager) => {
      const rows: (RefreshToken & { account_id: string })[] = await manager.query(
        `SELECT id, account_id AS "accountId", family_id AS "familyId", expires_at AS "expiresAt",
                used_at AS "usedAt", revoked_at AS "revokedAt"
           FROM refresh_tokens WHERE token_hash = $1 FOR UPDATE`,
        [hashToken(presented)],
      );
      const token = rows[0];
      if (!token) return { error: 'unknown' as const };
      if (token.usedAt || token.revokedAt) {
        await manager.query('UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL', [token.familyId]);
        return { error: 'reused' as const, familyId: token.familyId };
      }
      if (new Date(token.expiresAt).getTime() <= Date.now()) return { error: 'expired' as const };
      await manager.query('UPDATE refresh_tokens SET used_at = now() WHERE id = $1', [token.id]);
      const account = await manager.findOneByOrFail(Account, { id: token.accountId });
      return { session: await this.issueInFamily(manager, account, token.familyId) };
    });
    // The family revocation above must commit even though the caller gets an error.
    if ('error' in outcome) {
      if (outcome.error === 'reused') this.liveness.set(outcome.familyId, false);
      throw new UnauthenticatedError('errors.auth.refreshInvalid');
    }
    return outcome.session;
  }

  async revokeFamilyOf(presented: string): Promise<void> {
    const rows: { family_id: string }[] = await this.db.query('SELECT family_id FROM refresh_tokens WHERE token_hash = $1', [hashToken(presented)]);
    if (rows[0]) await this.revokeFamily(rows[0].family_id);
  }

  /** Ends a session: its refresh tokens stop rotating and its access tokens stop being accepted. */
  async revokeFamily(familyId: string): Promise<void> {
    await this.db.query('UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL', [familyId]);
    this.liveness.set(familyId, false);
  }
}
