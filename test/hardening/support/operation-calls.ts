import { FISCAL_YEAR, IMPORT_CSV, invitationToken, PNG, signUp, Target, unique, World, ActorName, PASSWORD } from './fixtures';
import { Role } from '@ashar/auth';
import { createHash, createHmac, randomBytes, randomUUID } from 'crypto';

/** The SMS gateway's shared secret in the hardening API (NOTIFY_SMS_REPORT_SECRET): webhooks are signed with it. */
export const HARDENING_SMS_REPORT_SECRET = 'hardening-sms-report-secret';
const SMS_REPORT = Buffer.from(JSON.stringify({ messageId: 'hardening-none', status: 'NOT-A-STATUS' }));
const SMS_INBOUND = Buffer.from(JSON.stringify({ messageId: 'hardening-inbound', from: 'not-a-phone', text: 'STOP' }));
const smsSigned = (body: Buffer) => ({ 'x-ashar-signature': `sha256=${createHmac('sha256', HARDENING_SMS_REPORT_SECRET).update(body).digest('hex')}` });

/**
 * How to call each operation with minimal valid arguments: data, one entry per operation. The matrix
 * fails for an operation without an entry here. `own` calls point at community A's fixtures, `foreign`
 * ones at B's. State-changing calls use stale revisions or duplicates where that is enough to get past
 * authorisation (a CONFLICT or BAD_USER_INPUT answer counts as "allowed"), so allowed calls barely
 * change the world for later ones.
 */
export type Side = 'own' | 'foreign';
export interface CallContext {
  w: World;
  t: Target;
  side: Side;
  actor: ActorName;
}
type Vars = Record<string, unknown>;

export interface GraphqlCall {
  kind: 'graphql';
  /** Default: generated from the schema (every argument a variable, `{ __typename }` selected). */
  query?: string | ((c: CallContext) => string);
  vars: (c: CallContext) => Vars | Promise<Vars>;
  /** For `own`-scope fields: whether the object read is the caller's own account. */
  targetIsCaller?: (c: CallContext) => boolean;
  /** Call with a new session of the actor (logOut ends the session it is sent with). */
  freshSession?: boolean;
  /** A reason when a combination cannot be expressed (e.g. `me` is null for anonymous). */
  skip?: (c: CallContext) => string | null;
}
export interface HttpCall {
  kind: 'http';
  method: string;
  path: (c: CallContext) => string;
  body?: Buffer;
  contentType?: string;
  headers?: Record<string, string>;
}
export type OperationCall = GraphqlCall | HttpCall;

const STALE = 999_999;
const g = (vars: GraphqlCall['vars'], extra: Partial<GraphqlCall> = {}): GraphqlCall => ({ kind: 'graphql', vars, ...extra });
const get = (path: HttpCall['path']): HttpCall => ({ kind: 'http', method: 'GET', path });
const inAYear = () => new Date(Date.now() + 365 * 86400_000).toISOString().slice(0, 10);
const REGISTER = `mutation($input: RegisterAssistedResidentInput!) { registerAssistedResident(input: $input) { id profile { birthYear } memberships { id } } }`;
const accountField = (field: 'profile' | 'memberships'): GraphqlCall =>
  g((c) => (c.side === 'own' ? {} : { input: { communityId: c.w.A.communityId, displayName: 'Assisted', reason: 'paper form at a village meeting' } }), {
    query: (c) => (c.side === 'own' ? `query { me { id ${field === 'profile' ? 'profile { birthYear }' : 'memberships { id }'} } }` : REGISTER.replace(field === 'profile' ? ' memberships { id }' : ' profile { birthYear }', '')),
    targetIsCaller: (c) => c.side === 'own',
    skip: (c) => (c.side === 'own' && c.actor === 'anonymous' ? 'me is null for anonymous: the field is unreachable' : null),
  });

/** The application fixtures' editor: A's CITIZEN on the own side, the citizen of B on the foreign one. */
const competitionApplicant = (c: CallContext) => (c.side === 'own' ? c.actor === Role.CITIZEN : c.actor === 'citizenOfOther');
/** The fixture proposal as a project being built (the implementation phase makes one per winner). */
async function fixtureProject(c: CallContext): Promise<string> {
  await c.w.api.dataSource.query(`INSERT INTO pb_projects (proposal_id, process_id) SELECT id, process_id FROM pb_proposals WHERE id = $1 ON CONFLICT DO NOTHING`, [c.t.votingProposalId]);
  return c.t.votingProposalId;
}

/** An answer set refused past authorisation (no consent); the platform admin sends it on its own assignment. */
function surveyAnswerSet(c: CallContext) {
  const s = c.t.survey;
  return { instanceId: randomUUID(), assignmentId: c.actor === 'platformAdmin' ? s.platformAssignmentId : s.assignmentId, formVersionId: s.versionId, villageId: s.villageId, gender: 'FEMALE', age: 30, answers: { q1: 1 }, consentGiven: false, consentLanguage: 'ky', startedAt: '2026-12-01T08:00:00Z', completedAt: '2026-12-01T08:10:00Z' };
}

/** The short-address slug of the target community (made by territory when the community was created). */
async function communitySlug(c: CallContext): Promise<string> {
  const rows: { slug: string }[] = await c.w.api.dataSource.query(`SELECT slug FROM communities WHERE id = $1`, [c.t.communityId]);
  return rows[0].slug;
}

