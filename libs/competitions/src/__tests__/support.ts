import { RunningApi } from '../../../../test/support/api-harness';
import { gql, GqlResult, ok } from '../../../../test/support/graphql-client';
import { Person } from '../../../budgets/src/__tests__/support';
import { CompetitionsClock } from '../services/competitions-clock';

export const CREATE_CALL = `mutation($input: CreateCallInput!) { createCompetitionCall(input: $input) { id status timeZone grantCap stages { number deadlineAt timeZone deadlineLocal shortlistedOnly } } }`;
export const OPEN_CALL = `mutation($id: ID!) { openCompetitionCall(callId: $id) { id status } }`;
export const START = `mutation($input: StartApplicationInput!) { startApplication(input: $input) { id status editors } }`;
export const SAVE = `mutation($input: SaveDraftInput!) { saveApplicationDraft(input: $input) { id drafts status } }`;
export const SUBMIT = `mutation($id: ID!, $stage: Int!) { submitApplicationStage(applicationId: $id, stage: $stage) { stageNumber version answers diff } }`;
export const DECIDE = `mutation($input: DecideApplicationInput!) { decideApplication(input: $input) { id status decisionReason awardedAmount } }`;
export const APPLICATION = `query($id: ID!) { competitionApplication(id: $id) { id status currentStage editors requestedAmount amendmentUntil submissions { stageNumber version diff } } }`;
export const ADD_EXPERT = `mutation($input: AddExpertInput!) { addCallExpert(input: $input) }`;
export const SET_ASSIGNMENT = `mutation($a: ID!, $e: ID!, $on: Boolean!) { setReviewAssignment(applicationId: $a, expertAccountId: $e, assigned: $on) }`;
export const SCORE = `mutation($input: SubmitScoresInput!) { submitScores(input: $input) { criterionKey score comment } }`;
export const FOR_REVIEW = `query($id: ID!) { applicationForReview(applicationId: $id) { id title myScores { criterionKey score } submissions { version answers } interviews { startsAt notes } } }`;
export const SUMMARY = `query($id: ID!) { applicationForReview(applicationId: $id) { id scoreSummary { reviews weightedMean spread sheets { total scores { criterionKey score } } } } }`;
export const RANKING = `query($id: ID!) { callRanking(callId: $id) { entries { applicationId title reviews weightedMean meanZ spread perExpert { expertAccountId total z } } progress { expertAccountId scored total } } }`;
export const MY_ASSIGNMENTS = `query($id: ID!) { reviewAssignments(callId: $id) { scored total items { applicationId scored } } }`;
export const MY_ITEMS = `query($id: ID!) { reviewAssignments(callId: $id) { items { applicationId scored outdated } } }`;
export const AUTO_ASSIGN = `mutation($id: ID!, $n: Int!) { assignReviewers(callId: $id, perApplication: $n) { created short { applicationId missing } } }`;
export const CONFLICT = `mutation($id: ID!, $reason: String) { declareConflict(applicationId: $id, reason: $reason) }`;

export const STAGE1_FORM = {
  fields: [
    { key: 'concept', type: 'TEXT', required: true, minLength: 5, maxLength: 2000, label: { ky: 'Концепция' } },
    { key: 'letter', type: 'FILE', required: true, allowedTypes: ['application/pdf'], label: { ky: 'Кат' } },
    { key: 'budget', type: 'BUDGET', required: true, maxLines: 10, label: { ky: 'Бюджет' } },
  ],
};
export const STAGE2_FORM = { fields: [{ key: 'plan', type: 'TEXT', required: true, minLength: 10 }] };

export const CRITERIA = [
  { key: 'relevance', name: { ky: 'Актуалдуулук' }, weight: 3, min: 0, max: 10 },
  { key: 'budget', name: { ky: 'Бюджет' }, weight: 1, min: 0, max: 10 },
];

export interface CallOptions {
  timeZone?: string;
  deadline1?: string;
  deadline2?: string;
  kinds?: string[];
  anonymousReview?: boolean;
}

