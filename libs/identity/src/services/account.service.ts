import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, RateLimiter, RateLimitRule } from '@ashar/auth';
import { AuditService } from '@ashar/audit';
import { PG_UNIQUE_VIOLATION, pgConstraint, pgErrorCode } from '@ashar/database';
import { isLocale } from '@ashar/i18n';
import { ConflictError, InvalidInputError, NotFoundError, UnauthenticatedError } from '@ashar/kernel';
import { TerritoryService } from '@ashar/territory';
import { DataSource, In } from 'typeorm';
import { LogInInput, ResidentProfileInput, SignUpInput } from '../dtos/account.types';
import { Account } from '../entities/account.entity';
import { ResidentProfile } from '../entities/resident-profile.entity';
import { PasswordHasher } from './password-hasher';
import { IssuedSession, SessionService } from './session.service';

// A whole village may share one address: per-address limits are generous, per-login ones strict.
export const LOGIN_PER_LOGIN: RateLimitRule = { name: 'login:id', limit: 10, windowSeconds: 15 * 60 };
export const LOGIN_PER_ADDRESS: RateLimitRule = { name: 'login:ip', limit: 300, windowSeconds: 15 * 60 };
export const SIGNUP_PER_IDENTIFIER: RateLimitRule = { name: 'signup:id', limit: 5, windowSeconds: 3600 };
export const SIGNUP_PER_ADDRESS: RateLimitRule = { name: 'signup:ip', limit: 100, windowSeconds: 3600 };

export function normaliseLogin(login: string): { email?: string; phone?: string } {
  const trimmed = login.trim();
  if (trimmed.includes('@')) return { email: trimmed.toLowerCase() };
  return { phone: trimmed.replace(/[\s()-]/g, '') };
}

@Injectable()
export class AccountService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly territory: TerritoryService,
    private readonly audit: AuditService,
    private readonly limiter: RateLimiter,
  ) {}

  async signUp(input: SignUpInput, ip: string): Promise<IssuedSession> {
    const email = input.email?.toLowerCase() ?? null;
    const phone = input.phone ?? null;
    if (!email && !phone) throw new InvalidInputError('input.email', 'errors.validation.emailOrPhone');
    await this.limiter.consume(SIGNUP_PER_ADDRESS, [ip]);
    await this.limiter.consume(SIGNUP_PER_IDENTIFIER, [email, phone]);
    const village = input.villageCode ? await this.territory.requireCurrentUnit(input.villageCode, 'input.villageCode') : null;
    const passwordHash = await this.hasher.hash(input.password);
    try {
      return await this.db.transaction(async (manager) => {
        const account = manager.create(Account, {
          email,
          phone,
          passwordHash,
          displayName: input.displayName,
          locale: input.locale ?? 'ky',
          kind: 'registered',
        });
        await manager.insert(Account, account);
        if (village || input.birthYear || input.gender) {
          await manager.insert(ResidentProfile, {
            accountId: account.id,
            villageUnitId: village?.id ?? null,
            birthYear: input.birthYear ?? null,
            gender: input.gender ?? null,
          });
        }
        await this.audit.record(manager, { accountId: account.id }, {
          action: 'account.signUp',
          entityType: 'Account',
          entityId: account.id,
          after: { email, phone, displayName: account.displayName, villageUnitId: village?.id ?? null },
        });
        return this.sessions.issue(manager, account);
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
    const where = normaliseLogin(input.login);
    const key = where.email ?? where.phone ?? '';
    await this.limiter.consume(LOGIN_PER_ADDRESS, [ip]);
    await this.limiter.consume(LOGIN_PER_LOGIN, [key]);
    const account = await this.db
      .getRepository(Account)
      .createQueryBuilder('a')
      .addSelect('a.passwordHash')
      .where(where.email ? 'a.email = :v' : 'a.phone = :v', { v: key })
      .getOne();
    const ok = await this.hasher.verify(account?.passwordHash ?? null, input.password);
    if (!account || !ok) throw new UnauthenticatedError('errors.auth.invalidCredentials');
    await this.limiter.reset(LOGIN_PER_LOGIN, key);
    return this.db.transaction((manager) => this.sessions.issue(manager, account));
  }

  byIds(ids: readonly string[]): Promise<Account[]> {
    return this.db.getRepository(Account).findBy({ id: In([...ids]) });
  }

  async byId(id: string): Promise<Account> {
    const a = await this.db.getRepository(Account).findOneBy({ id });
    if (!a) throw new NotFoundError('Account', id);
    return a;
  }

  profilesOf(accountIds: readonly string[]): Promise<ResidentProfile[]> {
    return this.db.getRepository(ResidentProfile).findBy({ accountId: In([...accountIds]) });
  }

  async setLocale(actor: Actor, locale: string): Promise<Account> {
    if (!actor.accountId) throw new UnauthenticatedError();
    if (!isLocale(locale)) throw new InvalidInputError('locale', 'errors.validation.invalid');
    await this.db.getRepository(Account).update({ id: actor.accountId }, { locale });
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
    return this.db.transaction(async (manager) => {
      const repo = manager.getRepository(ResidentProfile);
      const before = await repo.findOne({ where: { accountId: subject }, lock: { mode: 'pessimistic_write' } });
      const next = {
        accountId: subject,
        villageUnitId: village ? village.id : before?.villageUnitId ?? null,
        birthYear: input.birthYear !== undefined ? input.birthYear : before?.birthYear ?? null,
        gender: input.gender !== undefined ? input.gender : before?.gender ?? null,
      };
      const saved = await repo.save(next);
      await this.audit.record(manager, actor.toAudit(), {
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
