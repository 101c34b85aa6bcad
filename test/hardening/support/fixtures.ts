import { Role } from '@ashar/auth';
import { RunningApi } from '../../support/api-harness';
import { dataOf, graphqlCall, httpCall } from './http';

/**
 * The world both hardening suites run in, built once per suite through the real API: three
 * communities (A: "own", B: "foreign", C: a sandbox for invitations), an account for every role in A,
 * a citizen of B, a platform admin, and in A and B a budget with a published and a draft version, a
 * spending record with a document, an import, an export, a monitoring note and a hearing comment.
 */
export const PASSWORD = 'long enough pw';
export const FISCAL_YEAR = 2025;
export const UNIT_A = '41707220840000';
export const UNIT_B = '41707220843000';
export const IMPORT_CSV = 'economic_code,amount\n2111,100\n';
export const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

export interface Person {
  id: string;
  token: string;
  email: string;
  refreshToken: string;
}

/** Everything an argument builder may point at, per community. */
export interface Target {
  communityId: string;
  unitCode: string;
  budgetId: string;
  publishedVersionId: string;
  draftVersionId: string;
  draftRevision: number;
  lineKey: string;
  transactionId: string;
  documentId: string;
  importId: string;
  /** A file stored for a preview (POST …/imports?stage=1): the same bytes as the import. */
  uploadId: string;
  exportId: string;
  noteId: string;
  /** A hearing comment on the published version (a threads message). */
  commentId: string;
  /** Participation: a process taking ideas and one in its voting phase, with a feasible proposal of the latter. */
  ideasProcessId: string;
  votingProcessId: string;
  votingProposalId: string;
  /** A photo of that proposal (POST /api/pb-proposals/:proposalId/photos). */
  photoId: string;
}

/** Who calls: anonymous, a platform admin, a citizen of B, and one account per Role held in A. */
export type ActorName = 'anonymous' | 'platformAdmin' | 'citizenOfOther' | Role;
export const ACTOR_NAMES: readonly ActorName[] = ['anonymous', 'citizenOfOther', ...Object.values(Role), 'platformAdmin'];
// Not a Role yet: INTERVIEWER (field interviews). When it is added to Role it joins the matrix by itself.

export interface World {
  api: RunningApi;
  platform: Person;
  /** The budget-group member of A who prepared the fixtures (so the role actor is always a "second person"). */
  preparer: Person;
  actors: Record<ActorName, Person | null>;
  /** Roles each actor holds per community id. */
  roles: Record<ActorName, Map<string, Set<Role>>>;
  A: Target;
  B: Target;
  sandboxCommunityId: string;
}

let seq = 0;
export const unique = (prefix: string) => `${prefix}.${process.pid}.${++seq}.${Date.now()}`;

async function q(api: RunningApi, query: string, variables: Record<string, unknown>, who: Person | null, what: string) {
  return dataOf(await graphqlCall(api.baseUrl, query, variables, who?.token), what);
}

export async function signUp(api: RunningApi, name: string): Promise<Person> {
  const email = `${unique('hardening')}@example.kg`;
  const s = (await q(api, `mutation($input: SignUpInput!) { signUp(input: $input) { accessToken refreshToken account { id } } }`, { input: { email, password: PASSWORD, displayName: name } }, null, 'signUp')).signUp;
  return { id: s.account.id, token: s.accessToken, refreshToken: s.refreshToken, email };
}

export async function logIn(api: RunningApi, p: Person): Promise<Person> {
  const s = (await q(api, `mutation($input: LogInInput!) { logIn(input: $input) { accessToken refreshToken } }`, { input: { login: p.email, password: PASSWORD } }, null, 'logIn')).logIn;
  return { ...p, token: s.accessToken, refreshToken: s.refreshToken };
}

export async function invitationToken(api: RunningApi, by: Person, communityId: string, role: Role): Promise<string> {
  return (await q(api, `mutation($input: CreateInvitationInput!) { createInvitation(input: $input) { token } }`, { input: { communityId, role } }, by, 'createInvitation')).createInvitation.token;
}

async function join(api: RunningApi, by: Person, p: Person, communityId: string, role: Role) {
  await q(api, `mutation($t: String!) { acceptInvitation(token: $t) { id } }`, { t: await invitationToken(api, by, communityId, role) }, p, 'acceptInvitation');
}

async function createCommunity(api: RunningApi, platform: Person, unitCode: string, name: string): Promise<string> {
  return (await q(api, `mutation($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }`, { input: { unitCode, kind: 'BUDGET_GROUP', names: { ky: name, ru: name } } }, platform, 'createCommunity')).createCommunity.id;
}