export function callInput(communityId: string, o: CallOptions = {}) {
  return {
    communityId,
    title: { ky: 'Жарандык технологиялар гранты', en: 'Civic-tech grants' },
    currency: 'USD',
    grantCap: '2000000',
    maxDurationMonths: 12,
    timeZone: o.timeZone ?? 'Asia/Bishkek',
    languages: ['ky', 'ru'],
    applicantKinds: o.kinds ?? ['NGO', 'INITIATIVE_GROUP'],
    directions: [
      { key: 'youth', name: { ky: 'Жаштар' } },
      { key: 'ecology', name: { ky: 'Экология' } },
    ],
    criteria: CRITERIA,
    requiredDocuments: [{ ky: 'Каттоо күбөлүгү' }],
    anonymousReview: o.anonymousReview ?? false,
    stages: [
      { name: { ky: 'Концепция' }, deadlineLocal: o.deadline1 ?? '2027-03-01T18:00', form: JSON.stringify(STAGE1_FORM) },
      { name: { ky: 'Толук топтом' }, deadlineLocal: o.deadline2 ?? '2027-04-01T18:00', form: JSON.stringify(STAGE2_FORM) },
    ],
  };
}

export async function openCall(api: RunningApi, organiser: Person, communityId: string, o: CallOptions = {}) {
  const call = ok(await gql(api.baseUrl, CREATE_CALL, { input: callInput(communityId, o) }, { token: organiser.token })).createCompetitionCall;
  ok(await gql(api.baseUrl, OPEN_CALL, { id: call.id }, { token: organiser.token }));
  return call as { id: string; stages: Array<{ number: number; deadlineAt: string; timeZone: string; deadlineLocal: string; shortlistedOnly: boolean }> };
}

export const PDF = Buffer.from('%PDF-1.7\n% кат\n');

/** Stands for "the letter uploaded to this application": `save` uploads it (once per application) and sends its id. */
export const UPLOADED_LETTER = Object.freeze({ upload: 'кат.pdf' });

export const goodAnswers = (cost = '500000') => ({ concept: 'Айылдагы жаштар үчүн ачык маалымат', letter: UPLOADED_LETTER, budget: { lines: [{ item: 'Ноутбук', quantity: 2, unitCost: cost }] } });

export const uploadFile = (api: RunningApi, token: string | null, applicationId: string, body: Buffer = PDF, query = 'stage=1&field=letter&fileName=kat.pdf') =>
  fetch(`${api.baseUrl}/api/competition-applications/${applicationId}/files?${query}`, { method: 'POST', headers: { 'content-type': 'application/octet-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: new Uint8Array(body) });

const letters = new Map<string, string>();
async function withUploads(api: RunningApi, who: Person, applicationId: string, answers: unknown): Promise<unknown> {
  if (!answers || typeof answers !== 'object' || (answers as Record<string, unknown>).letter !== UPLOADED_LETTER) return answers;
  const key = `${api.baseUrl} ${applicationId}`;
  if (!letters.has(key)) {
    const r = await uploadFile(api, who.token, applicationId);
    // Refused (late, frozen): the save that follows meets the same rule and answers it.
    if (r.status === 201) letters.set(key, ((await r.json()) as { fileId: string }).fileId);
  }
  return { ...(answers as Record<string, unknown>), letter: letters.has(key) ? { fileId: letters.get(key) } : null };
}

export const start = (api: RunningApi, who: Person, callId: string, extra: Record<string, unknown> = {}) =>
  gql(api.baseUrl, START, { input: { callId, directionKey: 'youth', applicantKind: 'INITIATIVE_GROUP', language: 'ky', durationMonths: 6, organisationName: 'Жаштар демилгеси', targetRegion: 'Ак-Дөбө', title: 'Ачык айыл', summary: 'Кыскача', ...extra } }, { token: who.token });
export const save = async (api: RunningApi, who: Person, applicationId: string, stage: number, answers: unknown, doNotReview?: string[]) =>
  gql(api.baseUrl, SAVE, { input: { applicationId, stage, answers: JSON.stringify(await withUploads(api, who, applicationId, answers)), ...(doNotReview ? { doNotReview } : {}) } }, { token: who.token });
export const submit = (api: RunningApi, who: Person, id: string, stage = 1) => gql(api.baseUrl, SUBMIT, { id, stage }, { token: who.token });

/** An application started, filled and submitted for stage 1. */
export async function submitted(api: RunningApi, who: Person, callId: string, extra: Record<string, unknown> = {}, answers = goodAnswers()): Promise<string> {
  const id = ok(await start(api, who, callId, extra)).startApplication.id as string;
  ok(await save(api, who, id, 1, answers));
  ok(await submit(api, who, id, 1));
  return id;
}

export const clockOf = (api: RunningApi) => api.app.get(CompetitionsClock, { strict: false });

export const score = (api: RunningApi, who: Person, applicationId: string, relevance: number, budget: number): Promise<GqlResult> =>
  gql(api.baseUrl, SCORE, { input: { applicationId, scores: [{ criterionKey: 'relevance', score: relevance, comment: 'Жакшы' }, { criterionKey: 'budget', score: budget }] } }, { token: who.token });
