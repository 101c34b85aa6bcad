import { RunningApi, startApi } from '../../../../test/support/api-harness';
import { firstError, gql, ok } from '../../../../test/support/graphql-client';
import { person, platformAdmin, Person, village, Village } from '../../../budgets/src/__tests__/support';
import { openCall, save, start } from './support';

/**
 * Files behind FILE fields on the real database: the type is read from the bytes and checked against the
 * form's allowed list; a refused file stores nothing; callers who may not upload are refused before the
 * body is read; a download is an attachment with a sanitised name, for the application's readers only.
 */
let api: RunningApi;
let v: Village;
let applicant: Person;
let stranger: Person;
let applicationId: string;
const PDF = Buffer.from('%PDF-1.7\n% кат\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

beforeAll(async () => {
  api = await startApi({ label: 'cmpfiles' });
  const platform = await platformAdmin(api);
  v = await village(api, platform, '41707220840000', 'Ак-Дөбө');
  applicant = await person(api, 'Өтүнүүчү');
  stranger = await person(api, 'Бөтөн');
  const call = await openCall(api, v.admin, v.communityId);
  applicationId = ok(await start(api, applicant, call.id)).startApplication.id;
});
afterAll(() => api?.stop());

const files = () => api.dataSource.query(`SELECT count(*)::int AS n FROM cmp_files`).then((r) => r[0].n as number);
const upload = (token: string | null, body: Buffer, query = 'stage=1&field=letter&fileName=kat.pdf', id = applicationId) =>
  fetch(`${api.baseUrl}/api/competition-applications/${id}/files?${query}`, { method: 'POST', headers: { 'content-type': 'application/octet-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: new Uint8Array(body) });

test('a file of a type the form does not allow is refused and stores nothing, whatever its name and declared type', async () => {
  const r = await upload(applicant.token, PNG, 'stage=1&field=letter&fileName=kat.pdf');
  expect(r.status).toBe(400);
  const body = await r.json();
  expect(body).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file', messageKey: 'errors.competitions.answers.fileType', params: { allowed: 'application/pdf' } });
  // An HTML page sent as a PDF is no PDF either.
  expect((await upload(applicant.token, Buffer.from('<html><script>alert(1)</script>'))).status).toBe(400);
  expect(await files()).toBe(0);
  expect(await api.dataSource.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'competitions.application.file'`)).toEqual([{ n: 0 }]);
});

test('anonymous callers and callers who do not edit the application are refused before the body is read', async () => {
  const anonymous = await upload(null, PDF);
  expect(anonymous.status).toBe(401);
  const foreign = await upload(stranger.token, PDF);
  expect(foreign.status).toBe(404);
  expect((await foreign.json()).code).toBe('NOT_FOUND');
  // A field that is not a FILE field, and a stage that does not exist.
  expect((await upload(applicant.token, PDF, 'stage=1&field=concept')).status).toBe(400);
  expect((await upload(applicant.token, PDF, 'stage=9&field=letter')).status).toBe(400);
  expect(await files()).toBe(0);
});

test('an allowed file is stored once, bound to the draft by id with the sniffed type, and downloaded as an attachment by its readers only', async () => {
  const first = await upload(applicant.token, PDF, 'stage=1&field=letter&fileName=' + encodeURIComponent('../кат "1".pdf'));
  expect(first.status).toBe(201);
  const stored = await first.json();
  expect(stored).toMatchObject({ name: 'кат 1.pdf', contentType: 'application/pdf' });
  // The same bytes again (a retry): the same file.
  expect((await (await upload(applicant.token, PDF)).json()).fileId).toBe(stored.fileId);
  expect(await files()).toBe(1);
  // The draft names the file; whatever type the client claims, the stored one is kept.
  ok(await save(api, applicant, applicationId, 1, { letter: { fileId: stored.fileId, name: 'x.exe', contentType: 'application/pdf' } }));
  const drafts = JSON.parse(ok(await gql(api.baseUrl, `query($id: ID!) { competitionApplication(id: $id) { drafts } }`, { id: applicationId }, { token: applicant.token })).competitionApplication.drafts);
  expect(drafts['1'].letter).toEqual({ fileId: stored.fileId, name: stored.name, contentType: 'application/pdf' });
  // A file id of nothing (or of another application) is refused.
  expect(firstError(await save(api, applicant, applicationId, 1, { letter: { fileId: '00000000-0000-4000-8000-000000000000', name: 'a.pdf', contentType: 'application/pdf' } })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.answers.letter' });

  const get = (token: string | null) => fetch(`${api.baseUrl}${stored.url}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const mine = await get(applicant.token);
  expect(mine.status).toBe(200);
  expect(mine.headers.get('content-disposition')).toMatch(/^attachment; filename="/);
  expect(mine.headers.get('content-type')).toBe('application/pdf');
  expect(mine.headers.get('x-content-type-options')).toBe('nosniff');
  expect(Buffer.from(await mine.arrayBuffer()).equals(PDF)).toBe(true);
  // The organisers read it; a stranger and an anonymous caller do not.
  expect((await get(v.admin.token)).status).toBe(200);
  expect((await get(stranger.token)).status).toBe(404);
  expect((await get(null)).status).toBe(401);
});
