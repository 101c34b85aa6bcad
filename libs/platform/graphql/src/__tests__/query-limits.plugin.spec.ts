import { buildSchema, parse } from 'graphql';
import { measureOperation, queryLimitsPlugin, QueryLimits } from '../query-limits.plugin';

const schema = buildSchema(`
  type Unit { code: String  children: [Unit]  parent: Unit }
  type Query { root: Unit  other: Unit }
`);
const LIMITS: QueryLimits = { maxDepth: 10, maxComplexity: 1000, maxAliases: 30, maxRootFields: 20 };

async function check(query: string, limits: Partial<QueryLimits>): Promise<void> {
  const plugin = queryLimitsPlugin(() => schema, { ...LIMITS, ...limits });
  const listener = await (plugin.requestDidStart as any)({});
  const document = parse(query);
  const operation = document.definitions.find((d) => d.kind === 'OperationDefinition');
  await listener.didResolveOperation({ request: { variables: {} }, document, operation });
}

function measure(query: string) {
  const document = parse(query);
  return measureOperation(schema, document, document.definitions.find((d) => d.kind === 'OperationDefinition') as never);
}

/** fragment F0 { root { code } }, F1 { ...F0 ...F0 }, ..., F<n>: 2^n copies of F0 when expanded. */
function fanOut(n: number): string {
  let q = 'fragment F0 on Query { root { code } }\n';
  for (let i = 1; i <= n; i++) q += `fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }\n`;
  return `${q}query { ...F${n} }`;
}

describe('queryLimitsPlugin', () => {
  it('lets a query within both limits through', async () => {
    await expect(check('{ root { code children { code } } }', { maxDepth: 3, maxComplexity: 10 })).resolves.toBeUndefined();
  });

  it('refuses a query deeper than the limit, counting fragments', async () => {
    const q = 'fragment F on Unit { children { children { code } } } { root { ...F } }';
    await expect(check(q, { maxDepth: 3 })).rejects.toMatchObject({ message: 'Query depth 4 exceeds the limit of 3', extensions: { code: 'BAD_USER_INPUT', messageKey: 'errors.queryTooLarge' } });
  });

  it('refuses a query costlier than the limit even when shallow', async () => {
    const wide = `{ ${Array.from({ length: 8 }, (_, i) => `a${i}: root { code parent { code } }`).join(' ')} }`;
    await expect(check(wide, { maxDepth: 5, maxComplexity: 20 })).rejects.toMatchObject({ message: expect.stringMatching(/complexity \d+ exceeds the limit of 20/) });
  });

  it('counts a fragment spread twice twice, without walking it twice (fan-out stays linear)', () => {
    expect(measure('fragment F on Query { root { code } } query { ...F ...F }').complexity).toBe(4);
    // 2^60 expanded fields: a naive walk never returns; the memoised one returns at once.
    const m = measure(fanOut(60));
    expect(m.complexity).toBe(2 * 2 ** 60);
    expect(m.depth).toBe(2);
  });

  it('refuses a 40-fragment fan-out on its cost', async () => {
    await expect(check(fanOut(40), {})).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', params: { measure: 'complexity' } } });
  });

  it('counts field complexity from the resolver options, as graphql-query-complexity did', () => {
    const s = buildSchema('type Query { a: Int  list: [Int] }');
    (s.getQueryType()!.getFields().list.extensions as Record<string, unknown>) = { complexity: 20 };
    const doc = parse('{ a list }');
    expect(measureOperation(s, doc, doc.definitions[0] as never).complexity).toBe(21);
  });

  it('survives fragment cycles (validation reports them) and unknown fragments', () => {
    expect(measure('fragment A on Query { ...B root { code } } fragment B on Query { ...A } query { ...A }').complexity).toBe(2);
    expect(measure('query { ...Missing root { code } }').complexity).toBe(2);
  });

  it('refuses too many aliases and too many root fields', async () => {
    const aliased = `{ root { ${Array.from({ length: 31 }, (_, i) => `c${i}: code`).join(' ')} } }`;
    await expect(check(aliased, {})).rejects.toMatchObject({ extensions: { params: { measure: 'aliases', limit: 30 } } });
    const roots = `{ ${Array.from({ length: 21 }, (_, i) => (i % 2 ? 'root { code }' : 'other { code }')).join(' ')} }`;
    await expect(check(roots, { maxAliases: 100 })).rejects.toMatchObject({ extensions: { params: { measure: 'rootFields', limit: 20 } } });
  });
});
