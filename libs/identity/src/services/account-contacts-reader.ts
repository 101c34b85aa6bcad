import { Injectable } from '@nestjs/common';
import { AccountsRepository } from '../repositories/accounts.repository';
import { PhoneVerificationsRepository } from '../repositories/phone-verifications.repository';

/** Where a notice to a person can go: their email, their verified phone (else none), their language. */
export interface AccountContact {
  accountId: string;
  email: string | null;
  /** Only a phone the person verified with an SMS code: notices never go to an unconfirmed number. */
  phone: string | null;
  locale: string;
}

/** For the worker side of other contexts (notices to many by SMS or email): contacts of accounts, in batches. */
@Injectable()
export class AccountContactsReader {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly phones: PhoneVerificationsRepository,
  ) {}

  async contactsOf(accountIds: readonly string[]): Promise<AccountContact[]> {
    const out: AccountContact[] = [];
    for (let i = 0; i < accountIds.length; i += 1000) {
      const ids = accountIds.slice(i, i + 1000);
      const [accounts, phones] = await Promise.all([this.accounts.byIds(ids), this.phones.verifiedOfMany(ids)]);
      const phoneOf = new Map(phones.map((p) => [p.accountId, p.phone]));
      for (const a of accounts) out.push({ accountId: a.id, email: a.email, phone: phoneOf.get(a.id) ?? null, locale: a.locale });
    }
    return out;
  }
}
