import { GraphQLSchema } from 'graphql';
import { RunningApi, startApi } from '../support/api-harness';
import { plausible, typeAt, variantsOf, withValue } from './support/bad-values';
import { DbSnapshotter, diffSnapshots } from './support/db-snapshot';
import { buildWorld, logIn, World } from './support/fixtures';
import { graphqlCall, rawGraphql, RawAnswer } from './support/http';
import { CallContext, GraphqlCall, OPERATION_CALLS } from './support/operation-calls';
import { mapPool } from './support/pool';
import { loadSchema, operationDocument, rootFields } from './support/schema';

/**
 * Cases that fail today because of a defect someone is fixing. Key: the case as printed in a failure
 * (`operation path label`), value: the defect. The suite fails when a listed case passes, so the list
 * can only shrink: delete the line with the fix. The ~580 gaps of the first run (variable coercion in
 * the cost check, NUL bytes, loose uuid checks) are closed on main at 19b2718; this one was hidden
 * there because a logOut case ended the admin's session before saveBudgetImportMapping ran (fixed: NOT_FOUND).
 */
const KNOWN_GAPS: Record<string, string> = {};

/**
 * Stable codes a refusal may carry: the platform's own (README "Errors") and Apollo's parse and
 * validation codes, which the error formatter passes through with the errors.BAD_USER_INPUT key.
 */
const ALLOWED_CODES = new Set([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
  'SERVICE_UNAVAILABLE',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
]);

/** Operations whose refusal of a bad credential is UNAUTHENTICATED by design. */
const SESSION_OPERATIONS = new Set(['Mutation.logIn', 'Mutation.refreshSession', 'Mutation.logOut']);

interface Tried {
  key: string;
  ms: number;
  answer: RawAnswer;
  refused: boolean;
  changed: string[];
}

function serverError(a: RawAnswer): string | null {
  if (a.status >= 500) return `HTTP ${a.status} ${a.text.slice(0, 160)}`;
  const bad = a.errors.map((e) => e.extensions?.code ?? 'no code').filter((c) => !ALLOWED_CODES.has(c));
  return bad.length ? `codes ${[...new Set(bad)].join(',')}` : null;
}

/** Queries that stress the parser and the limits rather than one argument: deep, fan-out, literals. */
function shapeCases(w: World): Array<{ key: string; body: string }> {
  const deep = (n: number) => `{ territoryRoots(country: KG) { ${'children { '.repeat(n)}id${' }'.repeat(n)} } }`;
  const fragments = (levels: number) => {
    const defs = [`fragment F0 on TerritorialUnit { id code name names { ky ru } }`];
    for (let i = 1; i <= levels; i++) defs.push(`fragment F${i} on TerritorialUnit { a: parent { ...F${i - 1} } b: successor { ...F${i - 1} } c: children { ...F${i - 1} } }`);
    return `{ territoryRoots(country: KG) { ...F${levels} } } ${defs.join(' ')}`;
  };
  const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: budget(id: "${w.A.budgetId}") { id versions { lines { id } } }`).join(' ')} }`;
  const q = (query: string, variables: Record<string, unknown> = {}) => JSON.stringify({ query, variables });
  return [
    { key: 'shape deep selection (30 levels)', body: q(deep(30)) },
    { key: 'shape deep selection (200 levels)', body: q(deep(200)) },
    { key: 'shape fragment fan-out (3^8 paths)', body: q(fragments(8)) },
    { key: 'shape fragment cycle', body: q(`{ me { ...A } } fragment A on Account { ...B } fragment B on Account { ...A }`) },
    { key: 'shape 500 aliases', body: q(aliases(500)) },
    { key: 'shape 5000 directives', body: q(`{ me ${'@include(if: true) '.repeat(5000)}{ id } }`) },
    { key: 'shape syntax error', body: q(`{ me { id `) },
    { key: 'shape unknown field', body: q(`{ nope }`) },
    { key: 'shape not JSON', body: '{"query": "{ me { id } }"' },
    { key: 'shape JSON array batch', body: JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]) },
    { key: 'shape query not a string', body: JSON.stringify({ query: 12 }) },
    { key: 'shape variables not an object', body: JSON.stringify({ query: 'query($id: ID!) { budget(id: $id) { id } }', variables: 'x' }) },
    // Inline literals: the same bad values through the document instead of variables.
    { key: 'literal Int overflow', body: q(`mutation { setBudgetPopulation(budgetId: "${w.A.budgetId}", population: 2147483648) { id } }`) },
    { key: 'literal 1e308 as Int', body: q(`{ budgetFor(communityId: "${w.A.communityId}", fiscalYear: 1e308) { id } }`) },
    { key: 'literal 36-dash id', body: q(`{ budget(id: "${'-'.repeat(36)}") { id } }`) },
    { key: 'literal 36-dash version id', body: q(`{ budgetVersion(id: "${'-'.repeat(36)}") { id } }`) },
    { key: 'literal NUL in a string', body: q(`mutation { addBudgetComment(input: { versionId: "${w.A.publishedVersionId}", body: "a\\u0000b" }) { id } }`) },
    { key: 'literal NUL in a code', body: q(`{ territorialUnit(code: "\\u0000") { id } }`) },
    { key: 'literal unknown enum', body: q(`mutation { setLocale(locale: xx) { id } }`) },
    { key: 'literal impossible date', body: q(`mutation { recordBudgetTransaction(input: { budgetId: "${w.A.budgetId}", lineKey: "${w.A.lineKey}", occurredOn: "2025-02-30", amount: "10" }) { id } }`) },
    { key: 'literal negative money', body: q(`mutation { recordBudgetTransaction(input: { budgetId: "${w.A.budgetId}", lineKey: "${w.A.lineKey}", occurredOn: "2025-02-03", amount: "-10" }) { id } }`) },
  ];
}

