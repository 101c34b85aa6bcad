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
  /** The community's unit (an aiyl aimak, a municipality) and the raion above it (municipality indicators). */
  unitId: string;
  areaUnitId: string;
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
  /** Councils: a body whose secretary is A's COUNCIL_SECRETARY account (B: B's preparer); see councilsWorld. */
  councilBodyId: string;
  councilMembershipId: string;
  /** Held, published, its minutes approved. */
  councilHeldMeetingId: string;
  /** Decided (the decision approved the held meeting's minutes). */
  councilDecidedItemId: string;
  /** Sent, answered, accepted and implemented: every further step is a CONFLICT. */
  councilRecommendationId: string;
  stateBodyId: string;
  /** A plan of the body monitored by an advisory group with the same secretary, and one of its items. */
  councilPlanId: string;
  councilActionItemId: string;
  /** Published: publishing again is a CONFLICT. */
  councilApportionmentId: string;
  /** Answered: answering or putting it on an agenda again is a CONFLICT. */
  councilQuestionId: string;
  /** Competitions: an open call with a submitted application (A's expert assigned and scored), a second one, and a call with published results. */
  competition: CompetitionTarget;
  /** Surveys: a survey with a form version and a quota, an interviewer's assignment and the platform admin's own. */
  survey: SurveyTarget;
}

export interface SurveyTarget {
  surveyId: string;
  versionId: string;
  villageId: string;
  /** A's INTERVIEWER account in A; in B an assignment of B's citizen (made in SQL: nobody in B is an interviewer). */
  assignmentId: string;
  /** The platform admin's own assignment (SQL): a platform admin passes the role check, the assignment must be the caller's. */
  platformAssignmentId: string;
}

export interface CompetitionTarget {
  callId: string;
  applicationId: string;
  /** Submitted, nobody assigned (conflict declarations point here). */
  otherApplicationId: string;
  resultsCallId: string;
  /** SELECTED in the published call. */
  selectedApplicationId: string;
  /** An interview with the first application. */
  interviewId: string;
  /** A draft whose only editor is the platform admin (HTTP routes cannot name their caller as the target), and a PDF behind its FILE field. */
  platformDraftId: string;
  fileId: string;
}

