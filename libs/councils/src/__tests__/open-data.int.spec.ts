import * as path from 'path';
import { RunningApi, startApi } from '../../../../test/support/api-harness';
import { person, Person, platformAdmin, village, Village } from '../../../budgets/src/__tests__/support';
import { oparlValidator } from './oparl-validator';
import { ATTENDANCE, CLOSE, council, Council, DECIDE, item, meeting, must, PUBLISH, rollCall, SEND, STATE_BODY } from './support';

/**
 * The councils' open data on the real database: OParl 1.1 objects valid against the spec's schemas,
 * every id served, closed meetings' items absent until published, Popolo counts equal to the votes.
 */
const SHARED = process.env.ASHAR_SHARED_DIR ? path.resolve(process.env.ASHAR_SHARED_DIR) : path.resolve(__dirname, '../../../..', '../shared');
const check = oparlValidator(path.join(SHARED, 'data', 'oparl-1.1', 'schema'));

let api: RunningApi;
let platform: Person;
let v: Village;
let c: Council;
let open: string;
let closed: string;
let closedItem: string;
type Obj = Record<string, unknown> & { id: string; type: string };

const get = async (p: string) => {
  const r = await fetch(p.startsWith('http') ? p : `${api.baseUrl}${p}`);
  return { status: r.status, body: (await r.json()) as Record<string, unknown>, headers: r.headers };
};

beforeAll(async () => {
  api = await startApi({ label: 'councilsoparl', env: { PUBLIC_URL: 'http://placeholder.invalid' } });
  platform = await platformAdmin(api);
  v = await village(api, platform, '41707220840000', 'Ак-Дөбө');
  const people = await Promise.all(['Айгүл', 'Бакыт', 'Нурлан'].map((n) => person(api, n)));
  c = await council(api, v, people);
  open = await meeting(api, c, 'OPEN', 'Ачык жыйын');
  await must(api, c.secretary, ATTENDANCE, { input: { meetingId: open, attendees: c.terms.map((membershipId, i) => ({ membershipId, present: i < 2 })) } });
  const a = await item(api, c, open, 'Көпүрөнү оңдоо');
  await rollCall(api, c, a, ['FOR', 'FOR', 'ABSENT']);
  const decision = (await must(api, c.secretary, DECIDE, { input: { agendaItemId: a, text: 'Көпүрө 2027-жылы оңдолсун' } })).decideAgendaItem;
  const b = await item(api, c, open, 'Жаңы жол');
  await rollCall(api, c, b, ['AGAINST', 'ABSTAIN', 'FOR']);
  await must(api, c.secretary, DECIDE, { input: { agendaItemId: b, text: 'Жол четке кагылды' } });
  await must(api, c.secretary, CLOSE, { id: open });
  const ministry = (await must(api, platform, STATE_BODY, { input: { kind: 'MINISTRY', country: 'KG', name: { ky: 'Финансы министрлиги', ru: 'Министерство финансов' } } })).createStateBody.id;
  await must(api, c.secretary, SEND, { input: { bodyId: c.bodyId, addresseeId: ministry, decisionId: decision.id, title: 'Көпүрөгө каражат', text: 'Каражат бөлүү сунушталат', sentOn: '2026-11-11', deadline: '2026-12-11' } });
  closed = await meeting(api, c, 'CLOSED', 'Жабык жыйын', '2026-11-20T09:00:00Z');
  closedItem = await item(api, c, closed, 'Жабык маселе');
  await rollCall(api, c, closedItem, ['FOR', 'FOR', 'FOR']);
  await must(api, c.secretary, DECIDE, { input: { agendaItemId: closedItem, text: 'Купуя чечим' } });
});
afterAll(() => api?.stop());