async function revokedInvitation(c: CallContext): Promise<string> {
  const [row] = await c.w.api.dataSource.query(
    `INSERT INTO invitations (community_id, role, token_hash, invited_by, expires_at, is_group, max_uses, revoked_at, revoked_by)
     VALUES ($1, 'CITIZEN', $2, $3, now() + interval '1 day', true, 5, now(), $3) RETURNING id`,
    [c.t.communityId, createHash('sha256').update(unique('hardening-invite')).digest('hex'), c.w.platform.id],
  );
  return row.id;
}

async function decidedRequest(c: CallContext): Promise<string> {
  const [row] = await c.w.api.dataSource.query(
    `INSERT INTO membership_requests (community_id, account_id, status, decided_by, decided_at) VALUES ($1, $2, 'DECLINED', $2, now()) RETURNING id`,
    [c.t.communityId, c.w.platform.id],
  );
  return row.id;
}

export const OPERATION_CALLS: Record<string, OperationCall> = {
  // ---- queries
  'Query.budget': g((c) => ({ id: c.t.budgetId })),
  'Query.budgetFor': g((c) => ({ communityId: c.t.communityId, fiscalYear: FISCAL_YEAR })),
  'Query.budgetsOfCommunity': g((c) => ({ communityId: c.t.communityId })),
  'Query.budgetBySlug': g(async (c) => ({ communitySlug: await communitySlug(c), fiscalYear: FISCAL_YEAR })),
  'Query.budgetClassifications': g(() => ({ country: 'KG' })),
  'Query.budgetVersion': g((c) => ({ id: c.t.draftVersionId })),
  'Query.compareBudgetVersions': g((c) => ({ fromId: c.t.publishedVersionId, toId: c.t.draftVersionId })),
  'Query.budgetImport': g((c) => ({ id: c.t.importId })),
  'Query.previewBudgetImportUpload': g((c) => ({ input: { uploadId: c.t.uploadId, unit: 'ONE', columns: [{ field: 'economic_code', header: 'economic_code' }, { field: 'amount', header: 'amount' }], side: { from: 'CODE' } } })),
  'Query.previewBudgetImport': g((c) => ({ input: { budgetId: c.t.budgetId, kind: 'BUDGET', fileName: 'plan.csv', contentBase64: Buffer.from(IMPORT_CSV).toString('base64') } })),
  'Query.budgetExport': g((c) => ({ id: c.t.exportId })),
  'Query.me': g(() => ({})),
  'Query.invitation': g(async (c) => ({ token: await invitationToken(c.w.api, c.w.platform, c.w.sandboxCommunityId, Role.CITIZEN) })),
  'Query.community': g((c) => ({ id: c.t.communityId })),
  'Query.territoryRoots': g(() => ({ country: 'KG' })),
  'Query.territorialUnit': g((c) => ({ code: c.t.unitCode })),
  'Query.searchTerritory': g(() => ({ query: 'Ак' })),
  'Query.auditAnchor': g(() => ({})),
  'Query.myNotifications': g(() => ({ limit: 5, unreadOnly: false })),
  // ---- fields with their own check
  'Budget.flags': g((c) => ({ id: c.t.budgetId }), { query: 'query($id: ID!) { budget(id: $id) { id flags { kind } } }' }),
  'Budget.transactions': g((c) => ({ id: c.t.budgetId }), { query: 'query($id: ID!) { budget(id: $id) { id transactions { id } } }' }),
  'Community.members': g((c) => ({ id: c.t.communityId }), { query: 'query($id: ID!) { community(id: $id) { id members { id } } }' }),
  'Community.groupInvitations': g((c) => ({ id: c.t.communityId }), { query: 'query($id: ID!) { community(id: $id) { id groupInvitations { id } } }' }),
  'Community.membershipRequests': g((c) => ({ id: c.t.communityId }), { query: 'query($id: ID!) { community(id: $id) { id membershipRequests { id } } }' }),
  'Account.profile': accountField('profile'),
  'Account.memberships': accountField('memberships'),
  // ---- mutations
  'Mutation.acceptInvitation': g(async (c) => ({ token: await invitationToken(c.w.api, c.w.platform, c.w.sandboxCommunityId, Role.CITIZEN) })),
  'Mutation.addBudgetComment': g((c) => ({ input: { versionId: c.t.publishedVersionId, body: 'Жакшы' } })),
  'Mutation.amendBudget': g((c) => ({ input: { versionId: c.t.publishedVersionId, reason: 'again' } })),
  'Mutation.approveBudgetVersion': g((c) => ({ input: { versionId: c.t.publishedVersionId, expectedRevision: STALE, decisionDate: `${FISCAL_YEAR}-01-10`, decisionNumber: '1' } })),
  'Mutation.attachBudgetDocument': g((c) => ({ transactionId: c.t.transactionId, attachment: { name: 'act.pdf', url: 'https://example.kg/act.pdf' } })),
  'Mutation.createBudget': g((c) => ({ input: { communityId: c.t.communityId, fiscalYear: FISCAL_YEAR, currency: 'KGS', title: { ky: 'Дагы' } } })),
  'Mutation.createCommunity': g((c) => ({ input: { unitCode: c.t.unitCode, kind: 'PUBLIC_COUNCIL', names: { ky: 'Кеңеш' } } })),
  'Mutation.createInvitation': g((c) => ({ input: { communityId: c.t.communityId, role: 'CITIZEN' } })),
  'Mutation.createGroupInvitation': g((c) => ({ input: { communityId: c.t.communityId, role: 'CITIZEN', maxUses: 1, expiresInDays: 1 } })),
  // A link already revoked: revoking again is allowed and changes nothing.
  'Mutation.revokeInvitation': g(async (c) => ({ id: await revokedInvitation(c) })),
  'Mutation.requestMembership': g((c) => ({ input: { communityId: c.t.communityId } })),
  // An already-declined request: past the permission check it is a CONFLICT (counts as allowed), nothing changes.
  'Mutation.approveMembershipRequest': g(async (c) => ({ id: await decidedRequest(c) })),
  'Mutation.declineMembershipRequest': g(async (c) => ({ id: await decidedRequest(c) })),
  'Mutation.hideComment': g((c) => ({ messageId: c.t.commentId, reason: 'Кемсинтүү' })),
  'Mutation.unhideComment': g((c) => ({ messageId: c.t.commentId })),
  // Participation: refusals past the permission check (CONFLICT / BAD_USER_INPUT) keep the world as it is.
  'Query.participatoryProcess': g((c) => ({ id: c.t.ideasProcessId })),
  'Query.participatoryProcesses': g((c) => ({ communityId: c.t.communityId })),
  'Mutation.createParticipatoryProcess': g((c) => ({ input: { communityId: c.t.communityId, title: { ky: 'Дагы' }, currency: 'KGS', rules: { envelope: '1000', ballotKind: 'APPROVAL', countingRule: 'GREEDY', verification: 'SELF_DECLARED' } } })),
  // Voting is open: the rules are frozen (CONFLICT), the phase cannot stay or go back (CONFLICT).
  'Mutation.updateProcessRules': g((c) => ({ processId: c.t.votingProcessId, rules: { envelope: '1000', ballotKind: 'APPROVAL', countingRule: 'GREEDY', verification: 'SELF_DECLARED' } })),
  'Mutation.moveProcessPhase': g((c) => ({ processId: c.t.votingProcessId, phase: 'VOTING' })),
  'Mutation.setProcessSchedule': g((c) => ({ processId: c.t.votingProcessId, phases: [{ phase: 'REVIEW', startsAt: new Date(Date.now() + 86_400_000).toISOString() }] })), // REVIEW has passed: CONFLICT
  // Not in the review / ideas phase any more: CONFLICT once past authorisation.
  'Mutation.reviewProposal': g((c) => ({ input: { proposalId: c.t.votingProposalId, feasible: true } })),
  'Mutation.submitProposal': g((c) => ({ input: { processId: c.t.votingProcessId, title: 'Жол', description: 'Оңдоо', estimatedCost: '1000' } })),
  'Mutation.editProposal': g((c) => ({ input: { proposalId: c.t.votingProposalId, title: 'Жол', description: 'Оңдоо', estimatedCost: '1000' } })),
  'Mutation.supportProposal': g((c) => ({ proposalId: c.t.votingProposalId, support: true })),
  // An empty ballot: BAD_USER_INPUT (too few projects) once the voter is found eligible; nothing stored.
  'Mutation.castBallot': g((c) => ({ input: { processId: c.t.votingProcessId, choices: [] } })),
  // Paper entries: an empty sheet is BAD_USER_INPUT once past authorisation; the paper list names nobody new.
  'Mutation.enterPaperBallot': g((c) => ({ input: { processId: c.t.votingProcessId, sheetCode: '1', choices: [] } })),
  'Mutation.registerPaperVoters': g((c) => ({ processId: c.t.votingProcessId, accountIds: [] })),
  'Query.paperSheets': g((c) => ({ processId: c.t.votingProcessId })),
  // Verification: a number whose structure is wrong is BAD_USER_INPUT once past the permission check; nothing is stored.
  'Mutation.verifyResidentInPerson': g((c) => ({ input: { communityId: c.t.communityId, accountId: '00000000-0000-4000-8000-000000000000', documentKind: 'KG_PIN', documentNumber: '31503199000123' } })),
  'Mutation.registerPaperVotersByDocument': g((c) => ({ processId: c.t.votingProcessId, documents: [{ kind: 'KZ_IIN', number: '900115300123' }] })),
  'Query.myVoterVerification': g((c) => ({ communityId: c.t.communityId })),
  // Councils: each allowed call ends in CONFLICT or BAD_USER_INPUT after the body's own check (the fixtures' meeting is held, its minutes approved, the item decided, the recommendation implemented).
  'Query.councilDirectory': g((c) => ({ filter: { communityId: c.t.communityId } })),
  'Query.councilBody': g((c) => ({ id: c.t.councilBodyId })),
  'Query.stateBodies': g(() => ({})),
  'Query.councilMeeting': g((c) => ({ id: c.t.councilHeldMeetingId })),
  'Query.searchCouncilDecisions': g((c) => ({ input: { text: 'бекитилсин', bodyId: c.t.councilBodyId } })),
  'Query.councilRecommendation': g((c) => ({ id: c.t.councilRecommendationId })),
  'Query.recommendationTracker': g(() => ({})),
  'Mutation.createStateBody': g(() => ({ input: { kind: 'MINISTRY', country: 'KG', name: {} } })),
  'Mutation.createCouncilBody': g((c) => ({ input: { kind: 'CUSTOM', name: { ky: 'Топ' }, communityId: c.t.communityId, rules: { quorum: { numerator: 1, denominator: 2 }, majority: 'SIMPLE', base: 'PRESENT', tie: 'FAILS' } } })),
  'Mutation.updateCouncilBodyRules': g((c) => ({ bodyId: c.t.councilBodyId, rules: { quorum: { numerator: 1, denominator: 2 }, majority: 'QUALIFIED', qualified: { numerator: 1, denominator: 2 }, base: 'PRESENT', tie: 'FAILS' } })),
  'Mutation.addCouncilMember': g((c) => ({ input: { bodyId: c.t.councilBodyId, fullName: 'Жаңы', role: 'MEMBER', termFrom: '2026-02-01', termTo: '2026-01-01' } })),
  'Mutation.endCouncilMembership': g((c) => ({ input: { membershipId: c.t.councilMembershipId, termTo: '2019-01-01' } })),
  'Mutation.setMyCouncilContacts': g(() => ({ input: { publish: false } })),
  'Mutation.scheduleCouncilMeeting': g((c) => ({ input: { bodyId: c.t.councilBodyId, title: 'Жыйын', startsAt: '2027-01-10T09:00:00Z', timeZone: 'Mars/Olympus', access: 'OPEN', place: 'Зал' } })),
  'Mutation.addAgendaItem': g((c) => ({ input: { meetingId: c.t.councilHeldMeetingId, title: 'Кеч' } })),
  'Mutation.recordCouncilAttendance': g((c) => ({ input: { meetingId: c.t.councilHeldMeetingId, attendees: [] } })),
  'Mutation.saveCouncilMinutes': g((c) => ({ input: { meetingId: c.t.councilHeldMeetingId, text: 'Оңдоо' } })),
  'Mutation.closeCouncilMeeting': g((c) => ({ meetingId: c.t.councilHeldMeetingId })),
  'Mutation.publishCouncilMeeting': g((c) => ({ meetingId: c.t.councilHeldMeetingId })),
  // The one council call that stores a row when allowed: a document link on the held meeting.
  'Mutation.attachCouncilDocument': g((c) => ({ input: { ownerKind: 'MEETING', ownerId: c.t.councilHeldMeetingId, name: 'Протокол', url: 'https://example.kg/p.pdf', mimeType: 'application/pdf' } })),
  'Mutation.recordCouncilRollCall': g((c) => ({ input: { agendaItemId: c.t.councilDecidedItemId, votes: [] } })),
  'Mutation.decideAgendaItem': g((c) => ({ input: { agendaItemId: c.t.councilDecidedItemId, text: 'Дагы' } })),
  'Mutation.castCouncilVote': g((c) => ({ agendaItemId: c.t.councilDecidedItemId, choice: 'FOR' })),
  'Mutation.sendRecommendation': g((c) => ({ input: { bodyId: c.t.councilBodyId, addresseeId: c.t.stateBodyId, title: 'Сунуш', text: 'Сунуш', sentOn: '2026-05-10', deadline: '2026-05-09' } })),
  'Mutation.answerRecommendation': g((c) => ({ input: { recommendationId: c.t.councilRecommendationId, answerText: 'Жооп', answeredOn: '2030-01-01' } })),
  'Mutation.assessRecommendation': g((c) => ({ input: { recommendationId: c.t.councilRecommendationId, assessment: 'REJECTED' } })),
  'Mutation.markRecommendationImplemented': g((c) => ({ recommendationId: c.t.councilRecommendationId, implementedOn: '2030-01-01' })),
  'Mutation.createActionPlan': g((c) => ({ input: { bodyId: c.t.councilBodyId, monitoringBodyId: c.t.councilBodyId, title: 'Өзүн өзү' } })),
  // Stores an item when allowed (cheap and harmless).
  'Mutation.addActionItem': g((c) => ({ input: { planId: c.t.councilPlanId, title: 'Жаңы', responsible: 'Айыл өкмөтү', deadline: '2030-01-01' } })),
  'Mutation.setActionItemStatus': g((c) => ({ input: { itemId: c.t.councilActionItemId, status: 'DONE' } })),
  'Mutation.recordActionCheck': g((c) => ({ input: { itemId: c.t.councilActionItemId, checkedOn: '2099-01-01', statusFound: 'IN_PROGRESS', finding: 'Эрте' } })),
  'Mutation.apportionCouncilSeats': g((c) => ({ input: { bodyId: c.t.councilBodyId, basis: 'VOTERS', method: 'SAINTE_LAGUE', seats: 3, figures: [{ id: '00000000-0000-4000-8000-000000000001', name: 'Ак-Дөбө', weight: '0' }] } })),
  'Mutation.publishSeatApportionment': g((c) => ({ id: c.t.councilApportionmentId })),
  'Mutation.askCouncil': g((c) => ({ input: { bodyId: c.t.councilBodyId, text: 'Суроо' } })),
  'Mutation.answerCouncilQuestion': g((c) => ({ input: { questionId: c.t.councilQuestionId, answer: 'Дагы' } })),
  'Mutation.putQuestionOnAgenda': g((c) => ({ questionId: c.t.councilQuestionId, meetingId: c.t.councilHeldMeetingId })),
  // Competitions: allowed calls are refused past authorisation (BAD_USER_INPUT / CONFLICT) and change nothing.
  // Surveys: allowed calls stop at BAD_USER_INPUT (empty consent, a form without questions, an unknown age group, a non-interviewer, no consent).
  'Query.surveysOfCommunity': g((c) => ({ communityId: c.t.communityId })),
  'Query.survey': g((c) => ({ id: c.t.survey.surveyId })),
  'Query.mySurveyAssignments': g(() => ({})),
  'Mutation.createSurvey': g((c) => ({ input: { communityId: c.t.communityId, title: { ky: 'Дагы' }, consent: {} } })),
  'Mutation.publishSurveyFormVersion': g((c) => ({ surveyId: c.t.survey.surveyId, form: { questions: [], languages: ['ky'] } })),
  'Mutation.setSurveyQuotas': g((c) => ({ input: { surveyId: c.t.survey.surveyId, cells: [{ villageId: c.t.survey.villageId, gender: 'MALE', ageGroup: 'nope', target: 1 }] } })),
  'Mutation.assignInterviewer': g((c) => ({ input: { surveyId: c.t.survey.surveyId, accountId: c.w.preparer.id, villageIds: [c.t.survey.villageId] } })),
  'Mutation.submitSurveyAnswerSet': g((c) => ({ input: surveyAnswerSet(c) }), { targetIsCaller: (c) => c.side === 'own' && c.actor === Role.INTERVIEWER }),
  'Mutation.submitSurveyAnswerSets': g((c) => ({ input: [surveyAnswerSet(c)] })),
  // An unknown question: BAD_USER_INPUT once the caller may read the survey's results.
  // The fixture survey has no answer set on the municipality questionnaire: nothing recorded, nothing changed.
  'Mutation.recordMunicipalityObservationsFromSurvey': g((c) => ({ surveyId: c.t.survey.surveyId })),
  'Query.surveyResults': g((c) => ({ surveyId: c.t.survey.surveyId, question: 'no_such_question', by: ['GENDER'] })),
  'Query.competitionCall': g((c) => ({ id: c.t.competition.callId })),
  'Query.competitionCalls': g((c) => ({ communityId: c.t.communityId })),
  'Query.publicCompetitionCalls': g(() => ({})),
  'Query.competitionResults': g((c) => ({ callId: c.t.competition.resultsCallId })),
  'Mutation.createCompetitionCall': g((c) => ({ input: { communityId: c.t.communityId, title: { ky: 'Дагы' }, currency: 'USD', grantCap: '100', maxDurationMonths: 1, timeZone: 'Asia/Nowhere', languages: ['ky'], applicantKinds: ['NGO'], directions: [{ key: 'a', name: { ky: 'А' } }], criteria: [{ key: 'c', name: { ky: 'К' }, weight: 1, min: 0, max: 5 }], stages: [{ name: { ky: 'Э' }, deadlineLocal: '2099-01-01T10:00', form: '{"fields":[]}' }] } })),
  'Mutation.updateCompetitionCall': g((c) => ({ input: { callId: c.t.competition.callId, title: { ky: 'Дагы' }, currency: 'USD', grantCap: '100', maxDurationMonths: 1, timeZone: 'Asia/Bishkek', languages: ['ky'], applicantKinds: ['NGO'], directions: [{ key: 'a', name: { ky: 'А' } }], criteria: [{ key: 'c', name: { ky: 'К' }, weight: 1, min: 0, max: 5 }], stages: [{ name: { ky: 'Э' }, deadlineLocal: '2099-01-01T10:00', form: '{"fields":[]}' }] } })),
  'Query.myCompetitionApplications': g(() => ({})),
  'Mutation.openCompetitionCall': g((c) => ({ callId: c.t.competition.callId })),
  'Mutation.publishCompetitionResults': g((c) => ({ callId: c.t.competition.resultsCallId })),
  // Not an applicant kind the call accepts: BAD_USER_INPUT for any signed-in caller.
  'Mutation.startApplication': g((c) => ({ input: { callId: c.t.competition.callId, directionKey: 'youth', applicantKind: 'BUSINESS', language: 'ky', durationMonths: 6, organisationName: 'Фирма', targetRegion: 'Ош', title: 'Долбоор' } })),
  // Editors: the application of A was made by A's CITIZEN, B's by the citizen of B.
  'Query.competitionApplication': g((c) => ({ id: c.t.competition.applicationId }), { targetIsCaller: competitionApplicant }),
  'Mutation.saveApplicationDraft': g((c) => ({ input: { applicationId: c.t.competition.applicationId, stage: 1, answers: '{}' } }), { targetIsCaller: competitionApplicant }),
  'Mutation.submitApplicationStage': g((c) => ({ applicationId: c.t.competition.applicationId, stage: 1 }), { targetIsCaller: competitionApplicant }),
  'Mutation.addApplicationEditor': g((c) => ({ applicationId: c.t.competition.applicationId, accountId: c.w.platform.id }), { targetIsCaller: competitionApplicant }),
  'Query.callApplications': g((c) => ({ callId: c.t.competition.callId })),
  'Mutation.decideApplication': g((c) => ({ input: { applicationId: c.t.competition.applicationId, decision: 'SELECTED', reason: 'Жок', awardedAmount: '999999999' } })),
  'Mutation.excludeApplication': g((c) => ({ applicationId: c.t.competition.applicationId, reason: 'Жок' })),
  'Mutation.scheduleInterview': g((c) => ({ input: { applicationId: c.t.competition.selectedApplicationId, startsAt: '2027-01-01T10:00:00Z' } })),
  'Mutation.recordInterviewNotes': g((c) => ({ interviewId: c.t.competition.interviewId, notes: 'x'.repeat(10_001) })),
  'Mutation.openAmendmentWindow': g((c) => ({ applicationId: c.t.competition.applicationId, days: 0 })),
  'Mutation.addCallExpert': g((c) => ({ input: { callId: c.t.competition.callId, accountId: c.w.platform.id } })),
  'Mutation.assignReviewers': g((c) => ({ callId: c.t.competition.callId, perApplication: 0 })),
  'Mutation.setReviewAssignment': g((c) => ({ applicationId: c.t.competition.applicationId, expertAccountId: c.w.platform.id, assigned: true })),
  'Query.callRanking': g((c) => ({ callId: c.t.competition.callId })),
  'Query.reviewAssignments': g((c) => ({ callId: c.t.competition.callId })),
  'Query.applicationForReview': g((c) => ({ applicationId: c.t.competition.applicationId })),
  'ApplicationForReview.scoreSummary': g((c) => ({ id: c.t.competition.applicationId }), { query: 'query($id: ID!) { applicationForReview(applicationId: $id) { id scoreSummary { reviews } } }' }),
  'Mutation.submitScores': g((c) => ({ input: { applicationId: c.t.competition.applicationId, scores: [{ criterionKey: 'relevance', score: 11 }] } })),
  'Mutation.declareConflict': g((c) => ({ applicationId: c.t.competition.otherApplicationId, reason: 'x'.repeat(2001) })),
  // Voting is open: districts and categories are frozen with the rules (CONFLICT past authorisation).
  'Mutation.addProcessDistrict': g((c) => ({ input: { processId: c.t.votingProcessId, name: { ky: 'Айыл' }, envelope: '1000' } })),
  'Mutation.addProcessCategory': g((c) => ({ input: { processId: c.t.votingProcessId, name: { ky: 'Жолдор' } } })),
  // Merging a proposal into itself: BAD_USER_INPUT once past authorisation.
  'Mutation.mergeProposals': g((c) => ({ input: { duplicateId: c.t.votingProposalId, intoId: c.t.votingProposalId } })),
  // A project row for the fixture's proposal (made as the implementation phase would); DONE below 100% is BAD_USER_INPUT.
  'Mutation.recordProjectUpdate': g(async (c) => ({ input: { proposalId: await fixtureProject(c), stage: 'DONE', progress: 50, body: 'Бүттү' } })),
  // A line key no budget has: BAD_USER_INPUT once past authorisation.
  'Mutation.linkProjectBudgetLine': g(async (c) => ({ input: { proposalId: await fixtureProject(c), budgetId: c.t.budgetId, lineKey: '00000000-0000-4000-8000-000000000000' } })),
  // A blank comment: BAD_USER_INPUT once threads found the caller may post; nothing stored.
  'Mutation.commentOnProposal': g((c) => ({ input: { proposalId: c.t.votingProposalId, body: '   ' } })),
  'Mutation.subscribeToProject': g(async (c) => ({ proposalId: await fixtureProject(c), subscribe: false })),
  'Mutation.setProcessMessageUpdates': g((c) => ({ processId: c.t.ideasProcessId, enabled: false })),
  // A blank text: BAD_USER_INPUT once past authorisation (checked before the rate limit), nothing stored or sent.
  'Mutation.sendProcessAnnouncement': g((c) => ({ input: { processId: c.t.ideasProcessId, text: { ky: '   ' } } })),
  'Query.processMessageAudience': g((c) => ({ processId: c.t.ideasProcessId })),
  'Mutation.createMonitoringNote': g((c) => ({ input: { budgetId: c.t.budgetId, lineKey: c.t.lineKey, status: 'QUESTION', title: 'Суроо', body: 'Эмне үчүн?', clientRequestId: randomUUID() } })),
  'Mutation.logIn': g((c) => ({ input: { login: c.w.preparer.email, password: PASSWORD } })),
  'Mutation.logOut': g(() => ({}), { freshSession: true }),
  // The unlock code normally arrives by mail (outside the platform): store one as the mail job would.
  'Mutation.unlockSignIn': g(async (c) => {
    const token = randomBytes(24).toString('base64url');
    await c.w.api.dataSource.query(`INSERT INTO sign_in_unlocks (account_id, token_hash, expires_at) VALUES ($1, $2, now() + interval '1 hour')`, [c.w.preparer.id, createHash('sha256').update(token).digest('hex')]);
    return { token };
  }),
  // Only the recipient may mark a message read: each caller gets an in-app message of its own to mark.
  'Mutation.markNotificationRead': g(async (c) => {
    const owner = c.w.actors[c.actor];
    if (!owner) return { id: '00000000-0000-4000-8000-000000000000' };
    const [row] = await c.w.api.dataSource.query(
      `INSERT INTO notification_deliveries (job_id, channel, recipient, account_id, template_key, params, status, provider, sent_at)
       VALUES ($1, 'in_app', $2::text, $2::uuid, 'notifications.signInUnlock', '{"link":"L","hours":1}', 'SENT', 'in-app', now()) RETURNING id`,
      [unique('hardening-inbox'), owner.id],
    );
    return { id: row.id };
  }),
  // Phone verification: an impossible number is BAD_USER_INPUT (no SMS); no code was asked for, so any code is BAD_USER_INPUT.
  'Mutation.requestPhoneVerification': g(() => ({ input: { phone: '0700 12' } })),
  'Mutation.confirmPhoneVerification': g(() => ({ input: { code: '000000' } })),
  'Query.myVerifiedPhone': g(() => ({})),
  'Query.myNotificationPreferences': g(() => ({})),
  'Query.smsEstimate': g(() => ({ text: 'Добуш башталды', recipients: 10 })),
  // An unregistered kind: BAD_USER_INPUT once signed in; nothing stored.
  'Mutation.setNotificationPreference': g(() => ({ kind: 'hardening.none', enabled: false })),
  'Mutation.refreshSession': g(async (c) => ({ refreshToken: (await signUp(c.w.api, 'Refresh')).refreshToken })),
  'Mutation.signUp': g(() => ({ input: { email: `${unique('signup')}@example.kg`, password: PASSWORD, displayName: 'Жаңы' } })),
  'Mutation.setLocale': g(() => ({ locale: 'ky' })),
  'Mutation.updateResidentProfile': g(() => ({ input: { birthYear: 1980 } })),
  'Mutation.mergeTerritorialUnits': g(() => ({ input: { codes: ['00000000000000'], effectiveDate: '2026-01-01', names: { ky: 'Жок' }, newCode: '00000000000001' } })),
  'Mutation.publishBudgetVersion': g((c) => ({ input: { versionId: c.t.draftVersionId, expectedRevision: STALE, commentsUntil: inAYear() } })),
  'Mutation.recordBudgetTransaction': g((c) => ({ input: { budgetId: c.t.budgetId, lineKey: c.t.lineKey, occurredOn: `${FISCAL_YEAR}-04-01`, amount: '10', attachments: [], clientRequestId: randomUUID() } })),
  'Mutation.registerAssistedResident': g((c) => ({ input: { communityId: c.t.communityId, displayName: 'Апа', reason: 'paper form at a village meeting' } })),
  'Mutation.replyToMonitoringNote': g((c) => ({ noteId: c.t.noteId, body: 'Жооп' })),
  'Mutation.requestBudgetExport': g((c) => ({ input: { versionId: c.t.publishedVersionId, format: 'CSV' } })),
  'Mutation.saveBudgetImportMapping': g((c) => ({ input: { communityId: c.t.communityId, kind: 'BUDGET', columns: [{ field: 'amount', header: 'Сумма' }] } })),
  'Mutation.saveBudgetLines': g((c) => ({ input: { versionId: c.t.draftVersionId, expectedRevision: STALE, lines: [] } })),
  'Mutation.setBudgetPopulation': g((c) => ({ budgetId: c.t.budgetId, population: 5000 })),
  'Mutation.setMonitoringNoteStatus': g((c) => ({ noteId: c.t.noteId, status: 'QUESTION' })),
  'Mutation.confirmBudgetImportUpload': g((c) => ({ input: { uploadId: c.t.uploadId, columns: [{ field: 'economic_code', header: 'economic_code' }, { field: 'amount', header: 'amount' }], saveMapping: false } })),
  'Mutation.startBudgetImport': g((c) => ({ input: { budgetId: c.t.budgetId, kind: 'BUDGET', fileName: 'plan.csv', contentBase64: Buffer.from(IMPORT_CSV).toString('base64') } })),
  'Mutation.submitBudgetVersion': g((c) => ({ input: { versionId: c.t.draftVersionId, expectedRevision: STALE } })),
  'Mutation.withdrawBudgetVersion': g((c) => ({ input: { versionId: c.t.draftVersionId, expectedRevision: STALE } })),
  'Mutation.upsertBudgetClassification': g(() => ({ input: { code: '2111', country: 'KG', scheme: 'ECONOMIC', direction: 'EXPENDITURE', names: { ky: 'Эмгек акы', ru: 'Заработная плата' }, source: 'hardening' } })),
  // ---- HTTP
  'POST /api/budget-transactions/:transactionId/documents': { kind: 'http', method: 'POST', path: (c) => `/api/budget-transactions/${c.t.transactionId}/documents?fileName=r.png`, body: PNG },
  'GET /api/budget-documents/:id': get((c) => `/api/budget-documents/${c.t.documentId}`),
  // Signed like the gateway signs (the session is not the credential): an unknown status is BAD_USER_INPUT for everyone, nothing stored.
  'POST /api/notifications/sms/delivery-report': {
    kind: 'http', method: 'POST', path: () => '/api/notifications/sms/delivery-report', body: SMS_REPORT, contentType: 'application/json',
    headers: smsSigned(SMS_REPORT),
  },
  // A bad sender is BAD_USER_INPUT for everyone; nothing stored, no phone opted out.
  'POST /api/notifications/sms/inbound': { kind: 'http', method: 'POST', path: () => '/api/notifications/sms/inbound', body: SMS_INBOUND, contentType: 'application/json', headers: smsSigned(SMS_INBOUND) },
  // The fixture's own photo again: the same bytes are the same photo (nothing stored twice).
  // A PNG where the form takes PDF only: BAD_USER_INPUT for the draft's editor (the platform admin), nothing stored.
  'POST /api/competition-applications/:applicationId/files': { kind: 'http', method: 'POST', path: (c) => `/api/competition-applications/${c.t.competition.platformDraftId}/files?stage=1&field=letter&fileName=x.png`, body: PNG },
  'GET /api/competition-files/:id': get((c) => `/api/competition-files/${c.t.competition.fileId}`),
  'GET /api/surveys/:surveyId/answers.csv': get((c) => `/api/surveys/${c.t.survey.surveyId}/answers.csv?lang=ru&labels=1`),
  'GET /api/surveys/:surveyId/answers.xlsx': get((c) => `/api/surveys/${c.t.survey.surveyId}/answers.xlsx?lang=ky`),
  'GET /api/surveys/:surveyId/codebook.csv': get((c) => `/api/surveys/${c.t.survey.surveyId}/codebook.csv?lang=kk`),
  'GET /api/surveys/:surveyId/answers.sps': get((c) => `/api/surveys/${c.t.survey.surveyId}/answers.sps?lang=en`),
  'GET /api/surveys/:surveyId/versions/:number/xlsform.xlsx': get((c) => `/api/surveys/${c.t.survey.surveyId}/versions/1/xlsform.xlsx`),
  // Not a workbook: BAD_USER_INPUT (notXlsx) for organisers, nothing published.
  'POST /api/surveys/:surveyId/xlsform': { kind: 'http', method: 'POST', path: (c) => `/api/surveys/${c.t.survey.surveyId}/xlsform`, body: PNG },
  'POST /api/pb-proposals/:proposalId/photos': { kind: 'http', method: 'POST', path: (c) => `/api/pb-proposals/${c.t.votingProposalId}/photos?fileName=bridge.png`, body: PNG },
  'GET /api/pb-photos/:id': get((c) => `/api/pb-photos/${c.t.photoId}`),
  'POST /api/budgets/:budgetId/imports': { kind: 'http', method: 'POST', path: (c) => `/api/budgets/${c.t.budgetId}/imports?kind=BUDGET&fileName=plan.csv`, body: Buffer.from(IMPORT_CSV), contentType: 'text/csv' },
  'GET /api/budgets/imports/:id/errors.csv': get((c) => `/api/budgets/imports/${c.t.importId}/errors.csv`),
  'GET /api/budgets/exports/:id/download': get((c) => `/api/budgets/exports/${c.t.exportId}/download`),
  'GET /api/public/oparl/v1.1/system': get(() => '/api/public/oparl/v1.1/system'),
  'GET /api/public/oparl/v1.1/bodies': get(() => '/api/public/oparl/v1.1/bodies'),
  'GET /api/public/oparl/v1.1/body/:bodyId': get((c) => `/api/public/oparl/v1.1/body/${c.t.councilBodyId}`),
  'GET /api/public/oparl/v1.1/body/:bodyId/vote-events': get((c) => `/api/public/oparl/v1.1/body/${c.t.councilBodyId}/vote-events`),
  'GET /api/public/oparl/v1.1/body/:bodyId/:list': get((c) => `/api/public/oparl/v1.1/body/${c.t.councilBodyId}/meeting`),
  'GET /api/public/oparl/v1.1/body/:bodyId/:kind/:id': get((c) => `/api/public/oparl/v1.1/body/${c.t.councilBodyId}/membership/${c.t.councilMembershipId}`),
  'GET /api/public/councils/:bodyId/open-data.json': get((c) => `/api/public/councils/${c.t.councilBodyId}/open-data.json`),
  'GET /api/public/councils/:bodyId/annual-report/:year.json': get((c) => `/api/public/councils/${c.t.councilBodyId}/annual-report/${new Date().getUTCFullYear()}.json?lang=ru`),
  'GET /api/public/councils/:bodyId/annual-report/:year.pdf': get((c) => `/api/public/councils/${c.t.councilBodyId}/annual-report/${new Date().getUTCFullYear()}.pdf?lang=kk`),
  'GET /api/public/budgets/:budgetId/versions/:n/budget.csv': get((c) => `/api/public/budgets/${c.t.budgetId}/versions/1/budget.csv`),
  'GET /api/public/budgets/:budgetId/versions/:n/budget.xlsx': get((c) => `/api/public/budgets/${c.t.budgetId}/versions/1/budget.xlsx`),
  'GET /api/public/budgets/:budgetId/versions/:n/budget.json': get((c) => `/api/public/budgets/${c.t.budgetId}/versions/1/budget.json`),
  'GET /api/public/budgets/:budgetId/versions/:n/budget-excel.csv': get((c) => `/api/public/budgets/${c.t.budgetId}/versions/1/budget-excel.csv`),
  'GET /api/public/budgets/:budgetId/versions/:n/fdp/datapackage.json': get((c) => `/api/public/budgets/${c.t.budgetId}/versions/1/fdp/datapackage.json`),
  'GET /api/public/budgets/:budgetId/versions/:n/fdp/budget.csv': get((c) => `/api/public/budgets/${c.t.budgetId}/versions/1/fdp/budget.csv`),
  'GET /api/public/participation/processes/:processId/ballot-sheet': get((c) => `/api/public/participation/processes/${c.t.votingProcessId}/ballot-sheet`),
  'GET /api/public/participation/processes/:processId/ballot-sheet.pdf': get((c) => `/api/public/participation/processes/${c.t.votingProcessId}/ballot-sheet.pdf`),
  // ---- municipality indicators
  'Query.municipalityIndicators': g((c) => ({ unitId: c.t.unitId })),
  'Query.municipalityComparison': g((c) => ({ areaUnitId: c.t.areaUnitId })),
  'Query.municipalityEServices': g(() => ({})),
  'Mutation.recordMunicipalityObservation': g((c) => ({ input: { unitId: c.t.unitId, observedOn: '2026-01-15', tunduk: 'NO', eServices: ['CERTIFICATES'], socialAccounts: [] } })),
  'GET /api/public/municipal-indicators/:areaUnitId-excel.csv': get((c) => `/api/public/municipal-indicators/${c.t.areaUnitId}-excel.csv`),
  'GET /api/public/municipal-indicators/:areaUnitId.csv': get((c) => `/api/public/municipal-indicators/${c.t.areaUnitId}.csv?lang=ru`),
  'GET /api/public/municipal-indicators/:areaUnitId.json': get((c) => `/api/public/municipal-indicators/${c.t.areaUnitId}.json`),
  'GET /healthz': get(() => '/healthz'),
  'GET /readyz': get(() => '/readyz'),
};
