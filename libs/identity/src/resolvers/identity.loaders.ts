import { byKeys, RequestContext } from '@ashar/graphql';
import { Account } from '../entities/account.entity';
import { AccountService } from '../services/account.service';

/** One loader per request for accounts by id (for author and member names), shared by every context. */
export function accountByIdLoader(ctx: RequestContext, accounts: AccountService) {
  return ctx.loaders.get<string, Account | null>('identity.accountById', async (ids) => byKeys(ids, await accounts.byIds(ids), (a) => a.id));
}
