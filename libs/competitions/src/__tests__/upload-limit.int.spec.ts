import { RunningApi, startApi } from '../../../../test/support/api-harness';
import { ok } from '../../../../test/support/graphql-client';
import { person, platformAdmin, Person, village, Village } from '../../../budgets/src/__tests__/support';
import { FILE_UPLOADS_PER_ACCOUNT } from '../competitions.rate-limits';
import { openCall, PDF, start, uploadFile } from './support';

/** The upload limit per account holds in Redis across two API replicas on one database. */
let a: RunningApi;
let b: RunningApi;
let v: Village;
let applicant: Person;
let stranger: Person;
let applicationId: string;

beforeAll(async () => {
  a = await startApi({ label: 'cmplimit_a', redis: true });
  b = await startApi({ label: 'cmplimit_b', redis: true, env: { DATABASE_URL: a.config.databaseUrl, REDIS_PREFIX: a.config.redisPrefix } });
  const platform = await platformAdmin(a);
  v = await village(a, platform, '41707220840000', 'Ак-Дөбө');
  applicant = await person(a, 'Өтүнүүчү');
  stranger = await person(a, 'Бөтөн');
  const call = await openCall(a, v.admin, v.communityId);
  applicationId = ok(await start(a, applicant, call.id)).startApplication.id;
});
afterAll(async () => {
  await b?.stop();
  await a?.stop();
});

const files = () => a.dataSource.query(`SELECT count(*)::int AS n FROM cmp_files`).then((r) => r[0].n as number);

test(`refuses the upload past ${FILE_UPLOADS_PER_ACCOUNT.limit} an hour, whichever replica gets it, before the body is read, and stores nothing`, async () => {
  // Refused callers do not spend anyone's allowance (nor their own): counted after the permission check.
  for (let i = 0; i < 3; i++) expect((await uploadFile(b, stranger.token, applicationId)).status).toBe(404);
  for (let i = 0; i < FILE_UPLOADS_PER_ACCOUNT.limit; i++) {
    const r = await uploadFile(i % 2 ? b : a, applicant.token, applicationId, Buffer.concat([PDF, Buffer.from(`% ${i}\n`)]));
    expect(r.status).toBe(201);
  }
  expect(await files()).toBe(FILE_UPLOADS_PER_ACCOUNT.limit);
  const refused = await uploadFile(b, applicant.token, applicationId, Buffer.concat([PDF, Buffer.from('% over\n')]));
  expect(refused.status).toBe(429);
  const body = (await refused.json()) as { code: string; retryAfterSeconds: number };
  expect(body.code).toBe('TOO_MANY_REQUESTS');
  expect(body.retryAfterSeconds).toBeGreaterThan(0);
  expect((await uploadFile(a, applicant.token, applicationId)).status).toBe(429);
  expect(await files()).toBe(FILE_UPLOADS_PER_ACCOUNT.limit);
  // Another applicant is not affected.
  const other = ok(await start(a, stranger, (await a.dataSource.query(`SELECT call_id FROM cmp_applications WHERE id = $1`, [applicationId]))[0].call_id)).startApplication.id;
  expect((await uploadFile(a, stranger.token, other)).status).toBe(201);
});
