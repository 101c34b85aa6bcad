import { RunningApi, startApi } from '../../../../test/support/api-harness';
import { pdfText } from '@ashar/pdf/testing';
import { gql, ok } from '../../../../test/support/graphql-client';
import { member, platformAdmin, Person, village, Village } from '../../../budgets/src/__tests__/support';
import { cast, CREATE_PROCESS, MOVE, REVIEW, SUBMIT } from './support';

/**
 * Issue 11 leftovers on the real database: the published turnout per village carries the village's name
 * in the reader's language, and the printable ballot sheet is also a PDF with DejaVu embedded listing
 * every feasible project (read back out of the PDF through its ToUnicode maps).
 */
let api: RunningApi;
let platform: Person;
let v: Village;

beforeAll(async () => {
  api = await startApi({ label: 'pbsheets', worker: true });
  platform = await platformAdmin(api);
  v = await village(api, platform, '41707220840000', 'Ак-Дөбө');
});
afterAll(() => api?.stop());

const PROFILE = `mutation($input: ResidentProfileInput!) { updateResidentProfile(input: $input) { birthYear } }`;
const TURNOUT = `query($id: ID!, $lang: Lang) { participatoryProcess(id: $id) { outcome { participation { voters byVillage { key count name nameIn: name(lang: $lang) } } } } }`;
const TITLES = ['Көпүрөнү оңдоо', 'Мектептин чатыры', 'Суу түтүгү — Жаңы-Жол көчөсү', 'Балдар аянтчасы'];

async function votingProcess(titles: string[]): Promise<{ processId: string; proposals: string[] }> {
  const rules = { envelope: '100000000', ballotKind: 'APPROVAL', minChoices: 1, maxChoices: 2, countingRule: 'GREEDY', verification: 'SELF_DECLARED' };
  const processId = ok(await gql(api.baseUrl, CREATE_PROCESS, { input: { communityId: v.communityId, title: { ky: 'Ашар 2027: айылдар', ru: 'Ашар 2027: сёла' }, currency: 'KGS', rules } }, { token: v.admin.token })).createParticipatoryProcess.id;
  ok(await gql(api.baseUrl, MOVE, { id: processId, phase: 'IDEAS' }, { token: v.admin.token }));
  const proposals: string[] = [];
  for (const [i, title] of titles.entries()) proposals.push(ok(await gql(api.baseUrl, SUBMIT, { input: { processId, title, description: 'Сунуш', estimatedCost: String(1_000_000 * (i + 1)) } }, { token: v.citizen.token })).submitProposal.id);
  ok(await gql(api.baseUrl, MOVE, { id: processId, phase: 'REVIEW' }, { token: v.admin.token }));
  for (const id of proposals) ok(await gql(api.baseUrl, REVIEW, { input: { proposalId: id, feasible: true } }, { token: v.a.token }));
  ok(await gql(api.baseUrl, MOVE, { id: processId, phase: 'VOTING' }, { token: v.admin.token }));
  return { processId, proposals };
}

test('per-village turnout names each village in the reader’s language (the territory’s names)', async () => {
  const { processId, proposals } = await votingProcess(TITLES.slice(0, 2));
  const villages = ['41707220840010', '41707220840020'];
  for (const [vi, code] of villages.entries()) {
    for (let i = 0; i < 5; i++) {
      const p = await member(api, platform, v.communityId, 'CITIZEN', `Шайлоочу ${vi}-${i}`);
      ok(await gql(api.baseUrl, PROFILE, { input: { villageCode: code } }, { token: p.token }));
      ok(await cast(api, p, processId, [proposals[i % 2]]));
    }
  }
  ok(await gql(api.baseUrl, MOVE, { id: processId, phase: 'RESULTS' }, { token: v.admin.token }));
  const end = Date.now() + 20_000;
  let stats: { voters: number; byVillage: Array<{ key: string; count: number | null; name: string | null; nameIn: string | null }> } | null = null;
  while (!stats) {
    stats = ok(await gql(api.baseUrl, TURNOUT, { id: processId, lang: 'ru' }, { headers: { 'accept-language': 'ky' } })).participatoryProcess.outcome?.participation ?? null;
    if (!stats && Date.now() > end) throw new Error('no outcome');
    if (!stats) await new Promise((r) => setTimeout(r, 200));
  }
  const units: Array<{ id: string; code: string; names: Record<string, string> }> = await api.dataSource.query(`SELECT id, code, names FROM territorial_units WHERE code = ANY($1) AND valid_to IS NULL`, [villages]);
  expect(stats.voters).toBe(10);
  const expected = units.map((u) => ({ key: u.id, count: 5, name: u.names.ky ?? u.names.ru, nameIn: u.names.ru ?? u.names.ky }));
  expect([...stats.byVillage].sort((a, b) => a.key.localeCompare(b.key))).toEqual(expected.sort((a, b) => a.key.localeCompare(b.key)));
  expect(stats.byVillage.every((c) => c.name && c.nameIn)).toBe(true);
});

test.each([
  ['ky', 'Ашар 2027: айылдар', 'Долбоор'],
  ['ru', 'Ашар 2027: сёла', 'Проект'],
  ['kk', 'Ашар 2027: сёла', 'Жоба'],
])('the ballot sheet as a PDF in %s: DejaVu embedded, the title, every project and the serials', async (lang, title, header) => {
  const { processId } = await votingProcess(TITLES);
  const res = await fetch(`${api.baseUrl}/api/public/participation/processes/${processId}/ballot-sheet.pdf?lang=${lang}&from=7&count=2`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  const pdf = Buffer.from(await res.arrayBuffer());
  const raw = pdf.toString('latin1');
  expect(raw.startsWith('%PDF-')).toBe(true);
  expect(raw).toContain('/FontFile2');
  expect(raw).toMatch(/DejaVuSans/);
  expect(raw).not.toMatch(/\/BaseFont \/Helvetica/);
  expect((raw.match(/\/Type \/Page\b/g) ?? []).length).toBe(2);
  const text = pdfText(pdf).lines.join('\n');
  expect(text).toContain(title);
  expect(text).toContain(header);
  for (const t of TITLES) expect(text).toContain(t);
  expect(text).toContain('0007');
  expect(text).toContain('0008');
});

test('the PDF route refuses what the HTML route refuses: not voting, bad counts, unknown ids', async () => {
  const draft = ok(await gql(api.baseUrl, CREATE_PROCESS, { input: { communityId: v.communityId, title: { ky: 'Долбоор' }, currency: 'KGS', rules: { envelope: '1000', ballotKind: 'APPROVAL', countingRule: 'GREEDY', verification: 'SELF_DECLARED' } } }, { token: v.admin.token })).createParticipatoryProcess.id;
  const get = (path: string) => fetch(`${api.baseUrl}/api/public/participation/processes/${path}`);
  expect((await get(`${draft}/ballot-sheet.pdf`)).status).toBe(404);
  expect((await get(`not-a-uuid/ballot-sheet.pdf`)).status).toBe(404);
  const { processId } = await votingProcess(TITLES.slice(0, 1));
  const bad = await get(`${processId}/ballot-sheet.pdf?count=501`);
  expect(bad.status).toBe(400);
  expect(await bad.json()).toMatchObject({ code: 'BAD_USER_INPUT', field: 'count' });
});