/** Who calls: anonymous, a platform admin, a citizen of B, and one account per Role held in A. */
export type ActorName = 'anonymous' | 'platformAdmin' | 'citizenOfOther' | Role;
export const ACTOR_NAMES: readonly ActorName[] = ['anonymous', 'citizenOfOther', ...Object.values(Role), 'platformAdmin'];

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
async function budgetWorld(api: RunningApi, platform: Person, prep: Person, communityId: string, unitCode: string): Promise<Omit<Target, 'ideasProcessId' | 'votingProcessId' | 'votingProposalId' | CouncilKeys | 'competition' | 'survey' | 'photoId'>> {
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
  const unit = (await q(api, `query($code: String!) { territorialUnit(code: $code) { id parent { id } } }`, { code: unitCode }, null, 'territorialUnit')).territorialUnit;
  return {
    communityId,
    unitCode,
    unitId: unit.id,
    areaUnitId: unit.parent.id,
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

type CouncilKeys = 'councilBodyId' | 'councilMembershipId' | 'councilHeldMeetingId' | 'councilDecidedItemId' | 'councilRecommendationId' | 'stateBodyId' | 'councilPlanId' | 'councilActionItemId' | 'councilApportionmentId' | 'councilQuestionId';

/**
 * A council of the community: `secretary` is its SECRETARY, `member` (if any) a MEMBER and the platform
 * admin a MEMBER too (voting is for members only, admins get no pass). A held, published meeting whose
 * minutes a decided item of a second meeting approved, and a recommendation followed up to IMPLEMENTED.
 */
async function councilsWorld(api: RunningApi, platform: Person, communityId: string, secretary: Person, member: Person | null): Promise<Pick<Target, CouncilKeys>> {
  const call = (query: string, variables: Record<string, unknown>, who: Person, what: string) => q(api, query, variables, who, what);
  const stateBodyId = (await call(`mutation($input: CreateStateBodyInput!) { createStateBody(input: $input) { id } }`, { input: { kind: 'MINISTRY', country: 'KG', name: { ky: 'Министрлик', ru: 'Министерство' } } }, platform, 'createStateBody')).createStateBody.id as string;
  const rules = { quorum: { numerator: 1, denominator: 2 }, majority: 'SIMPLE', base: 'PRESENT', tie: 'FAILS' };
  const bodyId = (await call(`mutation($input: CreateCouncilBodyInput!) { createCouncilBody(input: $input) { id } }`, { input: { kind: 'BUDGET_GROUP', name: { ky: 'Бюджеттик топ' }, communityId, rules } }, platform, 'createCouncilBody')).createCouncilBody.id as string;
  const add = async (who: Person, role: string) => (await call(`mutation($input: AddCouncilMemberInput!) { addCouncilMember(input: $input) { id } }`, { input: { bodyId, accountId: who.id, fullName: `Мүчө ${role}`, role, termFrom: '2020-01-01' } }, platform, 'addCouncilMember')).addCouncilMember.id as string;
  const terms = [await add(secretary, 'SECRETARY'), await add(platform, 'MEMBER')];
  if (member) terms.push(await add(member, 'MEMBER'));
  const schedule = async (title: string) => (await call(`mutation($input: ScheduleMeetingInput!) { scheduleCouncilMeeting(input: $input) { id } }`, { input: { bodyId, title, startsAt: new Date().toISOString(), timeZone: 'Asia/Bishkek', access: 'CLOSED', place: 'Зал' } }, secretary, 'scheduleCouncilMeeting')).scheduleCouncilMeeting.id as string;
  const held = await schedule('Өткөн жыйын');
  await call(`mutation($input: MinutesInput!) { saveCouncilMinutes(input: $input) { id } }`, { input: { meetingId: held, text: 'Протокол' } }, secretary, 'saveCouncilMinutes');
  await call(`mutation($id: ID!) { closeCouncilMeeting(meetingId: $id) { id } }`, { id: held }, secretary, 'closeCouncilMeeting');
  await call(`mutation($id: ID!) { publishCouncilMeeting(meetingId: $id) { id } }`, { id: held }, secretary, 'publishCouncilMeeting');
  const next = await schedule('Кийинки жыйын');
  const itemId = (await call(`mutation($input: AgendaItemInput!) { addAgendaItem(input: $input) { id } }`, { input: { meetingId: next, title: 'Протоколду бекитүү', linkKind: 'MINUTES', linkId: held } }, secretary, 'addAgendaItem')).addAgendaItem.id as string;
  await call(`mutation($input: RollCallInput!) { recordCouncilRollCall(input: $input) { id } }`, { input: { agendaItemId: itemId, votes: terms.map((membershipId) => ({ membershipId, choice: 'FOR' })) } }, secretary, 'recordCouncilRollCall');
  await call(`mutation($input: DecideAgendaItemInput!) { decideAgendaItem(input: $input) { id } }`, { input: { agendaItemId: itemId, text: 'Бекитилсин' } }, secretary, 'decideAgendaItem');
  const today = new Date().toISOString().slice(0, 10);
  const rec = (await call(`mutation($input: SendRecommendationInput!) { sendRecommendation(input: $input) { id } }`, { input: { bodyId, addresseeId: stateBodyId, title: 'Сунуш', text: 'Сунуш', sentOn: today, deadline: today } }, secretary, 'sendRecommendation')).sendRecommendation.id as string;
  await call(`mutation($input: AnswerRecommendationInput!) { answerRecommendation(input: $input) { id } }`, { input: { recommendationId: rec, answerText: 'Жооп', answeredOn: today } }, secretary, 'answerRecommendation');
  await call(`mutation($input: AssessRecommendationInput!) { assessRecommendation(input: $input) { id } }`, { input: { recommendationId: rec, assessment: 'ACCEPTED' } }, secretary, 'assessRecommendation');
  await call(`mutation($id: ID!, $on: String!) { markRecommendationImplemented(recommendationId: $id, implementedOn: $on) { id } }`, { id: rec, on: today }, secretary, 'markRecommendationImplemented');
  const monitorId = (await call(`mutation($input: CreateCouncilBodyInput!) { createCouncilBody(input: $input) { id } }`, { input: { kind: 'ADVISORY_GROUP', name: { ky: 'Кеңеш берүүчү топ' }, communityId, rules } }, platform, 'createCouncilBody')).createCouncilBody.id as string;
  await call(`mutation($input: AddCouncilMemberInput!) { addCouncilMember(input: $input) { id } }`, { input: { bodyId: monitorId, accountId: secretary.id, fullName: 'Катчы', role: 'SECRETARY', termFrom: '2020-01-01' } }, platform, 'addCouncilMember');
  const planId = (await call(`mutation($input: ActionPlanInput!) { createActionPlan(input: $input) { id } }`, { input: { bodyId, monitoringBodyId: monitorId, title: 'Базар планы' } }, secretary, 'createActionPlan')).createActionPlan.id as string;
  const actionItemId = (await call(`mutation($input: ActionItemInput!) { addActionItem(input: $input) { id } }`, { input: { planId, title: 'Суу түтүгү', responsible: 'Айыл өкмөтү', deadline: today } }, secretary, 'addActionItem')).addActionItem.id as string;
  const village = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
  const apportionmentId = (await call(`mutation($input: ApportionSeatsInput!) { apportionCouncilSeats(input: $input) { id } }`, { input: { bodyId, basis: 'POPULATION', method: 'DHONDT', seats: 5, figures: [{ id: village(1), name: 'Ак-Дөбө', weight: '3000' }, { id: village(2), name: 'Орок', weight: '2000' }] } }, secretary, 'apportionCouncilSeats')).apportionCouncilSeats.id as string;
  await call(`mutation($id: ID!) { publishSeatApportionment(id: $id) { id } }`, { id: apportionmentId }, secretary, 'publishSeatApportionment');
  const questionId = (await call(`mutation($input: AskCouncilInput!) { askCouncil(input: $input) { id } }`, { input: { bodyId, text: 'Суу качан келет?' } }, platform, 'askCouncil')).askCouncil.id as string;
  await call(`mutation($input: AnswerQuestionInput!) { answerCouncilQuestion(input: $input) { id } }`, { input: { questionId, answer: 'Жайында' } }, secretary, 'answerCouncilQuestion');
  return { councilBodyId: bodyId, councilMembershipId: terms[0], councilHeldMeetingId: held, councilDecidedItemId: itemId, councilRecommendationId: rec, stateBodyId, councilPlanId: planId, councilActionItemId: actionItemId, councilApportionmentId: apportionmentId, councilQuestionId: questionId };
}

const CMP_FORM = JSON.stringify({ fields: [{ key: 'concept', type: 'TEXT', required: true }, { key: 'letter', type: 'FILE', allowedTypes: ['application/pdf'] }] });
export const PDF = Buffer.from('%PDF-1.4\n% Ашар\n');

/** A call (organised by the platform admin for the community), applied to by `applicant`; `expert` (if any) seated, assigned and scored. */
async function competitionWorld(api: RunningApi, platform: Person, communityId: string, applicant: Person, expert: Person | null): Promise<CompetitionTarget> {
  const input = {
    communityId,
    title: { ky: 'Грант' },
    currency: 'USD',
    grantCap: '2000000',
    maxDurationMonths: 12,
    timeZone: 'Asia/Bishkek',
    languages: ['ky'],
    applicantKinds: ['INITIATIVE_GROUP'],
    directions: [{ key: 'youth', name: { ky: 'Жаштар' } }],
    criteria: [{ key: 'relevance', name: { ky: 'Актуалдуулук' }, weight: 1, min: 0, max: 10 }],
    stages: [{ name: { ky: 'Концепция' }, deadlineLocal: '2099-12-31T18:00', form: CMP_FORM }],
  };
  const call = async () => {
    const id = (await q(api, `mutation($input: CreateCallInput!) { createCompetitionCall(input: $input) { id } }`, { input }, platform, 'createCompetitionCall')).createCompetitionCall.id as string;
    await q(api, `mutation($id: ID!) { openCompetitionCall(callId: $id) { id } }`, { id }, platform, 'openCompetitionCall');
    return id;
  };
  const begin = async (callId: string, who: Person) =>
    (await q(api, `mutation($input: StartApplicationInput!) { startApplication(input: $input) { id } }`, { input: { callId, directionKey: 'youth', applicantKind: 'INITIATIVE_GROUP', language: 'ky', durationMonths: 6, organisationName: 'Демилге', targetRegion: 'Ак-Дөбө', title: 'Долбоор' } }, who, 'startApplication')).startApplication.id as string;
  const apply = async (callId: string) => {
    const id = await begin(callId, applicant);
    await q(api, `mutation($input: SaveDraftInput!) { saveApplicationDraft(input: $input) { id } }`, { input: { applicationId: id, stage: 1, answers: JSON.stringify({ concept: 'Айыл үчүн' }) } }, applicant, 'saveApplicationDraft');
    await q(api, `mutation($id: ID!) { submitApplicationStage(applicationId: $id, stage: 1) { version } }`, { id }, applicant, 'submitApplicationStage');
    return id;
  };
  const callId = await call();
  const applicationId = await apply(callId);
  const otherApplicationId = await apply(callId);
  if (expert) {
    await q(api, `mutation($input: AddExpertInput!) { addCallExpert(input: $input) }`, { input: { callId, accountId: expert.id } }, platform, 'addCallExpert');
    await q(api, `mutation($a: ID!, $e: ID!) { setReviewAssignment(applicationId: $a, expertAccountId: $e, assigned: true) }`, { a: applicationId, e: expert.id }, platform, 'setReviewAssignment');
    await q(api, `mutation($input: SubmitScoresInput!) { submitScores(input: $input) { score } }`, { input: { applicationId, scores: [{ criterionKey: 'relevance', score: 7 }] } }, expert, 'submitScores');
  }
  const platformDraftId = await begin(callId, platform);
  const file = await httpCall(api.baseUrl, 'POST', `/api/competition-applications/${platformDraftId}/files?stage=1&field=letter&fileName=kat.pdf`, platform.token, PDF);
  if (file.status !== 201) throw new Error(`competition file upload: ${file.status} ${file.text}`);
  const interviewId = (await q(api, `mutation($input: ScheduleInterviewInput!) { scheduleInterview(input: $input) { id } }`, { input: { applicationId, startsAt: '2027-01-01T10:00:00Z' } }, platform, 'scheduleInterview')).scheduleInterview.id as string;
  const resultsCallId = await call();
  const selectedApplicationId = await apply(resultsCallId);
  await q(api, `mutation($input: DecideApplicationInput!) { decideApplication(input: $input) { id } }`, { input: { applicationId: selectedApplicationId, decision: 'SELECTED', reason: 'Жакшы', awardedAmount: '1000000' } }, platform, 'decideApplication');
  await q(api, `mutation($id: ID!) { publishCompetitionResults(callId: $id) { id } }`, { id: resultsCallId }, platform, 'publishCompetitionResults');
  return { callId, applicationId, otherApplicationId, resultsCallId, selectedApplicationId, interviewId, platformDraftId, fileId: (file.body as { fileId: string }).fileId };
}

async function surveyWorld(api: RunningApi, platform: Person, communityId: string, unitCode: string, interviewer: Person): Promise<SurveyTarget> {
  const [{ id: villageId }] = await api.dataSource.query(`SELECT u.id FROM territorial_units u JOIN territorial_units p ON u.parent_id = p.id WHERE p.code = $1 AND u.valid_to IS NULL ORDER BY u.code LIMIT 1`, [unitCode]);
  const form = { title: { ky: 'Сурамжылоо' }, formId: 'h', defaultLanguage: 'ky', languages: ['ky'], groups: [], questions: [{ name: 'q1', type: 'integer', label: { ky: 'Жаш' } }], choices: {} };
  const surveyId = (await q(api, `mutation($input: CreateSurveyInput!) { createSurvey(input: $input) { id } }`, { input: { communityId, title: { ky: 'Сурамжылоо' }, consent: { ky: 'Макулсузбу?' }, ageGroups: [{ key: '18-99', min: 18, max: 99 }] } }, platform, 'createSurvey')).createSurvey.id as string;
  const versionId = (await q(api, `mutation($id: ID!, $form: JSON!) { publishSurveyFormVersion(surveyId: $id, form: $form) { id } }`, { id: surveyId, form }, platform, 'publishSurveyFormVersion')).publishSurveyFormVersion.id as string;
  await q(api, `mutation($input: SetSurveyQuotasInput!) { setSurveyQuotas(input: $input) { id } }`, { input: { surveyId, cells: [{ villageId, gender: 'FEMALE', ageGroup: '18-99', target: 5 }] } }, platform, 'setSurveyQuotas');
  const assign = async (accountId: string) => (await api.dataSource.query(`INSERT INTO srv_assignments (survey_id, account_id, village_ids, assigned_by) VALUES ($1, $2, $3, $4) RETURNING id`, [surveyId, accountId, JSON.stringify([villageId]), platform.id]))[0].id as string;
  return { surveyId, versionId, villageId, assignmentId: await assign(interviewer.id), platformAssignmentId: await assign(platform.id) };
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

  const A = { ...(await budgetWorld(api, platform, preparer, a, UNIT_A)), ...(await participationWorld(api, preparer, a)), ...(await councilsWorld(api, platform, a, actors[Role.COUNCIL_SECRETARY]!, actors[Role.COUNCIL_MEMBER])), competition: await competitionWorld(api, platform, a, actors[Role.CITIZEN]!, actors[Role.EXPERT]!), survey: await surveyWorld(api, platform, a, UNIT_A, actors[Role.INTERVIEWER]!) };
  const B = { ...(await budgetWorld(api, platform, prepB, b, UNIT_B)), ...(await participationWorld(api, prepB, b)), ...(await councilsWorld(api, platform, b, prepB, null)), competition: await competitionWorld(api, platform, b, actors.citizenOfOther, null), survey: await surveyWorld(api, platform, b, UNIT_B, actors.citizenOfOther!) };
  return { api, platform, preparer, actors, roles, A, B, sandboxCommunityId: c };
}
