import { buildSchema, parse } from 'graphql';
import { queryLimitsPlugin } from '../query-limits.plugin';

const schema = buildSchema(`
  type Unit { code: String  children: [Unit]  parent: Unit }
  type Query { root: Unit  other: Unit }
`);

async function check(query: string, maxDepth: number, maxComplexity: number): Promise<void> {
  const plugin = queryLimitsPlugin(() => schema, maxDepth, maxComplexity);
  const listener = await (plugin.requestDidStart as any)({});
  const document = parse(query);
  const operation = document.definitions.find((d) => d.kind === 'OperationDefinition');
  await listener.didResolveOperation({ request: { variables: {} }, document, operation });
}

describe('queryLimitsPlugin', () => {
  it('lets a query within both limits through', async () => {
    await expect(check('{ root { code children { code } } }', 3, 10)).resolves.toBeUndefined();
  });

  it('refuses a query deeper than the limit, counting fragments', async () => {
    const q = 'fragment F on Unit { children { children { code } } } { root { ...F } }';
    await expect(check(q, 3, 100)).rejects.toMatchObject({ message: 'Query depth 4 exceeds the limit of 3', extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('refuses a query costlier than the limit even when shallow', async () => {
    const wide = `{ ${Array.from({ length: 8 }, (_, i) => `a${i}: root { code parent { code } }`).join(' ')} }`;
    await expect(check(wide, 5, 20)).rejects.toMatchObject({ message: expect.stringMatching(/complexity \d+ exceeds the limit of 20/) });
  });
});
