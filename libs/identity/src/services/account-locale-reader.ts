import { Injectable } from '@nestjs/common';
import { AccountsRepository } from '../repositories/accounts.repository';

/** What the worker side of other contexts reads of accounts: the language to write to each person in. */
@Injectable()
export class AccountLocaleReader {
  constructor(private readonly accounts: AccountsRepository) {}

  /** account id → its language (accounts that do not exist are left out). */
  async localesOf(ids: readonly string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    return new Map((await this.accounts.byIds(ids)).map((a) => [a.id, a.locale]));
  }
}
