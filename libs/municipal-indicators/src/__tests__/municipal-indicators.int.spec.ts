import { checkAnswers } from '@ashar/survey-forms';
import { firstError, gql, ok } from '../../../../test/support/graphql-client';
import { RunningApi, startApi } from '../../../../test/support/api-harness';
import { count, member, Person, platformAdmin, village, Village } from '../../../budgets/src/__tests__/support';
import { indicatorsFromAnswers, MUNICIPALITY_SURVEY_FORM } from '../domain/survey-mapping';

const RECORD = `mutation($input: RecordMunicipalityObservationInput!) { recordMunicipalityObservation(input: $input) { id unitId observedOn source surveyAnswerSetId eServices tunduk websiteAnswered score { total eServices website tunduk activeSocial contactAnswers } socialAccounts { platform active } } }`;
const INDICATORS = `query($id: ID!) { municipalityIndicators(unitId: $id) { canRecord unit { code } current { id observedOn score { total } } history { id observedOn tunduk source } } }`;
const COMPARISON = `query($id: ID!) { municipalityComparison(areaUnitId: $id) { maxScore area { code level }
  rows { unit { id code names { ru } } score current { observedOn eServices websiteUrl } }
  totals { municipalities observed withWebsite withTunduk withActiveSocial withContactAnswering eServicesOffered websiteShare tundukShare activeSocialShare contactShare averageEServices averageScore } } }`;

// Bakai-Ata raion (Talas oblast): nine aiyl aimaks in the template's classifier.
const RAION = '41707220000000';
const OBLAST = '41707000000000';
const AK_DOBO = '41707220840000';
const ORO = '41707220843000';
const SHADYKAN = '41707220808000';
const BOO_TEREK = '41707220823000';
const VILLAGE_CODE_PREFIX = '4170722084';