/** A budget with a published version 1 and a draft version 2 (an amendment), and the records around it. */
async function budgetWorld(api: RunningApi, platform: Person, prep: Person, communityId: string, unitCode: string): Promise<Omit<Target, 'ideasProcessId' | 'votingProcessId' | 'votingProposalId' | 'photoId'>> {
  const created = (await q(api, `mutation($input: CreateBudgetInput!) { createBudget(input: $input) { id openVersion { id revision } } }`, { input: { communityId, fiscalYear: FISCAL_YEAR, currency: 'KGS', population: 5000, title: { ky: 'Бюджет', ru: 'Бюджет' } } }, prep, 'createBudget')).createBudget;
  const v1 = created.openVersion.id;
  const lines = [
    { direction: 'REVENUE', economicCode: '11111', amount: '1000000' },
    { direction: 'EXPENDITURE', economicCode: '2111', functionalCode: '7011', amount: '600000' },
  ];
  const saved = (await q(api, `mutation($input: SaveBudgetLinesInput!) { saveBudgetLines(input: $input) { revision lines { lineKey economicCode } } }`, { input: { versionId: v1, expectedRevision: created.openVersion.revision, lines } }, prep, 'saveBudgetLines')).saveBudgetLines;
  const lineKey = saved.lines.find((l: { economicCode: string }) => l.economicCode === '2111').lineKey;
  const sub = (await q(api, `mutation($input: VersionStepInput!) { submitBudgetVersion(input: $input) { revision } }`, { input: { versionId: v1, expectedRevision: saved.revision } }, prep, 'submit')).submitBudgetVersion;
  const commentsUntil = new Date(Date.now() + 365 * 86400_000).toISOString().slice(0, 10);
  await q(api, `mutation($input: PublishVersionInput!) { publishBudgetVersion(input: $input) { id } }`, { input: { versionId: v1, expectedRevision: sub.revision, commentsUntil } }, platform, 'publish');
  const v2 = (await q(api, `mutation($input: AmendBudgetInput!) { amendBudget(input: $input) { id revision } }`, { input: { versionId: v1, reason: 'hardening fixture' } }, prep, 'amend')).amendBudget;
  const tx = (await q(api, `mutation($input: RecordTransactionInput!) { recordBudgetTransaction(input: $input) { id } }`, { input: { budgetId: created.id, lineKey, occurredOn: `${FISCAL_YEAR}-03-01`, amount: '1000', attachments: [] } }, prep, 'record')).recordBudgetTransaction;
  const doc = await httpCall(api.baseUrl, 'POST', `/api/budget-transactions/${tx.id}/documents?fileName=receipt.png`, prep.token, PNG);
  if (doc.status !== 201) throw new Error(`document upload: ${doc.status} ${doc.text}`);
  const imp = (await q(api, `mutation($input: StartBudgetImportInput!) { startBudgetImport(input: $input) { id } }`, { input: { budgetId: created.id, kind: 'BUDGET', fileName: 'plan.csv', contentBase64: Buffer.from(IMPORT_CSV).toString('base64') } }, prep, 'import')).startBudgetImport;
  const staged = await httpCall(api.baseUrl, 'POST', `/api/budgets/${created.id}/imports?kind=BUDGET&fileName=plan.csv&stage=1`, prep.token, Buffer.from(IMPORT_CSV), 'text/csv');
  if (staged.status !== 201) throw new Error(`staged upload: ${staged.status} ${staged.text}`);
  const exp = (await q(api, `mutation($input: RequestExportInput!) { requestBudgetExport(input: $input) { id } }`, { input: { versionId: v1, format: 'CSV' } }, prep, 'export')).requestBudgetExport;
  const note = (await q(api, `mutation($input: CreateMonitoringNoteInput!) { createMonitoringNote(input: $input) { id } }`, { input: { budgetId: created.id, lineKey, status: 'QUESTION', title: 'Вопрос', body: 'Почему?' } }, prep, 'note')).createMonitoringNote;
  const comment = (await q(api, `mutation($input: AddBudgetCommentInput!) { addBudgetComment(input: $input) { id } }`, { input: { versionId: v1, body: 'Пикир' } }, prep, 'comment')).addBudgetComment;
  return {
    communityId,
    unitCode,
    budgetId: created.id,
    publishedVersionId: v1,
    draftVersionId: v2.id,
    draftRevision: v2.revision,
    lineKey,
    transactionId: tx.id,
    documentId: (doc.body as { id: string }).id,
    importId: imp.id,
    uploadId: (staged.body as { uploadId: string }).uploadId,
    exportId: exp.id,
    noteId: note.id,
    commentId: comment.id,
  };
}

