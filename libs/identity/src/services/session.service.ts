import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { signAccessToken } from '@ashar/auth';
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
  constructor(@InjectDataSource() private readonly db: DataSource, @InjectConfig() private readonly config: AppConfig) {}

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
        return { error: 'reused' as const };
      }
      if (new Date(token.expiresAt).getTime() <= Date.now()) return { error: 'expired' as const };
      await manager.query('UPDATE refresh_tokens SET used_at = now() WHERE id = $1', [token.id]);
      const account = await manager.findOneByOrFail(Account, { id: token.accountId });
      return { session: await this.issueInFamily(manager, account, token.familyId) };
    });
    // The family revocation above must commit even though the caller gets an error.
    if ('error' in outcome) throw new UnauthenticatedError('errors.auth.refreshInvalid');
    return outcome.session;
  }

  async revokeFamilyOf(presented: string): Promise<void> {
    await this.db.query(
      `UPDATE refresh_tokens SET revoked_at = now()
        WHERE family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = $1) AND revoked_at IS NULL`,
      [hashToken(presented)],
    );
  }
}
