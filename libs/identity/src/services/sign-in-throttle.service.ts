import { Injectable } from '@nestjs/common';
import { RateLimiter, RateLimitRule } from '@ashar/auth';
import { AuditService } from '@ashar/audit';
import { AppConfig, DomainError, TooManyRequestsError } from '@ashar/kernel';
import { TransactionRunner } from '@ashar/database';
import { NotificationService } from '@ashar/notifications';
import { InjectAppLogger, InjectConfig } from '@ashar/runtime';
import { randomBytes } from 'crypto';
import { Logger } from 'pino';
import { Account } from '../entities/account.entity';
import { AccountsRepository } from '../repositories/accounts.repository';
import { SignInUnlocksRepository } from '../repositories/sign-in-unlocks.repository';
import { hashToken } from './session.service';

/**
 * Wrong passwords slow the guesser down without locking the owner out:
 * - per (login, address): from the 5th wrong password on, each makes that pair wait 15 s, 30 s, 60 s …
 *   up to 15 min (no captcha); attempts during the wait are refused unchecked (they teach nothing, and do
 *   not lengthen the wait, so an impatient owner is not punished). The owner on another address is not affected, and a
 *   right password (once the wait is over) clears the pair.
 * - per login, from all addresses: at most 100 failures an hour. The 100th sends the owner a one-time
 *   unlock link (`unlockSignIn`), the only way the ceiling stops the owner too.
 * - per address: 300 attempts in 15 min, whatever the login (a village often shares one address).
 */
export const LOGIN_PER_ADDRESS: RateLimitRule = { name: 'login:ip', limit: 300, windowSeconds: 15 * 60 };
/** Attempts of one (login, address) pair since its last success: 5 run freely, later ones one at a time. */
export const LOGIN_ATTEMPTS_PER_PAIR: RateLimitRule = { name: 'login:pair', limit: 5, windowSeconds: 24 * 3600 };
/** Wrong passwords of the pair since its last success; the wait grows with them. */
export const LOGIN_FAILURES_PER_PAIR: RateLimitRule = { name: 'login:pairfail', limit: 5, windowSeconds: 24 * 3600 };
export const LOGIN_WAIT_PER_PAIR = { name: 'login:wait' };
export const LOGIN_FAILURES_PER_LOGIN: RateLimitRule = { name: 'login:fail', limit: 100, windowSeconds: 3600 };
export const UNLOCK_PER_ADDRESS: RateLimitRule = { name: 'unlock:ip', limit: 20, windowSeconds: 3600 };
export const UNLOCK_TTL_HOURS = 24;
const FIRST_WAIT_SECONDS = 15;
// How long an attempt past the free five holds the pair's slot while its password is checked.
const SLOT_SECONDS = 60;
const MAX_WAIT_SECONDS = 15 * 60;

/** Seconds a (login, address) pair must wait after its n-th wrong password. */
export function signInDelaySeconds(failures: number): number {
  if (failures < LOGIN_FAILURES_PER_PAIR.limit) return 0;
  return Math.min(MAX_WAIT_SECONDS, FIRST_WAIT_SECONDS * 2 ** (failures - LOGIN_FAILURES_PER_PAIR.limit));
}

const pair = (login: string, ip: string) => `${login}|${ip}`;