describe('bad-input corpus: every argument of every operation, refused cleanly and without writing', () => {
  let api: RunningApi;
  let w: World;
  let snap: DbSnapshotter;
  const schema: GraphQLSchema = loadSchema();

  beforeAll(async () => {
    // TRUST_PROXY: every call plays its own client address (support/http.ts) so per-address limits stay out of the way.
    api = await startApi({ label: 'hardinput', env: { TRUST_PROXY: 'loopback' } });
    w = await buildWorld(api);
    snap = new DbSnapshotter(api.dataSource);
  }, 120_000);
  afterAll(() => api?.stop());

  it('answers every bad input below HTTP 500 with a stable code, and a refused write changes no row', async () => {
    const token = w.platform.token; // the most privileged role: validation, not authorisation, is reached
    const ctx: CallContext = { w, t: w.A, side: 'own', actor: 'platformAdmin' };
    const tried: Tried[] = [];
    let before = await snap.take();
    let started = Date.now();
    const record = async (key: string, answer: RawAnswer, refused: boolean) => {
      const ms = Date.now() - started;
      // Refused before execution (parse, validation, variable coercion: no error has a path) means no
      // resolver ran, so nothing can have been written; the next snapshot still covers it.
      const data = (answer.body as { data?: unknown } | null)?.data;
      if (refused && data == null && answer.errors.length && answer.errors.every((e) => e.path === undefined)) {
        tried.push({ key, ms, answer, refused, changed: [] });
        return;
      }
      const after = await snap.take();
      tried.push({ key, ms, answer, refused, changed: refused ? diffSnapshots(before, after) : [] });
      before = after;
      started = Date.now();
    };

    for (const root of ['Mutation', 'Query'] as const) {
      for (const field of rootFields(schema, root)) {
        if (!field.args.length) continue;
        const op = `${root}.${field.name}`;
        const call = OPERATION_CALLS[op] as GraphqlCall | undefined;
        if (!call) throw new Error(`${op} has no argument builder in test/hardening/support/operation-calls.ts`);
        const base = await call.vars(ctx);
        before = await snap.take();
        const doc = operationDocument(schema, root, field.name);
        const state = { mbUsed: false };
        const variants = field.args.flatMap((arg) => variantsOf(arg.type, base[arg.name], [arg.name], state).map((v) => ({ arg, v })));
        if (root === 'Query') {
          // Queries write nothing: run them side by side and compare rows once per operation (below).
          await mapPool(variants, 4, async ({ arg, v }) => {
            const t0 = Date.now();
            const answer = await graphqlCall(api.baseUrl, doc, withValue(base, v.path, v.value, (p) => plausible(typeAt(arg.type, p.slice(1)))), token);
            tried.push({ key: `${op} ${v.path.join('.')} ${v.label}`, ms: Date.now() - t0, answer, refused: true, changed: [] });
          });
        }
        for (const { arg, v } of root === 'Mutation' ? variants : []) {
          {
            const vars = withValue(base, v.path, v.value, (p) => plausible(typeAt(arg.type, p.slice(1))));
            // logOut ends the session it is sent with: give it its own, so the admin's stays valid.
            const as = call.freshSession ? (await logIn(api, w.platform)).token : token;
            if (call.freshSession) before = await snap.take(); // the new session's rows are not the case's
            started = Date.now();
            const answer = await graphqlCall(api.baseUrl, doc, vars, as);
            const data = (answer.body as { data?: Record<string, unknown> | null } | null)?.data;
            const refused = answer.status >= 400 || answer.errors.length > 0 || !data || data[field.name] == null;
            await record(`${op} ${v.path.join('.')} ${v.label}`, answer, refused);
          }
        }
        {
          const after = await snap.take();
          const changed = diffSnapshots(before, after);
          if (changed.length) tried.push({ key: `${op} (all variants)`, ms: 0, answer: { status: 200, body: null, text: '', errors: [] }, refused: true, changed });
          before = after;
        }
      }
    }
    for (const s of shapeCases(w)) {
      started = Date.now();
      await record(s.key, await rawGraphql(api.baseUrl, s.body, token), true);
    }
    if (process.env.HARDENING_TIMINGS) console.log(`requests: ${tried.reduce((n, t) => n + t.ms, 0)} ms in all`);
    if (process.env.HARDENING_TIMINGS) console.log([...tried].sort((a, b) => b.ms - a.ms).slice(0, 25).map((t) => `${t.ms} ms ${t.key}`).join('\n'));

    const failures: string[] = [];
    const gapsOpen: string[] = [];
    let serverErrors = 0;
    let rowsChanged = 0;
    for (const t of tried) {
      const se = serverError(t.answer);
      if (se) serverErrors++;
      if (t.changed.length) rowsChanged++;
      const problem = [se && `server error: ${se}`, t.changed.length ? `refused but changed ${t.changed.join(', ')}` : null].filter(Boolean).join('; ');
      if (!problem) continue;
      if (KNOWN_GAPS[t.key]) gapsOpen.push(t.key);
      else failures.push(`${t.key}: ${problem}`);
    }
    const fixed = Object.keys(KNOWN_GAPS).filter((k) => !gapsOpen.includes(k));
    // As the platform admin nothing but a sign-in or session operation should answer UNAUTHENTICATED:
    // anything else means the admin's session died mid-run and later cases never reached validation.
    const unauthenticated = tried.filter((t) => t.answer.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')).map((t) => t.key.split(' ')[0]);
    const codes = tried.reduce<Record<string, number>>((m, t) => {
      for (const c of t.answer.errors.length ? new Set(t.answer.errors.map((e) => e.extensions?.code ?? 'no code')) : ['accepted']) m[c] = (m[c] ?? 0) + 1;
      return m;
    }, {});
    console.log(
      [
        `bad inputs: ${tried.length} tried, ${serverErrors} server errors, ${rowsChanged} rows changed (${gapsOpen.length} known gaps remain)`,
        `  answers: ${Object.entries(codes).map(([c, n]) => `${c} ${n}`).join(', ')}`,
        ...failures.map((f) => `  FAIL ${f}`),
        ...Object.entries(gapsOpen.reduce<Record<string, number>>((m, k) => ({ ...m, [KNOWN_GAPS[k]]: (m[KNOWN_GAPS[k]] ?? 0) + 1 }), {})).map(([d, n]) => `  KNOWN GAPS ${n}× ${d}`),
        ...fixed.map((k) => `  FIXED (remove from KNOWN_GAPS) ${k}`),
      ].join('\n'),
    );
    expect([...new Set(unauthenticated)].filter((op) => !SESSION_OPERATIONS.has(op))).toEqual([]);
    expect(failures).toEqual([]);
    expect(fixed).toEqual([]);
  }, 300_000);
});
