import { RunningApi } from '../../../../test/support/api-harness';
import { gql, ok } from '../../../../test/support/graphql-client';

// Its own sign-up: notifications is used by identity and budgets, so its tests do not import their supports
// (the project graph would see a cycle).
export interface Person { token: string; id: string; email: string }
let seq = 0;
export async function person(api: RunningApi, name: string): Promise<Person> {
  const email = `n${++seq}.${Date.now()}@example.kg`;
  const s = ok(await gql(api.baseUrl, `mutation($input: SignUpInput!) { signUp(input: $input) { accessToken account { id } } }`, { input: { email, password: 'long enough pw', displayName: name } })).signUp;
  return { token: s.accessToken, id: s.account.id, email };
}