describe('municipality indicators (real PostgreSQL)', () => {
  let api: RunningApi;
  let platform: Person;
  let v: Village;
  let outsider: Person;
  const ids: Record<string, string> = {};

  const unitId = async (code: string) => (await api.dataSource.query(`SELECT id FROM territorial_units WHERE code = $1 AND valid_to IS NULL`, [code]))[0].id as string;
  const record = (who: Person | null, input: object) => gql(api.baseUrl, RECORD, { input }, who ? { token: who.token } : {});

  beforeAll(async () => {
    api = await startApi({ label: 'municipal' });
    platform = await platformAdmin(api);
    v = await village(api, platform, AK_DOBO, 'Ак-Дөбө');
    const other = await village(api, platform, ORO, 'Оро');
    outsider = other.a;
    for (const code of [RAION, OBLAST, AK_DOBO, ORO, SHADYKAN, BOO_TEREK]) ids[code] = await unitId(code);
  });
  afterAll(() => api?.stop());

  it('records observations: who may, what is refused, and the history with the latest current', async () => {
    const base = { unitId: ids[AK_DOBO], observedOn: '2026-03-10', tunduk: 'IN_PROGRESS', tundukSince: '2026-02-01', eServices: ['CERTIFICATES'], websiteUrl: 'https://ak-dobo.example.kg', websiteAnswered: false };
    const first = ok(await record(v.a, base)).recordMunicipalityObservation;
    expect(first).toMatchObject({ source: 'MANUAL', tunduk: 'IN_PROGRESS', score: { total: 1, eServices: 1, website: false, tunduk: false } });
    const second = ok(await record(v.admin, { ...base, observedOn: '2026-10-20', tunduk: 'YES', websiteAnswered: true, eServices: ['CERTIFICATES', 'HOUSEHOLD_BOOK', 'CERTIFICATES'], contactPhone: '+996 3422 5 12 34', contactAnswered: true, contactCheckedOn: '2026-10-20', socialAccounts: [{ platform: 'FACEBOOK', url: 'https://facebook.com/akdobo', lastPostOn: '2026-10-12' }] })).recordMunicipalityObservation;
    expect(second.score).toEqual({ total: 6, eServices: 2, website: true, tunduk: true, activeSocial: true, contactAnswers: true });
    // An older date recorded later is history, not current.
    ok(await record(platform, { ...base, observedOn: '2025-12-01', tunduk: 'NO', tundukSince: null, websiteAnswered: null }));

    // Permissions: a citizen of the community, a member of another unit's community, anonymous.
    expect(firstError(await record(v.citizen, base)).extensions.code).toBe('FORBIDDEN');
    expect(firstError(await record(outsider, base)).extensions.code).toBe('FORBIDDEN');
    expect(firstError(await record(null, base)).extensions.code).toBe('UNAUTHENTICATED');
    ok(await record(outsider, { ...base, unitId: ids[ORO], observedOn: '2026-10-01', tunduk: 'NO', tundukSince: null, websiteUrl: null, websiteAnswered: null, eServices: [] }));

    // Validation: the input class, then the rules across fields; nothing is written by a refusal.
    const before = await count(api, 'municipality_observations');
    const refused: Array<[Record<string, unknown>, string, string?]> = [
      [{ websiteUrl: 'ftp://ak-dobo.kg' }, 'input.websiteUrl', 'errors.municipal.url'],
      [{ websiteUrl: 'javascript:alert(1)' }, 'input.websiteUrl', 'errors.municipal.url'],
      [{ observedOn: '2026-02-30' }, 'input.observedOn', 'errors.validation.date'],
      [{ observedOn: '2099-01-01' }, 'input.observedOn', 'errors.municipal.futureDate'],
      [{ websiteUrl: null, websiteAnswered: true }, 'input.websiteAnswered', 'errors.municipal.answeredWithoutWebsite'],
      [{ tunduk: 'NO', tundukSince: '2026-01-01' }, 'input.tundukSince', 'errors.municipal.tundukSinceWithoutConnection'],
      [{ tundukSince: '2026-05-01' }, 'input.tundukSince', 'errors.municipal.afterObservation'],
      [{ socialAccounts: [{ platform: 'TELEGRAM', url: 'https://t.me/x', lastPostOn: '2026-04-01' }] }, 'input.socialAccounts.0.lastPostOn', 'errors.municipal.afterObservation'],
      [{ socialAccounts: [{ platform: 'TELEGRAM', url: 't.me/x' }] }, 'input.socialAccounts.0.url'],
      [{ eServicesOther: 'Жайыт', eServices: ['CERTIFICATES'] }, 'input.eServicesOther', 'errors.municipal.otherWithoutOther'],
      [{ contactAnswered: true }, 'input.contactAnswered', 'errors.municipal.noContact'],
      [{ contactEmail: 'not-an-email' }, 'input.contactEmail'],
      [{ source: 'SURVEY' }, 'input.surveyAnswerSetId'],
      [{ surveyAnswerSetId: 'set-1' }, 'input.surveyAnswerSetId', 'errors.municipal.answerSetOnlyForSurvey'],
    ];
    for (const [patch, field, key] of refused) {
      const e = firstError(await record(v.a, { ...base, ...patch }));
      expect({ patch, code: e.extensions.code, field: e.extensions.field }).toEqual({ patch, code: 'BAD_USER_INPUT', field });
      if (key) expect(e.extensions.messageKey).toBe(key);
    }
    // A village is not a municipality; an unknown unit is NOT_FOUND.
    const villageId = (await api.dataSource.query(`SELECT id FROM territorial_units WHERE code LIKE $1 AND level = 'VILLAGE' LIMIT 1`, [`${VILLAGE_CODE_PREFIX}%`]))[0].id;
    expect(firstError(await record(platform, { ...base, unitId: villageId })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.unitId', messageKey: 'errors.municipal.notMunicipality' });
    expect(firstError(await record(platform, { ...base, unitId: '00000000-0000-4000-8000-000000000001' })).extensions.code).toBe('NOT_FOUND');
    expect(await count(api, 'municipality_observations')).toBe(before);

    // The database refuses what slipped past the application (checks), and never changes history.
    await expect(api.dataSource.query(`INSERT INTO municipality_observations (unit_id, observed_on, website_url, tunduk, source, recorded_by) VALUES ($1, '2026-01-01', 'file:///etc/passwd', 'NO', 'MANUAL', $2)`, [ids[AK_DOBO], platform.id])).rejects.toThrow(/ck_municipality_observations_website/);
    await expect(api.dataSource.query(`INSERT INTO municipality_observations (unit_id, observed_on, tunduk, source, recorded_by) VALUES ($1, CURRENT_DATE + 30, 'NO', 'MANUAL', $2)`, [ids[AK_DOBO], platform.id])).rejects.toThrow(/ck_municipality_observations_observed_on/);
    await expect(api.dataSource.query(`INSERT INTO municipality_observations (unit_id, observed_on, tunduk, e_services, source, recorded_by) VALUES ($1, '2026-01-01', 'NO', '{TELEPORT}', 'MANUAL', $2)`, [ids[AK_DOBO], platform.id])).rejects.toThrow(/ck_municipality_observations_e_services/);
    await expect(api.dataSource.query(`UPDATE municipality_observations SET tunduk = 'YES' WHERE id = $1`, [first.id])).rejects.toThrow(/append-only|permission denied/);
    await expect(api.dataSource.query(`DELETE FROM municipality_observations WHERE id = $1`, [first.id])).rejects.toThrow(/append-only|permission denied/);

    const page = ok(await gql(api.baseUrl, INDICATORS, { id: ids[AK_DOBO] })).municipalityIndicators;
    expect(page.canRecord).toBe(false);
    expect(page.current).toMatchObject({ id: second.id, observedOn: '2026-10-20', score: { total: 6 } });
    expect(page.history.map((h: { observedOn: string }) => h.observedOn)).toEqual(['2026-10-20', '2026-03-10', '2025-12-01']);
    expect(ok(await gql(api.baseUrl, INDICATORS, { id: ids[AK_DOBO] }, { token: v.a.token })).municipalityIndicators.canRecord).toBe(true);
    expect(ok(await gql(api.baseUrl, INDICATORS, { id: ids[AK_DOBO] }, { token: v.citizen.token })).municipalityIndicators.canRecord).toBe(false);
    // Every observation is in the audit chain.
    expect(await count(api, 'audit_events', `action = 'municipalIndicators.observation.record'`)).toBe(4);
  });

  it('takes a survey answer set through indicatorsFromAnswers: once per answer set, a changed one is a conflict', async () => {
    const checked = checkAnswers(MUNICIPALITY_SURVEY_FORM, { observed_on: '2026-10-19', website_url: 'https://boo-terek.example.kg', website_answered: 'yes', e_services: ['CERTIFICATES', 'APPOINTMENTS', 'OTHER'], e_services_other: 'Жайыт билеттери', tunduk: 'YES', tunduk_since: '2025-11-01', contact_email: 'booterek@example.kg', contact_answered: 'no', contact_checked_on: '2026-10-19' }, 'ky');
    expect(checked.problems).toEqual([]);
    const input = indicatorsFromAnswers(checked.answers, { unitId: ids[BOO_TEREK], answerSetId: 'survey-7:answer-set-31' });
    const saved = ok(await record(platform, input)).recordMunicipalityObservation;
    expect(saved).toMatchObject({ source: 'SURVEY', surveyAnswerSetId: 'survey-7:answer-set-31', score: { total: 5, eServices: 3, website: true, tunduk: true, contactAnswers: false } });
    // The same answer set again (a retry): the stored observation, nothing new.
    const again = ok(await record(platform, input)).recordMunicipalityObservation;
    expect(again.id).toBe(saved.id);
    expect(await count(api, 'municipality_observations', `survey_answer_set_id = 'survey-7:answer-set-31'`)).toBe(1);
    expect(firstError(await record(platform, { ...input, tunduk: 'NO', tundukSince: null })).extensions).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.municipal.answerSetRecorded' });
  });

  it('compares a raion: one row per aiyl aimak, score order, totals equal to a hand count, in a bounded number of statements', async () => {
    ok(await record(platform, { unitId: ids[SHADYKAN], observedOn: '2026-10-18', tunduk: 'NO', eServices: [], socialAccounts: [{ platform: 'WHATSAPP', url: 'https://wa.me/996700000111', postsLast30Days: 3 }], contactPhone: '+996 700 000 111', contactAnswered: true }));
    const start = api.sql.length;
    const c = ok(await gql(api.baseUrl, COMPARISON, { id: ids[RAION] })).municipalityComparison;
    const statements = api.sql.length - start;
    expect(c.area).toEqual({ code: RAION, level: 'DISTRICT' });
    expect(c.maxScore).toBe(13);
    expect(c.rows).toHaveLength(9);
    // Hand count — Ak-Dobo 6 (2 services + website + Tunduk + Facebook + contact), Boo-Terek 5 (3 + website + Tunduk),
    // Shadykan 2 (WhatsApp active + contact), Oro 0 (observed, nothing); five aimaks never observed.
    expect(c.rows.slice(0, 4).map((r: { unit: { code: string }; score: number }) => [r.unit.code, r.score])).toEqual([[AK_DOBO, 6], [BOO_TEREK, 5], [SHADYKAN, 2], [ORO, 0]]);
    expect(c.rows.slice(4).every((r: { score: number | null; current: unknown }) => r.score === null && r.current === null)).toBe(true);
    expect(c.totals).toEqual({ municipalities: 9, observed: 4, withWebsite: 2, withTunduk: 2, withActiveSocial: 2, withContactAnswering: 2, eServicesOffered: 5, websiteShare: 0.5, tundukShare: 0.5, activeSocialShare: 0.5, contactShare: 0.5, averageEServices: 1.25, averageScore: 3.25 });
    expect(statements).toBeLessThanOrEqual(4);

    // The oblast: the raion's aimaks are among its municipalities, in the same number of statements whatever the count.
    const s2 = api.sql.length;
    const o = ok(await gql(api.baseUrl, COMPARISON, { id: ids[OBLAST] })).municipalityComparison;
    expect(api.sql.length - s2).toBeLessThanOrEqual(5);
    expect(o.rows.length).toBeGreaterThan(9);
    expect(o.totals.observed).toBe(4);
    expect(o.totals.withTunduk).toBe(2);
    // An aiyl aimak is not an area; a municipality page of a raion is NOT_FOUND.
    expect(firstError(await gql(api.baseUrl, COMPARISON, { id: ids[AK_DOBO] })).extensions.code).toBe('NOT_FOUND');
    expect(firstError(await gql(api.baseUrl, INDICATORS, { id: ids[RAION] })).extensions.code).toBe('NOT_FOUND');
  });

  it('exports the raion as CSV, Excel CSV and JSON with the audit anchor', async () => {
    const csv = await fetch(`${api.baseUrl}/api/public/municipal-indicators/${ids[RAION]}.csv?lang=ru`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('x-audit-anchor')).toMatch(/^\d+:[0-9a-f]{64}$/);
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="municipal-indicators-41707220000000/);
    const lines = (await csv.text()).trimEnd().split('\n');
    expect(lines[0]).toBe('Код СОАТЕ,Муниципалитет,Дата проверки,Балл,Число электронных услуг,Электронные услуги,Другие услуги,Сайт,Сайт открылся,Социальные сети,Активны за 30 дней,«Тундук»,Дата подключения к «Тундуку»,Телефон,Электронная почта,Контакт ответил,Дата проверки контакта,Источник');
    expect(lines).toHaveLength(10);
    const akDobo = lines.find((l) => l.startsWith(AK_DOBO))!.split(',');
    expect(akDobo.slice(2, 5)).toEqual(['2026-10-20', '6', '2']);
    expect(lines.find((l) => l.startsWith(BOO_TEREK))).toContain('опрос');

    const excel = await fetch(`${api.baseUrl}/api/public/municipal-indicators/${ids[RAION]}-excel.csv`, { headers: { 'accept-language': 'ky-KG,ky;q=0.9' } });
    const bytes = Buffer.from(await excel.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.slice(1).split('\r\n')[0].split(';').slice(0, 3)).toEqual(['СОАТЕ коду', 'Муниципалитет', 'Текшерүү күнү']);

    const json = await (await fetch(`${api.baseUrl}/api/public/municipal-indicators/${ids[RAION]}.json`)).json();
    expect(json.area.code).toBe(RAION);
    expect(json.totals.observed).toBe(4);
    expect(json.municipalities).toHaveLength(9);
    expect(json.municipalities[0]).toMatchObject({ code: AK_DOBO, score: 6, current: { observedOn: '2026-10-20', tunduk: 'YES' } });
    expect(JSON.stringify(json)).not.toContain('recordedBy');

    expect((await fetch(`${api.baseUrl}/api/public/municipal-indicators/${ids[AK_DOBO]}.csv`)).status).toBe(404);
    expect((await fetch(`${api.baseUrl}/api/public/municipal-indicators/not-a-uuid.json`)).status).toBe(404);
  });

  it('a newly invited budget-group member of the unit may record', async () => {
    const m = await member(api, platform, v.communityId, 'BUDGET_GROUP_MEMBER', 'Жаңы');
    ok(await record(m, { unitId: ids[AK_DOBO], observedOn: '2026-11-01', tunduk: 'YES' }));
  });
});
