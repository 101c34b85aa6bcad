import { buildSchema, GraphQLSchema, parse } from 'graphql';
import { assertDocumentShape, coerceVariables, createDocumentShapeCheck, DEFAULT_QUERY_LIMITS, measureOperation, queryLimitsPlugin } from '../query-limits.plugin';

const schema = buildSchema(`
  type Unit { code: String  children: [Unit]  parent: Unit }
  input SignUpInput { email: String!  displayName: String!  birthYear: Int  gender: Gender }
  enum Gender { FEMALE MALE }
  type Query { root: Unit  other: Unit  search(input: SignUpInput): Unit }
`);

async function check(query: string, maxDepth: number, maxComplexity: number, variables: Record<string, unknown> = {}): Promise<void> {
  const plugin = queryLimitsPlugin(() => schema, { maxDepth, maxComplexity });
  const listener = await (plugin.requestDidStart as any)({});
  const document = parse(query);
  const operation = document.definitions.find((d) => d.kind === 'OperationDefinition');
  await listener.didResolveOperation({ request: { variables }, document, operation });
}

function measure(query: string, s: GraphQLSchema = schema) {
  const document = parse(query);
  const operation = document.definitions.find((d) => d.kind === 'OperationDefinition') as any;
  return measureOperation(s, document, operation);
}

/** F1 spreads F0 twice, F2 spreads F1 twice, ...: 2^n leaves once expanded. */
function fanOut(n: number, root = 'Query', leaf = '__typename'): string {
  let q = `fragment F0 on ${root} { ${leaf} }\n`;
  for (let i = 1; i < n; i++) q += `fragment F${i} on ${root} { ...F${i - 1} ...F${i - 1} }\n`;
  return `${q}{ ...F${n - 1} }`;
}