const PB_RULES = { envelope: '100000000', ballotKind: 'KNAPSACK', minChoices: 1, countingRule: 'GREEDY', verification: 'SELF_DECLARED' };

async function participationWorld(api: RunningApi, prep: Person, communityId: string): Promise<Pick<Target, 'ideasProcessId' | 'votingProcessId' | 'votingProposalId' | 'photoId'>> {
  const create = async () => (await q(api, `mutation($input: CreateProcessInput!) { createParticipatoryProcess(input: $input) { id } }`, { input: { communityId, title: { ky: 'Ашар' }, currency: 'KGS', rules: PB_RULES } }, prep, 'createParticipatoryProcess')).createParticipatoryProcess.id as string;
  const move = (id: string, phase: string) => q(api, `mutation($id: ID!, $phase: ProcessPhase!) { moveProcessPhase(processId: $id, phase: $phase) { id } }`, { id, phase }, prep, `moveProcessPhase ${phase}`);
  const ideasProcessId = await create();
  await move(ideasProcessId, 'IDEAS');
  const votingProcessId = await create();
  await move(votingProcessId, 'IDEAS');
  const votingProposalId = (await q(api, `mutation($input: SubmitProposalInput!) { submitProposal(input: $input) { id } }`, { input: { processId: votingProcessId, title: 'Көпүрө', description: 'Суу үстүндө', estimatedCost: '50000000' } }, prep, 'submitProposal')).submitProposal.id as string;
  await move(votingProcessId, 'REVIEW');
  await q(api, `mutation($input: ReviewProposalInput!) { reviewProposal(input: $input) { id } }`, { input: { proposalId: votingProposalId, feasible: true } }, prep, 'reviewProposal');
  await move(votingProcessId, 'VOTING');
  const photo = await httpCall(api.baseUrl, 'POST', `/api/pb-proposals/${votingProposalId}/photos?fileName=bridge.png`, prep.token, PNG);
  if (photo.status !== 201) throw new Error(`photo upload: ${photo.status} ${photo.text}`);
  return { ideasProcessId, votingProcessId, votingProposalId, photoId: (photo.body as { id: string }).id };
}

export async function buildWorld(api: RunningApi): Promise<World> {
  let platform = await signUp(api, 'Platform');
  await api.dataSource.query('UPDATE accounts SET platform_admin = true WHERE id = $1', [platform.id]);
  platform = await logIn(api, platform);
  const a = await createCommunity(api, platform, UNIT_A, 'Ак-Дөбө');
  const b = await createCommunity(api, platform, UNIT_B, 'Орок');
  const c = await createCommunity(api, platform, UNIT_A, 'Sandbox');
  const preparer = await signUp(api, 'Даярдоочу');
  await join(api, platform, preparer, a, Role.BUDGET_GROUP_MEMBER);
  const prepB = await signUp(api, 'Даярдоочу Б');
  await join(api, platform, prepB, b, Role.BUDGET_GROUP_MEMBER);

  const actors = { anonymous: null, platformAdmin: platform } as Record<ActorName, Person | null>;
  const roles = {} as Record<ActorName, Map<string, Set<Role>>>;
  for (const name of ACTOR_NAMES) roles[name] = new Map();
  for (const role of Object.values(Role)) {
    const p = await signUp(api, `Роль ${role}`);
    await join(api, platform, p, a, role);
    actors[role] = p;
    roles[role].set(a, new Set([role]));
  }
  actors.citizenOfOther = await signUp(api, 'Башка айылдык');
  await join(api, platform, actors.citizenOfOther, b, Role.CITIZEN);
  roles.citizenOfOther.set(b, new Set([Role.CITIZEN]));
  for (const id of [a, b, c]) roles.platformAdmin.set(id, new Set([Role.COMMUNITY_ADMIN]));

  const A = { ...(await budgetWorld(api, platform, preparer, a, UNIT_A)), ...(await participationWorld(api, preparer, a)) };
  const B = { ...(await budgetWorld(api, platform, prepB, b, UNIT_B)), ...(await participationWorld(api, prepB, b)) };
  return { api, platform, preparer, actors, roles, A, B, sandboxCommunityId: c };
}
