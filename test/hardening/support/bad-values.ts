import {
  getNullableType,
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLInputType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLScalarType,
  isNonNullType,
} from 'graphql';

/** Where a bad value goes: a path into the variables, e.g. ['input', 'lines', 0, 'amount']. */
export type Path = Array<string | number>;
export const MISSING = Symbol('missing');
export interface Variant {
  path: Path;
  label: string;
  value: unknown;
}

const SHORT_SET = new Set(['wrong type: number', 'NUL byte', 'HTML/script', 'Kyrgyz letters']);
const MB_STRING = 'x'.repeat(1_000_000); // under the 1 MB JSON body limit, so the field itself is tested

/** Bad (and some valid-but-unusual) values per scalar. Kyrgyz and Kazakh letters are valid text. */
const TEXT: Array<[string, unknown]> = [
  ['wrong type: number', 12345],
  ['wrong type: object', { a: 1 }],
  ['NUL byte', 'a\u0000b'],
  ['Kyrgyz letters', 'Өмүр Ңүүнүн үйү'],
  ['Kazakh letters', 'Әліпби ғұмыр қаңқа һәм'],
  ['zero-width characters', 'a\u200b\u200c\u200d\ufeffb'],
  ['right-to-left override', '\u202eabc\u202c'],
  ['HTML/script', '<script>window.__xss=1</script><img src=x onerror=window.__xss=1>'],
  ['SQL fragment', "' OR 1=1; DROP TABLE accounts; --"],
  ['impossible date', '2099-02-30'],
  ['negative money', '-100'],
  ['huge money', '1e308'],
  ['400 digits', '9'.repeat(400)],
  ['empty', ''],
  ['blank', '   '],
];
const IDS: Array<[string, unknown]> = [
  ['36 dashes', '-'.repeat(36)],
  ['nil uuid', '00000000-0000-0000-0000-000000000000'],
  ['not a uuid', 'not-a-uuid'],
  ['NUL byte', '\u0000'],
  ['Kyrgyz letters', 'Өңүр'],
  ['SQL fragment', "'; DROP TABLE budgets; --"],
  ['wrong type: object', {}],
  ['wrong type: float', 1.5],
];
const INTS: Array<[string, unknown]> = [
  ['Int overflow 2^31', 2 ** 31],
  ['Int underflow -2^31-1', -(2 ** 31) - 1],
  ['1e308', 1e308],
  ['fraction', 1.5],
  ['wrong type: string', '12'],
  ['negative', -1],
  ['zero', 0],
];
const FLOATS: Array<[string, unknown]> = [
  ['1e308', 1e308],
  ['-1e308', -1e308],
  ['wrong type: string', 'NaN'],
];
const BOOLS: Array<[string, unknown]> = [
  ['wrong type: string', 'true'],
  ['wrong type: number', 1],
];

function scalarVariants(t: GraphQLScalarType | GraphQLEnumType): Array<[string, unknown]> {
  if (t instanceof GraphQLEnumType) return [['unknown enum value', 'NOT_A_VALUE'], ['lower-case enum value', t.getValues()[0].name.toLowerCase() + 'x'], ['wrong type: number', 1]];
  switch (t.name) {
    case 'ID':
      return IDS;
    case 'Int':
      return INTS;
    case 'Float':
      return FLOATS;
    case 'Boolean':
      return BOOLS;
    default:
      return TEXT;
  }
}

/** A plausible value of a type, for fields the base arguments leave out (only required fields of objects). */
export function plausible(type: GraphQLInputType): unknown {
  const t = getNullableType(type);
  if (t instanceof GraphQLList) return [plausible(t.ofType)];
  if (t instanceof GraphQLInputObjectType) {
    return Object.fromEntries(Object.values(t.getFields()).filter((f) => isNonNullType(f.type)).map((f) => [f.name, plausible(f.type)]));
  }
  if (t instanceof GraphQLEnumType) return t.getValues()[0].value;
  if (t.name === 'Int' || t.name === 'Float') return 1;
  if (t.name === 'Boolean') return false;
  if (t.name === 'ID') return '00000000-0000-0000-0000-000000000000';
  return 'x';
}

/**
 * Every bad value for every argument and every field inside input objects (lists: their first element),
 * starting from valid base arguments. `oneMb` is called once per operation so the 1 MB string goes in
 * only once (it is slow and says the same thing for every field).
 */
export function variantsOf(type: GraphQLInputType, base: unknown, path: Path, state: { mbUsed: boolean }): Variant[] {
  const out: Variant[] = [];
  if (type instanceof GraphQLNonNull) {
    out.push({ path, label: 'null where not allowed', value: null });
    if (path.length > 1) out.push({ path, label: 'missing required field', value: MISSING });
  }
  const t = getNullableType(type);
  if (t instanceof GraphQLList) {
    out.push({ path, label: 'not a list', value: 'x' });
    const el = Array.isArray(base) && base.length ? base[0] : plausible(t.ofType);
    out.push(...variantsOf(t.ofType, el, [...path, 0], state));
    return out;
  }
  if (t instanceof GraphQLInputObjectType) {
    out.push({ path, label: 'wrong type: string for an object', value: 'x' });
    const obj = (base && typeof base === 'object' ? base : plausible(t)) as Record<string, unknown>;
    // Past the second text field of one object (the four languages of a LocalizedTextInput) the same
    // values say little new: those get a short set, which keeps the corpus within a minute.
    let texts = 0;
    for (const f of Object.values(t.getFields())) {
      const named = getNullableType(f.type);
      const short = named instanceof GraphQLScalarType && named.name === 'String' && ++texts > 2;
      const vs = variantsOf(f.type, obj[f.name], [...path, f.name], short ? { mbUsed: true } : state);
      out.push(...(short ? vs.filter((v) => SHORT_SET.has(v.label)) : vs));
    }
    return out;
  }
  const values = scalarVariants(t as GraphQLScalarType | GraphQLEnumType);
  for (const [label, value] of values) out.push({ path, label, value });
  if (!(t instanceof GraphQLEnumType) && t.name === 'String' && !state.mbUsed) {
    state.mbUsed = true;
    out.push({ path, label: '1 MB string', value: MB_STRING });
  }
  return out;
}

/** A deep copy of `vars` with `value` at `path` (lists shorter than the path get the plausible element). */
export function withValue(vars: Record<string, unknown>, path: Path, value: unknown, plausibleAt: (path: Path) => unknown): Record<string, unknown> {
  const root = structuredClone(vars);
  let cur: any = root;
  for (let i = 0; i < path.length - 1; i++) {
    const k = path[i];
    if (cur[k] === undefined || cur[k] === null || typeof cur[k] !== 'object' || (Array.isArray(cur[k]) && cur[k].length === 0)) {
      cur[k] = structuredClone(plausibleAt(path.slice(0, i + 1)));
    }
    cur = cur[k];
  }
  const last = path[path.length - 1];
  if (value === MISSING) delete cur[last];
  else cur[last] = value;
  return root;
}

/** The input type at `path` below `type` (numbers step into lists, names into input object fields). */
export function typeAt(type: GraphQLInputType, path: Path): GraphQLInputType {
  let t: GraphQLInputType = type;
  for (const step of path) {
    const n = getNullableType(t);
    if (n instanceof GraphQLList) t = n.ofType;
    else if (n instanceof GraphQLInputObjectType) t = n.getFields()[step as string].type;
    else throw new Error(`no type at ${path.join('.')}`);
  }
  return t;
}
