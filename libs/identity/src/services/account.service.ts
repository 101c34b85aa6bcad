import { Injectable } from '@nestjs/common';
import { Actor, RateLimiter, RateLimitRule } from '@ashar/auth';
import { AuditService } from '@ashar/audit';
import { PG_UNIQUE_VIOLATION, pgConstraint, pgErrorCode, TransactionRunner } from '@ashar/database';
import { isLocale } from '@ashar/i18n';
import { AppConfig, ConflictError, InvalidInputError, looksLikePhone, normalisePhoneGuess, NotFoundError, PHONE_ERROR_KEY, PHONE_EXAMPLE, PhoneCountry, UnauthenticatedError } from '@ashar/kernel';
import { InjectConfig } from '@ashar/runtime';
import { TerritoryService } from '@ashar/territory';
import { LogInInput, ResidentProfileInput, SignUpInput } from '../dtos/account.types';
import { Account } from '../entities/account.entity';
import { ResidentProfile } from '../entities/resident-profile.entity';
import { AccountsRepository } from '../repositories/accounts.repository';
import { ResidentProfilesRepository } from '../repositories/resident-profiles.repository';
import { PasswordHasher } from './password-hasher';
import { SignInThrottleService } from './sign-in-throttle.service';
import { IssuedSession, SessionService } from './session.service';

export const SIGNUP_PER_IDENTIFIER: RateLimitRule = { name: 'signup:id', limit: 5, windowSeconds: 3600 };

/**
 * Sign-up floods (SIGNUP_LIMITS, default 10/60/120/2000): per address 10 a minute and 60 an hour, so a
 * budget-group member can sign up 30 residents from one phone at a village meeting; all addresses
 * together 120 a minute and 2000 an hour, which bounds a flood from many addresses. The counters are in
 * Redis or PostgreSQL, shared by every replica.
 */
export function signupRules(limits: AppConfig['signupLimits']): { perAddress: RateLimitRule[]; all: RateLimitRule[] } {
  return {
    perAddress: [
      { name: 'signup:ip:min', limit: limits.perAddressPerMinute, windowSeconds: 60 },
      { name: 'signup:ip:hour', limit: limits.perAddressPerHour, windowSeconds: 3600 },
    ],
    all: [
      { name: 'signup:all:min', limit: limits.allPerMinute, windowSeconds: 60 },
      { name: 'signup:all:hour', limit: limits.allPerHour, windowSeconds: 3600 },
    ],
  };
}

/**
 * An email (lower-cased) or a phone number in E.164. A phone written the local way ("0700 123 456",
 * "8 701 123 4567") is read for `country` first, then for the other country whose domestic format it
 * has (kernel `normalisePhoneGuess`); one that cannot be a phone is kept as typed without its spaces
 * (it then matches no account and reaches no one). Invitations call this for their recipient.
 */
export function normaliseLogin(login: string, country: PhoneCountry = 'KG'): { email?: string; phone?: string } {
  const r = readLogin(login, country);
  return r.email ? { email: r.email } : { phone: r.phone };
}

/** normaliseLogin, and why a phone is impossible (`phoneProblem`, a catalogue key): sign-up and log-in say so. */
export function readLogin(login: string, country: PhoneCountry = 'KG'): { email?: string; phone?: string; phoneProblem?: string } {
  const trimmed = login.trim();
  if (trimmed.includes('@')) return { email: trimmed.toLowerCase() };
  const r = normalisePhoneGuess(trimmed, country);
  if (r.ok) return { phone: r.e164 };
  return { phone: trimmed.replace(/[\s()-]/g, ''), phoneProblem: PHONE_ERROR_KEY[r.problem] };
}

/** The E.164 form of a phone typed at `field`, or BAD_USER_INPUT with the country's example. */
export function requirePhone(field: string, input: string, country: PhoneCountry = 'KG'): string {
  const where = readLogin(input.replace(/@/g, ''), country);
  if (where.phoneProblem || !where.phone || !looksLikePhone(input)) {
    throw new InvalidInputError(field, where.phoneProblem ?? PHONE_ERROR_KEY.notAPhone, undefined, { example: PHONE_EXAMPLE[country] });
  }
  return where.phone;
}

@Injectable()
export class AccountService {
  private readonly signupRules: ReturnType<typeof signupRules>;

  constructor(
    private readonly tx: TransactionRunner,
    private readonly accounts: AccountsRepository,
    private readonly profiles: ResidentProfilesRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly territory: TerritoryService,
    private readonly audit: AuditService,
    private readonly limiter: RateLimiter,
    private readonly throttle: SignInThrottleService,
    @InjectConfig() private readonly config: AppConfig,
  ) {
    this.signupRules = signupRules(config.signupLimits);
  }

