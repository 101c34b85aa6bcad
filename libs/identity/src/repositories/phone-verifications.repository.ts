import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { managerOf, Transaction } from '@ashar/database';
import { DataSource, In, IsNull } from 'typeorm';
import { PhoneVerificationCode } from '../entities/phone-verification-code.entity';
import { VerifiedPhone } from '../entities/verified-phone.entity';

/** Statements on `phone_verification_codes` (hashed SMS codes) and `verified_phones`. */
@Injectable()
export class PhoneVerificationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Spends the account's live codes (a new one replaces them) and inserts the new row with its id chosen by the caller. */
  async replaceCode(tx: Transaction, row: Pick<PhoneVerificationCode, 'id' | 'accountId' | 'phone' | 'codeHash' | 'expiresAt'>): Promise<void> {
    const m = managerOf(tx);
    await m.update(PhoneVerificationCode, { accountId: row.accountId, spentAt: IsNull() }, { spentAt: new Date() });
    await m.insert(PhoneVerificationCode, m.create(PhoneVerificationCode, row));
  }

  /** The account's latest code, locked until the transaction ends (attempts are counted one at a time). */
  latestCodeForUpdate(tx: Transaction, accountId: string): Promise<PhoneVerificationCode | null> {
    return managerOf(tx).findOne(PhoneVerificationCode, { where: { accountId }, order: { createdAt: 'DESC' }, lock: { mode: 'pessimistic_write' } });
  }

  async countAttempt(tx: Transaction, id: string, attempts: number): Promise<void> {
    await managerOf(tx).update(PhoneVerificationCode, { id }, { attempts });
  }

  async spend(tx: Transaction, id: string): Promise<void> {
    await managerOf(tx).update(PhoneVerificationCode, { id }, { spentAt: new Date() });
  }

  /** Sets the account's verified phone (replacing an earlier one). */
  async setVerified(tx: Transaction, accountId: string, phone: string): Promise<VerifiedPhone> {
    const row = { accountId, phone, verifiedAt: new Date() };
    await managerOf(tx).upsert(VerifiedPhone, row, ['accountId']);
    return row;
  }

  verifiedOf(accountId: string, tx?: Transaction): Promise<VerifiedPhone | null> {
    return managerOf(tx, this.db).findOneBy(VerifiedPhone, { accountId });
  }

  verifiedOfMany(accountIds: readonly string[]): Promise<VerifiedPhone[]> {
    return accountIds.length ? this.db.getRepository(VerifiedPhone).findBy({ accountId: In([...accountIds]) }) : Promise.resolve([]);
  }

  /** The account that verified this number, if any. */
  async holderOf(phone: string, tx?: Transaction): Promise<string | null> {
    const row = await managerOf(tx, this.db).findOneBy(VerifiedPhone, { phone });
    return row?.accountId ?? null;
  }
}