test('the bulk file of a body: every object valid OParl 1.1, Popolo counts equal to the individual votes', async () => {
  const r = await get(`/api/public/councils/${c.bodyId}/open-data.json`);
  expect(r.status).toBe(200);
  expect(r.headers.get('content-disposition')).toContain('attachment');
  const out = r.body as Record<string, Obj[] | Obj>;
  const all = ['organization', 'person', 'membership', 'meeting', 'agendaItem', 'paper', 'consultation', 'file'].flatMap((k) => out[k] as Obj[]);
  expect(check([out.system, out.body, ...all])).toEqual([]);
  expect((out.person as Obj[]).map((p) => p.name).sort()).toEqual(['Мүчө 1', 'Мүчө 2', 'Мүчө 3']);
  expect(out.meeting as Obj[]).toHaveLength(2);
  expect((out.meeting as Obj[])[0]).toMatchObject({ name: 'Ачык жыйын', meetingState: 'held', start: '2026-11-10T15:00:00+06:00' });
  expect((out.meeting as Obj[])[0].participant).toHaveLength(2);
  expect((out.paper as Obj[])[0]).toMatchObject({ name: 'Көпүрөгө каражат', paperType: 'recommendation' });
  expect((out.consultation as Obj[])[0].agendaItem).toBe((out.agendaItem as Obj[]).find((a) => a.name === 'Көпүрөнү оңдоо')!.id);

  const events = out.voteEvent as unknown as Array<{ result: string; counts: Array<{ option: string; value: number }>; votes: Array<{ option: string }> }>;
  expect(events.map((e) => e.result)).toEqual(['pass', 'fail']);
  for (const e of events) {
    for (const k of e.counts) expect(k.value).toBe(e.votes.filter((x) => x.option === k.option).length);
    expect(e.votes).toHaveLength(3);
  }
});

test('a closed meeting is listed, its agenda and votes appear only once published', async () => {
  const before = await get(`/api/public/councils/${c.bodyId}/open-data.json`);
  const meetings = before.body.meeting as Obj[];
  expect(meetings.find((m) => m.name === 'Жабык жыйын')!.agendaItem).toEqual([]);
  expect(JSON.stringify(before.body)).not.toContain('Купуя чечим');
  expect((await get(`/api/public/oparl/v1.1/body/${c.bodyId}/agendaItem/${closedItem}`)).status).toBe(404);

  await must(api, c.secretary, PUBLISH, { id: closed });
  const after = await get(`/api/public/councils/${c.bodyId}/open-data.json`);
  expect(JSON.stringify(after.body)).toContain('Купуя чечим');
  expect((after.body.voteEvent as unknown[]).length).toBe(3);
  expect((await get(`/api/public/oparl/v1.1/body/${c.bodyId}/agendaItem/${closedItem}`)).status).toBe(200);
});

test('every id is a URL one of the routes serves, with the object it names; lists follow OParl’s list shape', async () => {
  const system = (await get('/api/public/oparl/v1.1/system')).body as Obj;
  expect(check(system)).toEqual([]);
  const bodies = (await get('/api/public/oparl/v1.1/bodies')).body as { data: Obj[]; pagination: { totalElements: number } };
  expect(bodies.data.map((b) => b.id)).toContain(`http://placeholder.invalid/api/public/oparl/v1.1/body/${c.bodyId}`);
  expect(bodies.pagination.totalElements).toBe(bodies.data.length);
  expect(check(bodies.data)).toEqual([]);

  const local = (id: string) => id.replace('http://placeholder.invalid', api.baseUrl);
  const bulk = (await get(`/api/public/councils/${c.bodyId}/open-data.json`)).body as Record<string, Obj[]>;
  for (const list of ['organization', 'person', 'membership', 'meeting', 'agendaItem', 'paper', 'consultation', 'file', 'legislativeTerm']) {
    const page = (await get(`/api/public/oparl/v1.1/body/${c.bodyId}/${list}`)).body as { data: Obj[] };
    expect(page.data.map((o) => o.id)).toEqual(bulk[list].map((o) => o.id));
    for (const o of bulk[list]) {
      const one = await get(local(o.id));
      expect([o.id, one.status]).toEqual([o.id, 200]);
      expect((one.body as Obj).id).toBe(o.id);
    }
  }
  expect((await get(`/api/public/oparl/v1.1/body/${c.bodyId}/nonsense`)).status).toBe(404);
  expect((await get(`/api/public/oparl/v1.1/body/not-a-uuid`)).status).toBe(404);
  expect((await get(`/api/public/councils/00000000-0000-4000-8000-000000000000/open-data.json`)).status).toBe(404);
});
