import { gql, ok } from '../../../../test/support/graphql-client';
import { RunningApi, startApi } from '../../../../test/support/api-harness';

describe('territory over GraphQL (real PostgreSQL, seeded classifiers)', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi({ label: 'territory' });
  });
  afterAll(() => api?.stop());

  it('answers in Kyrgyz, Russian and English, falling back to a language that has the name', async () => {
    const q = `query($lang: Lang) { territorialUnit(code: "41707220840000") { name(lang: $lang) ancestors { name(lang: $lang) } children { code name(lang: $lang) } } }`;
    const ky = ok(await gql(api.baseUrl, q, { lang: 'ky' })).territorialUnit;
    const ru = ok(await gql(api.baseUrl, q, { lang: 'ru' })).territorialUnit;
    const en = ok(await gql(api.baseUrl, q, { lang: 'en' })).territorialUnit;
    expect([ky.name, ru.name, en.name]).toEqual(['Ак-Дөбө айыл аймагы', 'Ак-Дебенский айылный аймак', 'Ak-Dobo aiyl aimak']);
    expect(ky.ancestors.map((a: { name: string }) => a.name)).toEqual(['Талас облусу', 'Бакай-Ата району']);
    expect(ru.ancestors.map((a: { name: string }) => a.name)).toEqual(['Таласская область', 'Бакай-Атинский район']);
    expect(en.children.map((c: { name: string }) => c.name)).toEqual(['Ak-Dobo', 'Kyzyl-Sai', 'Kyzyl-Charba']);
    // Kazakhstan's units have Russian names only in the bundled classifier: never blank in another language.
    const kz = ok(await gql(api.baseUrl, `{ territoryRoots(country: KZ) { code name(lang: ky) } }`)).territoryRoots;
    expect(kz).toHaveLength(20);
    expect(kz.every((u: { name: string }) => u.name.trim().length > 0)).toBe(true);
    expect(kz.find((u: { code: string }) => u.code === '100000000').name).toBe('область Абай');
    const kk = ok(await gql(api.baseUrl, `{ territorialUnit(code: "100000000") { name(lang: kk) } }`)).territorialUnit;
    expect(kk.name).toBe('Абай облысы');
  });

  it('uses the Accept-Language of the request when no lang argument is given', async () => {
    const r = await gql(api.baseUrl, `{ territorialUnit(code: "41707000000000") { name } }`, {}, { headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(ok(r).territorialUnit.name).toBe('Talas Region');
  });

  it.each([['Ак-Дөбө'], ['ак дебе'], ['АК-ДЕБЕ'], ['Aк-Дeбe' /* Latin A and e */]])('finds the village whatever the spelling: %s', async (query) => {
    const r = ok(await gql(api.baseUrl, `query($q: String!) { searchTerritory(query: $q, country: KG) { code level } }`, { q: query }));
    expect(r.searchTerritory.map((u: { code: string }) => u.code)).toContain('41707220840010');
  });

  it('answers NOT_FOUND for an unknown code and an empty list for a too-short query', async () => {
    const r = await gql(api.baseUrl, `{ territorialUnit(code: "41799999999999") { id } }`);
    expect(r.errors![0].extensions.code).toBe('NOT_FOUND');
    expect(ok(await gql(api.baseUrl, `{ searchTerritory(query: "а") { id } }`)).searchTerritory).toEqual([]);
  });

  it('walks oblast → raion → aimak → village with a bounded number of SQL statements (DataLoader)', async () => {
    api.sql.length = 0;
    const r = ok(await gql(api.baseUrl, `{ territoryRoots(country: KG) { code name children { code name children { code name communities { id } } } } }`));
    expect(r.territoryRoots).toHaveLength(9);
    const aimaks = r.territoryRoots.flatMap((o: any) => o.children.flatMap((d: any) => d.children));
    expect(aimaks.length).toBeGreaterThan(400);
    // roots + children (level 2) + children (level 3) + communities: one statement each, whatever the count.
    expect(api.sql.filter((s) => /^\s*SELECT/i.test(s)).length).toBeLessThanOrEqual(4);
  });

  it('refuses queries deeper than the limit before running them', async () => {
    const deep = `{ territoryRoots(country: KG) { children { children { children { children { children { children { children { children { children { children { code } } } } } } } } } } } }`;
    const r = await gql(api.baseUrl, deep);
    expect(r.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(r.errors![0].message).toMatch(/depth/);
  });

  it('serves /healthz and /readyz (PostgreSQL checked, queue backend named)', async () => {
    expect(await (await fetch(`${api.baseUrl}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${api.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', queueBackend: 'postgres', checks: { postgres: 'ok' } });
  });

  describe('an administrative reform that merges two aiyl aimaks', () => {
    const MERGE = `mutation($input: MergeTerritorialUnitsInput!) { mergeTerritorialUnits(input: $input) { id code validFrom name(lang: ky) children { code } } }`;
    const input = { codes: ['41707220840000', '41707220843000'], newCode: '41707220840000', names: { ky: 'Ак-Дөбө айыл аймагы (2025)', ru: 'Ак-Дебенский айылный аймак' }, effectiveDate: '2025-01-01' };
    let admin: string;
    let oldCommunity: string;

    beforeAll(async () => {
      const s = ok(await gql(api.baseUrl, `mutation { signUp(input: { email: "reform@example.kg", password: "long enough pw", displayName: "R" }) { accessToken account { id } } }`));
      await api.dataSource.query('UPDATE accounts SET platform_admin = true WHERE id = $1', [s.signUp.account.id]);
      admin = ok(await gql(api.baseUrl, `mutation { logIn(input: { login: "reform@example.kg", password: "long enough pw" }) { accessToken } }`)).logIn.accessToken;
      oldCommunity = ok(await gql(api.baseUrl, `mutation { createCommunity(input: { unitCode: "41707220843000", kind: BUDGET_GROUP, names: { ru: "Бюджетная группа Оро" } }) { id } }`, {}, { token: admin })).createCommunity.id;
    });

    it('is refused to anyone but a platform admin, and for unknown codes, changing nothing', async () => {
      const user = ok(await gql(api.baseUrl, `mutation { signUp(input: { email: "not-admin@example.kg", password: "long enough pw", displayName: "N" }) { accessToken } }`)).signUp.accessToken;
      expect((await gql(api.baseUrl, MERGE, { input }, { token: user })).errors![0].extensions.code).toBe('FORBIDDEN');
      const bad = await gql(api.baseUrl, MERGE, { input: { ...input, codes: ['41707220840000', '41707299999000'] } }, { token: admin });
      expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.codes.1' });
      const n = await api.dataSource.query(`SELECT count(*)::int AS n FROM territorial_units WHERE valid_to IS NOT NULL`);
      expect(n[0].n).toBe(0);
    });

    it('closes the old units with a successor, keeps what was attached to them, and moves their villages', async () => {
      const merged = ok(await gql(api.baseUrl, MERGE, { input }, { token: admin })).mergeTerritorialUnits;
      expect(merged).toMatchObject({ code: '41707220840000', validFrom: '2025-01-01', name: 'Ак-Дөбө айыл аймагы (2025)' });
      expect(merged.children.map((c: { code: string }) => c.code).sort()).toEqual(
        ['41707220840010', '41707220840020', '41707220840030', '41707220843010', '41707220843020', '41707220843030'],
      );
      // The code now names the new unit; the community made for the old unit stays with it.
      expect(ok(await gql(api.baseUrl, `{ territorialUnit(code: "41707220840000") { id } }`)).territorialUnit.id).toBe(merged.id);
      const c = ok(await gql(api.baseUrl, `query($id: ID!) { community(id: $id) { unit { code validTo successor { id } } } }`, { id: oldCommunity })).community;
      expect(c.unit).toEqual({ code: '41707220843000', validTo: '2025-01-01', successor: { id: merged.id } });
      // Search shows current units only.
      const found = ok(await gql(api.baseUrl, `{ searchTerritory(query: "Ороский") { code } }`)).searchTerritory;
      expect(found).toEqual([]);
      const audit = await api.dataSource.query(`SELECT action, entity_id FROM audit_events WHERE action = 'territory.merge'`);
      expect(audit).toEqual([{ action: 'territory.merge', entity_id: merged.id }]);
    });
  });
});