describe('queryLimitsPlugin', () => {
  it('lets a query within both limits through', async () => {
    await expect(check('{ root { code children { code } } }', 3, 10)).resolves.toBeUndefined();
  });

  it('refuses a query deeper than the limit, counting fragments', async () => {
    const q = 'fragment F on Unit { children { children { code } } } { root { ...F } }';
    await expect(check(q, 3, 100)).rejects.toMatchObject({ message: 'Query depth 4 exceeds the limit of 3', extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
  });

  it('refuses a query costlier than the limit even when shallow', async () => {
    const wide = `{ ${Array.from({ length: 8 }, (_, i) => `a${i}: root { code parent { code } }`).join(' ')} }`;
    await expect(check(wide, 5, 20)).rejects.toMatchObject({ message: expect.stringMatching(/complexity \d+ exceeds the limit of 20/) });
  });

  it('refuses a fragment fan-out by its expanded cost, without expanding it', async () => {
    // 60 levels would be 2^60 leaves: only memoisation lets this return at all.
    const q = fanOut(60, 'Unit', 'code').replace(/\{ \.\.\.F59 \}$/, '{ root { ...F59 } }');
    await expect(check(q, 10, 2000)).rejects.toMatchObject({ message: expect.stringMatching(/complexity \d.* exceeds the limit of 2000/), extensions: { code: 'BAD_USER_INPUT' } });
  });

  it.each([
    ['a missing required input field', { input: { email: 'a@b.kg' } }, 'input.displayName'],
    ['a value of the wrong type', { input: { email: 'a@b.kg', displayName: 'X', birthYear: 'nineteen' } }, 'input.birthYear'],
    ['an Int overflow', { input: { email: 'a@b.kg', displayName: 'X', birthYear: 2 ** 40 } }, 'input.birthYear'],
    ['an unknown enum value', { input: { email: 'a@b.kg', displayName: 'X', gender: 'OTHER' } }, 'input.gender'],
    ['an unknown input field', { input: { email: 'a@b.kg', displayName: 'X', admin: true } }, 'input.admin'],
  ])('answers %s in a variable with BAD_USER_INPUT and its path, not a crash', async (_name, variables, field) => {
    const q = 'query($input: SignUpInput) { search(input: $input) { code } }';
    await expect(check(q, 5, 100, variables)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
      originalError: { field, messageKey: 'errors.BAD_USER_INPUT' },
    });
  });

  it('leaves a document without a chosen operation to Apollo (it answers 400), instead of crashing', async () => {
    const listener = await (queryLimitsPlugin(() => schema, { maxDepth: 5, maxComplexity: 100 }).requestDidStart as any)({});
    const document = parse('query A { root { code } } query B { other { code } }');
    await expect(listener.didResolveOperation({ request: { variables: {} }, document, operation: undefined })).resolves.toBeUndefined();
  });

  it('refuses a missing or null required variable with its name', () => {
    const doc = parse('query($input: SignUpInput!) { search(input: $input) { code } }');
    const op = doc.definitions[0] as any;
    expect(() => coerceVariables(schema, op, {})).toThrow(expect.objectContaining({ originalError: expect.objectContaining({ field: 'input' }) }));
    expect(() => coerceVariables(schema, op, { input: null })).toThrow(expect.objectContaining({ originalError: expect.objectContaining({ field: 'input' }) }));
  });
});

describe('measureOperation', () => {
  it('counts a fragment spread twice as twice its cost, walking it once', () => {
    expect(measure('fragment U on Unit { code parent { code } } { root { ...U ...U } }')).toEqual({ depth: 3, complexity: 1 + 2 * 3 });
    // 2^39 leaves, measured in one pass.
    expect(measure(fanOut(40))).toEqual({ depth: 0, complexity: 0 });
    expect(measure(fanOut(40, 'Unit', 'code').replace(/\{ \.\.\.F39 \}$/, '{ root { ...F39 } }'))).toEqual({ depth: 2, complexity: 1 + 2 ** 39 });
  });

  it('measures inline fragments and leaves out @skip(if: true) / @include(if: false)', () => {
    expect(measure('{ root { ... on Unit { code } parent @skip(if: true) { code } children @include(if: false) { code } } }')).toEqual({ depth: 2, complexity: 2 });
  });

  it('survives a fragment cycle (validation refuses it; measuring must not loop)', () => {
    expect(measure('fragment A on Unit { code ...B } fragment B on Unit { parent { ...A } } { root { ...A } }')).toEqual({ depth: 2, complexity: 3 });
  });

  it('counts aliases of one field each', () => {
    const aliased = `{ ${Array.from({ length: 50 }, (_, i) => `a${i}: root { code }`).join(' ')} }`;
    expect(measure(aliased).complexity).toBe(100);
  });

  it('uses the field complexity extension (Nest @Field({ complexity })), numbers and functions', () => {
    const s = buildSchema('type Unit { code: String children(first: Int): [Unit] } type Query { root: Unit }');
    const children = (s.getType('Unit') as any).getFields().children;
    children.extensions = { complexity: 10 };
    expect(measure('{ root { children { code } } }', s).complexity).toBe(1 + 10 + 1);
    children.extensions = { complexity: ({ args, childComplexity }: { args: { first?: number }; childComplexity: number }) => (args.first ?? 1) * childComplexity };
    expect(measure('{ root { children(first: 5) { code } } }', s).complexity).toBe(1 + 5);
  });
});

describe('assertDocumentShape', () => {
  const limits = { ...DEFAULT_QUERY_LIMITS };
  const refuses = (q: string, pattern: RegExp) =>
    expect(() => assertDocumentShape(q, limits)).toThrow(expect.objectContaining({ message: expect.stringMatching(pattern), extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));

  it('lets ordinary documents through and leaves syntax errors and non-strings to Apollo', () => {
    expect(() => assertDocumentShape('fragment U on Unit { code } query Q { root { ...U } other { code } }', limits)).not.toThrow();
    expect(() => assertDocumentShape('{ root {', limits)).not.toThrow();
    expect(() => assertDocumentShape(undefined, limits)).not.toThrow();
  });

  it('refuses too many tokens, fields, aliases, root fields, fragments and spreads', () => {
    refuses(`{ root { ${'code '.repeat(limits.maxTokens)} } }`, /more than 3000 tokens/);
    refuses(`{ root { ${'children { code } '.repeat(300)} } }`, /more than 500 fields/);
    refuses(`{ root { ${Array.from({ length: 40 }, (_, i) => `a${i}: code`).join(' ')} } }`, /more than 30 aliases/);
    refuses(`{ ${'root { code } '.repeat(21)} }`, /more than 20 root fields/);
    refuses(fanOut(40), /more than 30 fragments/);
    refuses(`fragment U on Unit { code } { root { ${'...U '.repeat(101)} } }`, /more than 100 fragment spreads/);
  });
});

describe('createDocumentShapeCheck', () => {
  const limits = { ...DEFAULT_QUERY_LIMITS, maxAliases: 1 };
  it('accepts what the shape check accepts and keeps refusing what it refuses, however often it is sent', () => {
    const check = createDocumentShapeCheck(limits, 2);
    for (let i = 0; i < 3; i++) {
      expect(() => check('{ root { code } }')).not.toThrow();
      expect(() => check('{ root { a: code b: code } }')).toThrow(expect.objectContaining({ message: expect.stringMatching(/aliases/) }));
    }
    // Past its bound it forgets and checks again, with the same answers.
    for (const q of ['{ root { code } }', '{ other { code } }', '{ root { code } other { code } }']) expect(() => check(q)).not.toThrow();
    expect(() => check('{ root { a: code b: code } }')).toThrow();
  });
});
