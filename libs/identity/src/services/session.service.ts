import { Injectable } from '@nestjs/common';
import { SessionCache, signAccessToken } from '@ashar/auth';
import { AppConfig, UnauthenticatedError } from '@ashar/kernel';
import { Transaction, TransactionRunner } from '@ashar/database';
import { InjectConfig } from '@ashar/runtime';
import { createHash, randomBytes, randomUUID } from 'crypto';
import { Account } from '../entities/account.entity';
import { AccountsRepository } from '../repositories/accounts.repository';
import { RefreshTokensRepository } from '../repositories/refresh-tokens.repository';

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

  constructor(
    private readonly tx: TransactionRunner,
    private readonly tokens: RefreshTokensRepository,
    private readonly accounts: AccountsRepository,
    @InjectConfig() private readonly config: AppConfig,
  ) {
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
    const live = await this.tokens.familyIsLive(familyId, accountId);
    this.liveness.set(familyId, live);
    return live;
  }

  /** Starts a new refresh-token family (log-in, sign-up). */
  issue(tx: Transaction, account: Account): Promise<IssuedSession> {
    return this.issueInFamily(tx, account, randomUUID());
  }

  private async issueInFamily(tx: Transaction, account: Account, familyId: string): Promise<IssuedSession> {
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshExpiresAt = new Date(Date.now() + this.config.refreshTokenTtlDays * 86400_000);
    await this.tokens.insert(tx, { accountId: account.id, familyId, tokenHash: hashToken(refreshToken), expiresAt: refreshExpiresAt });
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
    const outcome = await this.tx.run(async (tx) => {
      const token = await this.tokens.lockByHash(tx, hashToken(presented));
      if (!token) return { error: 'unknown' as const };
      if (token.usedAt || token.revokedAt) {
        await this.tokens.revokeFamily(token.familyId, tx);
        return { error: 'reused' as const, familyId: token.familyId };
      }
      if (new Date(token.expiresAt).getTime() <= Date.now()) return { error: 'expired' as const };
      await this.tokens.markUsed(tx, token.id);
      const account = await this.accounts.byId(token.accountId, tx);
      if (!account) return { error: 'unknown' as const };
      return { session: await this.issueInFamily(tx, account, token.familyId) };
    });
    // The family revocation above must commit even though the caller gets an error.
    if ('error' in outcome) {
      if (outcome.error === 'reused') this.liveness.set(outcome.familyId, false);
      throw new UnauthenticatedError('errors.auth.refreshInvalid');
    }
    return outcome.session;
  }

  async revokeFamilyOf(presented: string): Promise<void> {
    const familyId = await this.tokens.familyOfHash(hashToken(presented));
    if (familyId) await this.revokeFamily(familyId);
  }

  /** Ends a session: its refresh tokens stop rotating and its access tokens stop being accepted. */
  async revokeFamily(familyId: string): Promise<void> {
    await this.tokens.revokeFamily(familyId);
    this.liveness.set(familyId, false);
  }
}
