import { gql, ok } from '../../../../test/support/graphql-client';
import { RunningApi, startApi } from '../../../../test/support/api-harness';
import { COMMENTS_PER_ACCOUNT } from '../budgets.rate-limits';
import { count, platformAdmin, publishedBudget, village, Village } from './support';

const COMMENT = `mutation($input: AddBudgetCommentInput!) { addBudgetComment(input: $input) { id } }`;

describe('write limits per account hold in Redis across API replicas', () => {
  let a: RunningApi;
  let b: RunningApi;
  let v: Village;
  let versionId: string;
  beforeAll(async () => {
    a = await startApi({ label: 'limits_a', redis: true });
    // A second API process on the same database and Redis prefix: a replica.
    b = await startApi({ label: 'limits_b', redis: true, env: { DATABASE_URL: a.config.databaseUrl, REDIS_PREFIX: a.config.redisPrefix } });
    const platform = await platformAdmin(a);
    v = await village(a, platform, '41707220840000', 'Ак-Дөбө');
    versionId = (await publishedBudget(a, v, 2025, [{ direction: 'REVENUE', economicCode: '11111', amount: '1000' }])).versionId;
  });
  afterAll(async () => {
    await b?.stop(); // drops only its own unused database
    await a?.stop();
  });

  it(`refuses the comment past ${COMMENTS_PER_ACCOUNT.limit} in ${COMMENTS_PER_ACCOUNT.windowSeconds / 60} minutes, whichever replica gets it, and stores nothing more`, async () => {
    for (let i = 0; i < COMMENTS_PER_ACCOUNT.limit; i++) {
      const api = i % 2 ? b : a;
      ok(await gql(api.baseUrl, COMMENT, { input: { versionId, body: `Сунуш ${i}` } }, { token: v.citizen.token }));
    }
    const refused = await gql(b.baseUrl, COMMENT, { input: { versionId, body: 'дагы бир' } }, { token: v.citizen.token });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', messageKey: 'errors.TOO_MANY_REQUESTS' });
    expect(Number(refused.errors?.[0]?.extensions.retryAfterSeconds)).toBeGreaterThan(0);
    expect(await count(a, 'thread_messages m JOIN threads t ON t.id = m.thread_id', `t.subject_type = 'budget-version'`)).toBe(COMMENTS_PER_ACCOUNT.limit);
    // Another resident is not affected; a refused (invalid) comment does not count.
    ok(await gql(a.baseUrl, COMMENT, { input: { versionId, body: 'Менин пикирим' } }, { token: v.admin.token }));
  });
});
