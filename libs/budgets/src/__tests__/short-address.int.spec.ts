/**
 * Short shareable addresses (issue 9): every community gets a stable, unique, transliterated slug and a
 * budget is found again by /b/<slug>/<year>; the page behind it is the same public page (drafts stay hidden).
 */
import { firstError, gql, ok } from '../../../../test/support/graphql-client';
import { RunningApi, startApi } from '../../../../test/support/api-harness';
import { community, CREATE_BUDGET, person, Person, platformAdmin, publishedBudget, village, Village } from './support';

const BY_SLUG = `query($slug: String!, $year: Int!) { budgetBySlug(communitySlug: $slug, fiscalYear: $year) { id fiscalYear publicPath publicVersion { number status } versions { status } } }`;
const COMMUNITY = `query($id: ID!) { community(id: $id) { slug } }`;
const LINKS = `query($id: ID!) { budgetsOfCommunity(communityId: $id) { id fiscalYear publicPath publicVersion { id } } }`;
const RENAME = `UPDATE communities SET names = '{"ky":"Жаңы ат"}' WHERE id = $1`;

describe('short addresses of public budgets (real PostgreSQL)', () => {
  let api: RunningApi;
  let platform: Person;
  let v: Village;

  beforeAll(async () => {
    api = await startApi({ label: 'shortaddr' });
    platform = await platformAdmin(api);
    v = await village(api, platform, '41707220840000', 'Ак-Дөбө бюджеттик тобу');
  });
  afterAll(() => api?.stop());

  const slugOf = async (id: string) => ok(await gql(api.baseUrl, COMMUNITY, { id })).community.slug as string;

  it('gives each community a transliterated slug, unique among namesakes and unchanged by a rename', async () => {
    expect(await slugOf(v.communityId)).toBe('ak-dobo-byudzhettik-tobu');
    const twin = await community(api, platform, '41707220843000', 'Ак-Дөбө бюджеттик тобу');
    expect(await slugOf(twin)).toBe('ak-dobo-byudzhettik-tobu-2');
    await api.dataSource.query(RENAME, [twin]);
    expect(await slugOf(twin)).toBe('ak-dobo-byudzhettik-tobu-2');
    const rows = await api.dataSource.query(`SELECT count(*)::int AS n, count(DISTINCT slug)::int AS d FROM communities WHERE slug IS NOT NULL`);
    expect(rows[0].n).toBe(rows[0].d);
  });

  it('resolves /b/<slug>/<year> to the budget, for anybody, with its short address', async () => {
    const { budgetId } = await publishedBudget(api, v, 2026, [
      { direction: 'REVENUE', economicCode: '13111', amount: '1000000' },
      { direction: 'EXPENDITURE', economicCode: '2111', functionalCode: '7011', amount: '900000' },
    ]);
    const b = ok(await gql(api.baseUrl, BY_SLUG, { slug: 'ak-dobo-byudzhettik-tobu', year: 2026 })).budgetBySlug;
    expect(b).toMatchObject({ id: budgetId, fiscalYear: 2026, publicPath: '/b/ak-dobo-byudzhettik-tobu/2026', publicVersion: { number: 1, status: 'PUBLISHED' } });
    // Upper case in a typed address still finds it.
    expect(ok(await gql(api.baseUrl, BY_SLUG, { slug: 'AK-DOBO-BYUDZHETTIK-TOBU', year: 2026 })).budgetBySlug.id).toBe(budgetId);
    const links = ok(await gql(api.baseUrl, LINKS, { id: v.communityId })).budgetsOfCommunity;
    expect(links).toEqual([{ id: budgetId, fiscalYear: 2026, publicPath: '/b/ak-dobo-byudzhettik-tobu/2026', publicVersion: { id: expect.any(String) } }]);
  });

  it('answers NOT_FOUND for an unknown slug, an unknown year or a malformed slug', async () => {
    for (const [slug, year] of [['no-such-village', 2026], ['ak-dobo-byudzhettik-tobu', 1999], ["x' OR 1=1 --", 2026], ['', 2026]] as const) {
      const e = firstError(await gql(api.baseUrl, BY_SLUG, { slug, year }));
      expect(e.extensions.code).toBe('NOT_FOUND');
    }
  });

  it('a draft-only budget is found by its address but shows no version to a stranger; its group sees the draft', async () => {
    ok(await gql(api.baseUrl, CREATE_BUDGET, { input: { communityId: v.communityId, fiscalYear: 2027, currency: 'KGS', title: { ky: '2027', ru: '2027' } } }, { token: v.a.token }));
    const stranger = await person(api, 'Stranger');
    const seen = ok(await gql(api.baseUrl, BY_SLUG, { slug: 'ak-dobo-byudzhettik-tobu', year: 2027 }, { token: stranger.token })).budgetBySlug;
    expect(seen.publicVersion).toBeNull();
    expect(seen.versions).toEqual([]);
    const group = ok(await gql(api.baseUrl, BY_SLUG, { slug: 'ak-dobo-byudzhettik-tobu', year: 2027 }, { token: v.a.token })).budgetBySlug;
    expect(group.versions).toEqual([{ status: 'DRAFT' }]);
  });
});