@Injectable()
export class SignInThrottleService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly unlocks: SignInUnlocksRepository,
    private readonly accounts: AccountsRepository,
    private readonly limiter: RateLimiter,
    private readonly audit: AuditService,
    private readonly notifications: NotificationService,
    @InjectConfig() private readonly config: AppConfig,
    @InjectAppLogger() private readonly log: Logger,
  ) {}

  /**
   * Counts the attempt and refuses it (before the password is checked) while its (login, address) pair
   * waits or the login is at its ceiling. Past the free attempts each one must take the pair's single slot
   * (atomically), so parallel requests cannot guess around the wait. Returns whether this attempt holds it.
   */
  async beforeAttempt(login: string, ip: string): Promise<{ heldSlot: boolean }> {
    await this.limiter.consume(LOGIN_PER_ADDRESS, [ip]);
    const failures = await this.limiter.peek(LOGIN_FAILURES_PER_LOGIN, login);
    if (failures && failures.count >= LOGIN_FAILURES_PER_LOGIN.limit) throw new TooManyRequestsError(failures.resetInSeconds);
    const { count: attempt } = await this.limiter.hit(LOGIN_ATTEMPTS_PER_PAIR, pair(login, ip));
    if (attempt > LOGIN_ATTEMPTS_PER_PAIR.limit) {
      // Held until the failure below sets the real wait (or a success clears it).
      const mine = await this.limiter.claim(LOGIN_WAIT_PER_PAIR, pair(login, ip), SLOT_SECONDS);
      if (!mine) {
        const wait = await this.limiter.peek(LOGIN_WAIT_PER_PAIR, pair(login, ip));
        throw new TooManyRequestsError(wait?.resetInSeconds ?? 1);
      }
      return { heldSlot: true };
    }
    return { heldSlot: false };
  }

  /** Counts a wrong password; `account` is null for an unknown login (counted all the same). */
  async failed(login: string, ip: string, attempt: { heldSlot: boolean }, account: Account | null): Promise<void> {
    const { count: pairFailures } = await this.limiter.hit(LOGIN_FAILURES_PER_PAIR, pair(login, ip));
    // Past the free attempts a failure always waits, even while earlier parallel ones are still being counted.
    const delay = attempt.heldSlot ? Math.max(FIRST_WAIT_SECONDS, signInDelaySeconds(pairFailures)) : signInDelaySeconds(pairFailures);
    // Replaces the slot this attempt may have held with the wait (a free attempt leaves others' slots alone).
    if (delay > 0) await this.limiter.hold(LOGIN_WAIT_PER_PAIR, pair(login, ip), delay);
    const { count } = await this.limiter.hit(LOGIN_FAILURES_PER_LOGIN, login);
    // Exactly one hit sees the count equal the ceiling (the counters are atomic), so one notice per window.
    if (count === LOGIN_FAILURES_PER_LOGIN.limit && account) {
      // The person guessing still gets "wrong password"; a failed notice is logged, not shown to them.
      await this.sendUnlock(account, login).catch((err) => this.log.error({ err, accountId: account.id }, 'sign-in unlock notice not enqueued'));
    }
  }

  async succeeded(login: string, ip: string): Promise<void> {
    await this.limiter.reset(LOGIN_ATTEMPTS_PER_PAIR, pair(login, ip));
    await this.limiter.reset(LOGIN_FAILURES_PER_PAIR, pair(login, ip));
    await this.limiter.reset(LOGIN_WAIT_PER_PAIR, pair(login, ip));
  }

  /** Clears the throttle of the account the code was sent for (every login of it, and this address). */
  async unlock(token: string, ip: string): Promise<void> {
    await this.limiter.consume(UNLOCK_PER_ADDRESS, [ip]);
    await this.tx.run(async (tx) => {
      const row = await this.unlocks.lockByTokenHash(tx, hashToken(token));
      if (!row || row.usedAt || row.expiresAt.getTime() <= Date.now()) {
        throw new DomainError('NOT_FOUND', 'errors.auth.unlockInvalid', 'Unlock code not valid');
      }
      await this.unlocks.markUsed(tx, row.id);
      await this.audit.record(tx, { accountId: row.accountId }, { action: 'account.unlockSignIn', entityType: 'Account', entityId: row.accountId, after: { unlockId: row.id } });
      const account = await this.accounts.byId(row.accountId, tx);
      if (!account) throw new DomainError('NOT_FOUND', 'errors.auth.unlockInvalid', 'Unlock code not valid');
      // Cleared before the commit: if clearing fails the code is not spent and can be used again.
      for (const login of [account.email, account.phone]) {
        if (!login) continue;
        await this.limiter.reset(LOGIN_FAILURES_PER_LOGIN, login);
        await this.succeeded(login, ip);
      }
    });
  }

  private async sendUnlock(account: Account, login: string): Promise<void> {
    const token = randomBytes(32).toString('base64url');
    const link = `${this.config.publicUrl}/unlock-sign-in/${token}`;
    await this.tx.run(async (tx) => {
      const row = await this.unlocks.insert(tx, { accountId: account.id, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + UNLOCK_TTL_HOURS * 3600_000) });
      // The notice goes to the login that was attacked: it is the owner's own email or phone.
      await this.notifications.send(tx, {
        recipient: { accountId: account.id, ...(login.includes('@') ? { email: login } : { phone: login }) },
        channel: login.includes('@') ? 'email' : 'sms',
        templateKey: 'notifications.signInUnlock',
        params: { link, hours: UNLOCK_TTL_HOURS },
        secretParams: ['link'],
        locale: account.locale,
        idempotencyKey: `sign-in-unlock.${row.id}`,
      });
    });
    this.notifications.dispatchSoon();
  }
}
