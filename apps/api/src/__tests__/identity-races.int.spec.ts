import { gql, ok } from '../../../../test/support/graphql-client';
import { RunningApi, startApi } from '../../../../test/support/api-harness';

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { accessToken account { id } } }`;
const PROFILE = `mutation($input: ResidentProfileInput!) { updateResidentProfile(input: $input) { birthYear } }`;

describe('identity under races (real API)', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi({ label: 'identity_races' });
  });
  afterAll(() => api?.stop());

  it('20 first profile updates at once all succeed: one profile, one audit event each', async () => {
    const s = ok(await gql(api.baseUrl, SIGN_UP, { input: { email: `race.${Date.now()}@example.kg`, password: 'long enough pw', displayName: 'Жаран' } })).signUp;
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => gql(api.baseUrl, PROFILE, { input: { birthYear: 1960 + i } }, { token: s.accessToken })));
    expect(answers.flatMap((a) => a.errors ?? [])).toEqual([]);
    const rows = await api.dataSource.query('SELECT birth_year FROM resident_profiles WHERE account_id = $1', [s.account.id]);
    expect(rows).toHaveLength(1);
    const audits = await api.dataSource.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'resident.updateProfile' AND entity_id = $1`, [s.account.id]);
    expect(audits[0].n).toBe(20);
  });
});
