import { gql, ok } from '../../../../test/support/graphql-client';
import { RunningApi } from '../../../../test/support/api-harness';

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { accessToken account { id } } }`;
const LOG_IN = `mutation($input: LogInInput!) { logIn(input: $input) { accessToken } }`;
const CREATE_COMMUNITY = `mutation($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`;
const INVITE = `mutation($input: CreateInvitationInput!) { createInvitation(input: $input) { token } }`;
const ACCEPT = `mutation($t: String!) { acceptInvitation(token: $t) { role } }`;

export interface Person {
  token: string;
  id: string;
  email: string;
}

export const PASSWORD = 'long enough pw';

let seq = 0;

export async function person(api: RunningApi, name: string): Promise<Person> {
  const email = `u${name.toLowerCase().replace(/[^a-z0-9]/g, '')}.${++seq}.${Date.now()}@example.kg`;
  const s = ok(await gql(api.baseUrl, SIGN_UP, { input: { email, password: 'long enough pw', displayName: name } })).signUp;
  return { token: s.accessToken, id: s.account.id, email };
}

export async function platformAdmin(api: RunningApi): Promise<Person> {
  const email = `platform.${++seq}.${Date.now()}@example.kg`;
  const s = ok(await gql(api.baseUrl, SIGN_UP, { input: { email, password: 'long enough pw', displayName: 'Platform' } })).signUp;
  await api.dataSource.query('UPDATE accounts SET platform_admin = true WHERE id = $1', [s.account.id]);
  const token = ok(await gql(api.baseUrl, LOG_IN, { input: { login: email, password: 'long enough pw' } })).logIn.accessToken;
  return { token, id: s.account.id, email };
}

export async function community(api: RunningApi, admin: Person, unitCode: string, name: string): Promise<string> {
  return ok(await gql(api.baseUrl, CREATE_COMMUNITY, { input: { unitCode, kind: 'BUDGET_GROUP', names: { ky: name, ru: name } } }, { token: admin.token })).createCommunity.id;
}

export async function member(api: RunningApi, admin: Person, communityId: string, role: string, name: string): Promise<Person> {
  const p = await person(api, name);
  const { token } = ok(await gql(api.baseUrl, INVITE, { input: { communityId, role } }, { token: admin.token })).createInvitation;
  ok(await gql(api.baseUrl, ACCEPT, { t: token }, { token: p.token }));
  return p;
}

/** A village with two budget-group members, a community admin (not a platform admin) and a citizen. */
export interface Village {
  communityId: string;
  a: Person;
  b: Person;
  admin: Person;
  citizen: Person;
}

export async function village(api: RunningApi, platform: Person, unitCode: string, name: string): Promise<Village> {
  const communityId = await community(api, platform, unitCode, name);
  return {
    communityId,
    a: await member(api, platform, communityId, 'BUDGET_GROUP_MEMBER', 'Айгүл'),
    b: await member(api, platform, communityId, 'BUDGET_GROUP_MEMBER', 'Бакыт'),
    admin: await member(api, platform, communityId, 'COMMUNITY_ADMIN', 'Нурлан'),
    citizen: await member(api, platform, communityId, 'CITIZEN', 'Жаран'),
  };
}

export const CREATE_BUDGET = `mutation($input: CreateBudgetInput!) { createBudget(input: $input) { id openVersion { id revision number status } } }`;
export const SAVE_LINES = `mutation($input: SaveBudgetLinesInput!) { saveBudgetLines(input: $input) { id revision status lines { lineKey economicCode amount } } }`;
export const SUBMIT = `mutation($input: VersionStepInput!) { submitBudgetVersion(input: $input) { id revision status } }`;
export const PUBLISH = `mutation($input: PublishVersionInput!) { publishBudgetVersion(input: $input) { id revision status commentsUntil } }`;
export const APPROVE = `mutation($input: ApproveVersionInput!) { approveBudgetVersion(input: $input) { id revision status decisionNumber } }`;
export const AMEND = `mutation($input: AmendBudgetInput!) { amendBudget(input: $input) { id revision number status reason lines { lineKey economicCode amount } } }`;
export const RECORD = `mutation($input: RecordTransactionInput!) { recordBudgetTransaction(input: $input) { id kind amount } }`;

export const count = async (api: RunningApi, table: string, where = 'true') => Number((await api.dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`))[0].n);

export function inAYear(): string {
  return new Date(Date.now() + 365 * 86400_000).toISOString().slice(0, 10);
}

/** Creates a draft with lines, submits (a) and publishes (b) it; returns ids and line keys by code. */
export async function publishedBudget(api: RunningApi, v: Village, fiscalYear: number, lines: Array<{ direction: string; economicCode: string; functionalCode?: string; amount: string }>) {
  const created = ok(await gql(api.baseUrl, CREATE_BUDGET, { input: { communityId: v.communityId, fiscalYear, currency: 'KGS', population: 5000, title: { ky: `${fiscalYear}-жылдын бюджети`, ru: `Бюджет на ${fiscalYear} год` } } }, { token: v.a.token })).createBudget;
  const version = created.openVersion;
  const saved = ok(await gql(api.baseUrl, SAVE_LINES, { input: { versionId: version.id, expectedRevision: version.revision, lines } }, { token: v.a.token })).saveBudgetLines;
  const sub = ok(await gql(api.baseUrl, SUBMIT, { input: { versionId: version.id, expectedRevision: saved.revision } }, { token: v.a.token })).submitBudgetVersion;
  const pub = ok(await gql(api.baseUrl, PUBLISH, { input: { versionId: version.id, expectedRevision: sub.revision, commentsUntil: inAYear() } }, { token: v.b.token })).publishBudgetVersion;
  const keys: Record<string, string> = Object.fromEntries(saved.lines.map((l: { economicCode: string; lineKey: string }) => [l.economicCode, l.lineKey]));
  return { budgetId: created.id as string, versionId: version.id as string, revision: pub.revision as number, keys };
}
