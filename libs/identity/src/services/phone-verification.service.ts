import { Injectable } from '@nestjs/common';
import { Actor, RateLimiter } from '@ashar/auth';
import { AuditService } from '@ashar/audit';
import { PG_UNIQUE_VIOLATION, pgErrorCode, TransactionRunner } from '@ashar/database';
import { AppConfig, ConflictError, InvalidInputError, PhoneCountry, UnauthenticatedError } from '@ashar/kernel';
import { NotificationService } from '@ashar/notifications';
import { InjectConfig } from '@ashar/runtime';
import { createHmac, randomInt, randomUUID, timingSafeEqual } from 'crypto';
import { VerifiedPhone } from '../entities/verified-phone.entity';
import { AccountsRepository } from '../repositories/accounts.repository';
import { PhoneVerificationsRepository } from '../repositories/phone-verifications.repository';
import { requirePhone } from './account.service';
import { PHONE_CODES_PER_ACCOUNT, PHONE_CODES_PER_ADDRESS, PHONE_CODES_PER_PHONE } from './phone-verification.rate-limits';

export const PHONE_CODE_TTL_MINUTES = 10;
export const PHONE_CODE_MAX_ATTEMPTS = 5;
const CODE = /^\d{6}$/;

type Refusal = 'noCode' | 'expired' | 'exhausted' | 'wrongCode' | 'phoneTaken';

/**
 * Phone verification (level PHONE): a 6-digit code by SMS (notifications' SMS channel, in the account's
 * language), kept only as HMAC-SHA256(server key, row id + code), valid 10 minutes, dead after 5 wrong
 * attempts; confirming it records the number as the account's verified phone.
 */
@Injectable()
export class PhoneVerificationService {
  private readonly key: Buffer;

  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: PhoneVerificationsRepository,
    private readonly accounts: AccountsRepository,
    private readonly notifications: NotificationService,
    private readonly limiter: RateLimiter,
    private readonly audit: AuditService,
    @InjectConfig() config: AppConfig,
  ) {
    // Derived, so that the codes' key is not the token-signing key itself.
    this.key = createHmac('sha256', config.jwtSecret).update('ashar-phone-code').digest();
  }

  private hash(id: string, code: string): string {
    return createHmac('sha256', this.key).update(`${id}:${code}`).digest('hex');
  }

  async request(actor: Actor, phoneInput: string, country: PhoneCountry, ip: string): Promise<{ phone: string; expiresAt: Date; attemptsAllowed: number }> {
    const accountId = actor.accountId;
    if (!accountId) throw new UnauthenticatedError();
    await this.limiter.consume(PHONE_CODES_PER_ACCOUNT, [accountId]);
    await this.limiter.consume(PHONE_CODES_PER_ADDRESS, [ip]);
    const phone = requirePhone('input.phone', phoneInput, country);
    await this.limiter.consume(PHONE_CODES_PER_PHONE, [phone]);
    const account = await this.accounts.byId(accountId);
    if (!account) throw new UnauthenticatedError();
    const mine = await this.repo.verifiedOf(accountId);
    if (mine?.phone === phone) throw new ConflictError('errors.phoneVerification.alreadyVerified', 'this phone is verified already');
    const holder = await this.repo.holderOf(phone);
    const loginOwner = await this.accounts.findByLoginWithHash({ phone });
    if ((holder && holder !== accountId) || (loginOwner && loginOwner.id !== accountId)) {
      throw new ConflictError('errors.phoneVerification.phoneTaken', 'another account holds this phone', { field: 'input.phone' });
    }
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const id = randomUUID();
    const expiresAt = new Date(Date.now() + PHONE_CODE_TTL_MINUTES * 60_000);
    await this.tx.run(async (tx) => {
      await this.repo.replaceCode(tx, { id, accountId, phone, codeHash: this.hash(id, code), expiresAt });
      await this.notifications.send(tx, {
        recipient: { accountId, phone },
        channel: 'sms',
        templateKey: 'notifications.phoneCode',
        params: { code, minutes: PHONE_CODE_TTL_MINUTES },
        secretParams: ['code'],
        locale: account.locale,
        idempotencyKey: `phone-code.${id}`,
      });
    });
    this.notifications.dispatchSoon();
    return { phone, expiresAt, attemptsAllowed: PHONE_CODE_MAX_ATTEMPTS };
  }

  /**
   * Checks the code against the account's latest one. A wrong attempt is counted (committed) before
   * the refusal is answered, so the five attempts hold whatever the caller does.
   */
  async confirm(actor: Actor, codeInput: string): Promise<VerifiedPhone> {
    const accountId = actor.accountId;
    if (!accountId) throw new UnauthenticatedError();
    const code = codeInput.replace(/\s/g, '');
    if (!CODE.test(code)) throw new InvalidInputError('input.code', 'errors.phoneVerification.codeFormat');
    let outcome: { verified: VerifiedPhone } | { refused: Refusal; attemptsLeft?: number };
    try {
      outcome = await this.tx.run(async (tx) => {
        const row = await this.repo.latestCodeForUpdate(tx, accountId);
        if (!row || row.spentAt) return { refused: 'noCode' as const };
        if (row.attempts >= PHONE_CODE_MAX_ATTEMPTS) return { refused: 'exhausted' as const };
        if (row.expiresAt.getTime() <= Date.now()) return { refused: 'expired' as const };
        if (!timingSafeEqual(Buffer.from(this.hash(row.id, code)), Buffer.from(row.codeHash))) {
          const attempts = row.attempts + 1;
          await this.repo.countAttempt(tx, row.id, attempts);
          return attempts >= PHONE_CODE_MAX_ATTEMPTS ? { refused: 'exhausted' as const } : { refused: 'wrongCode' as const, attemptsLeft: PHONE_CODE_MAX_ATTEMPTS - attempts };
        }
        await this.repo.spend(tx, row.id);
        const holder = await this.repo.holderOf(row.phone, tx);
        if (holder && holder !== accountId) return { refused: 'phoneTaken' as const };
        const verified = await this.repo.setVerified(tx, accountId, row.phone);
        await this.audit.record(tx, actor.toAudit(), { action: 'account.phoneVerified', entityType: 'Account', entityId: accountId, after: { phone: row.phone } });
        return { verified };
      });
    } catch (e) {
      // Two accounts confirming the same number at once: the unique index lets one through.
      if (pgErrorCode(e) === PG_UNIQUE_VIOLATION) outcome = { refused: 'phoneTaken' };
      else throw e;
    }
    if ('verified' in outcome) return outcome.verified;
    if (outcome.refused === 'phoneTaken') throw new ConflictError('errors.phoneVerification.phoneTaken', 'another account holds this phone');
    throw new InvalidInputError('input.code', `errors.phoneVerification.${outcome.refused}`, undefined, outcome.attemptsLeft !== undefined ? { attemptsLeft: outcome.attemptsLeft } : {});
  }

  /** The account's verified phone, or null (for the account itself, and for contexts checking a level). */
  verifiedPhoneOf(accountId: string): Promise<VerifiedPhone | null> {
    return this.repo.verifiedOf(accountId);
  }

  /** The account that verified this number (E.164), or null: who a vote by SMS comes from. */
  accountOfVerifiedPhone(phone: string): Promise<string | null> {
    return this.repo.holderOf(phone);
  }
}