  async signUp(input: SignUpInput, ip: string): Promise<IssuedSession> {
    const email = input.email?.toLowerCase() ?? null;
    const phone = input.phone ? requirePhone('input.phone', input.phone, input.phoneCountry ?? 'KG') : null;
    if (!email && !phone) throw new InvalidInputError('input.email', 'errors.validation.emailOrPhone');
    // Per address first: one flooding address must not use up everybody's budget.
    for (const rule of this.signupRules.perAddress) await this.limiter.consume(rule, [ip]);
    for (const rule of this.signupRules.all) await this.limiter.consume(rule, ['*']);
    await this.limiter.consume(SIGNUP_PER_IDENTIFIER, [email, phone]);
    const village = input.villageCode ? await this.territory.requireCurrentUnit(input.villageCode, 'input.villageCode') : null;
    const passwordHash = await this.hasher.hash(input.password);
    try {
      return await this.tx.run(async (tx) => {
        const account = await this.accounts.insert(tx, {
          email,
          phone,
          passwordHash,
          displayName: input.displayName,
          locale: input.locale ?? 'ky',
          kind: 'registered',
        });
        if (village || input.birthYear || input.gender) {
          await this.profiles.insert(tx, {
            accountId: account.id,
            villageUnitId: village?.id ?? null,
            birthYear: input.birthYear ?? null,
            gender: input.gender ?? null,
          });
        }
        await this.audit.record(tx, { accountId: account.id }, {
          action: 'account.signUp',
          entityType: 'Account',
          entityId: account.id,
          after: { email, phone, displayName: account.displayName, villageUnitId: village?.id ?? null },
        });
        return this.sessions.issue(tx, account);
      });
    } catch (e) {
      if (pgErrorCode(e) === PG_UNIQUE_VIOLATION) {
        const field = pgConstraint(e) === 'uq_accounts_phone' ? 'input.phone' : 'input.email';
        throw new ConflictError('errors.auth.accountExists', `${field}: an account already exists`, { field });
      }
      throw e;
    }
  }

  async logIn(input: LogInInput, ip: string): Promise<IssuedSession> {
    const country = input.phoneCountry ?? 'KG';
    const where = readLogin(input.login, country);
    // "0700 12": a phone nobody can have; saying "wrong login or password" would send people looking for a typo in the password.
    if (where.phoneProblem && looksLikePhone(input.login)) {
      throw new InvalidInputError('input.login', where.phoneProblem, undefined, { example: PHONE_EXAMPLE[country] });
    }
    const key = where.email ?? where.phone ?? '';
    const attempt = await this.throttle.beforeAttempt(key, ip);
    const account = await this.accounts.findByLoginWithHash(where.email ? { email: key } : { phone: key });
    const ok = await this.hasher.verify(account?.passwordHash ?? null, input.password);
    if (!account || !ok) {
      await this.throttle.failed(key, ip, attempt, account ?? null);
      throw new UnauthenticatedError('errors.auth.invalidCredentials');
    }
    await this.throttle.succeeded(key, ip);
    return this.tx.run((tx) => this.sessions.issue(tx, account));
  }

  byIds(ids: readonly string[]): Promise<Account[]> {
    return this.accounts.byIds(ids);
  }

  async byId(id: string): Promise<Account> {
    const a = await this.accounts.byId(id);
    if (!a) throw new NotFoundError('Account', id);
    return a;
  }

  profilesOf(accountIds: readonly string[]): Promise<ResidentProfile[]> {
    return this.profiles.ofAccounts(accountIds);
  }

  async setLocale(actor: Actor, locale: string): Promise<Account> {
    if (!actor.accountId) throw new UnauthenticatedError();
    if (!isLocale(locale)) throw new InvalidInputError('locale', 'errors.validation.invalid');
    await this.accounts.setLocale(actor.accountId, locale);
    return this.byId(actor.accountId);
  }

  /**
   * Updates the resident profile of the effective person: the signed-in account, or the resident a
   * budget-group member acts for (the audit row records both, with the reason).
   */
  async updateProfile(actor: Actor, input: ResidentProfileInput): Promise<ResidentProfile> {
    if (!actor.accountId) throw new UnauthenticatedError();
    const subject = actor.onBehalfOf?.accountId ?? actor.accountId;
    const village = input.villageCode ? await this.territory.requireCurrentUnit(input.villageCode, 'input.villageCode') : null;
    return this.tx.run(async (tx) => {
      // Lock the account, which always exists: a row lock on a profile that is not there yet locks
      // nothing, and two first updates at once both inserted (duplicate key, answered 500).
      await this.accounts.lock(tx, subject);
      const before = await this.profiles.ofAccount(tx, subject);
      const next = {
        accountId: subject,
        villageUnitId: village ? village.id : before?.villageUnitId ?? null,
        birthYear: input.birthYear !== undefined ? input.birthYear : before?.birthYear ?? null,
        gender: input.gender !== undefined ? input.gender : before?.gender ?? null,
      };
      const saved = await this.profiles.save(tx, next);
      await this.audit.record(tx, actor.toAudit(), {
        action: 'resident.updateProfile',
        entityType: 'ResidentProfile',
        entityId: subject,
        before: before ? { villageUnitId: before.villageUnitId, birthYear: before.birthYear, gender: before.gender } : null,
        after: { villageUnitId: next.villageUnitId, birthYear: next.birthYear, gender: next.gender },
      });
      return saved;
    });
  }
}
