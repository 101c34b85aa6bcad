import { GraphQLError, GraphQLScalarType, Kind, ValueNode } from 'graphql';

/** Bounds of one JSON value from a client: a questionnaire is the largest thing sent (hundreds of questions). */
const MAX_DEPTH = 12;
const MAX_NODES = 50_000;
const MAX_STRING = 10_000;

function refuse(why: string): never {
  throw new GraphQLError(`JSON: ${why}`, { extensions: { code: 'BAD_USER_INPUT', field: 'json', messageKey: 'errors.validation.invalid' } });
}

/** A plain JSON value, checked: bounded depth, size and strings, no NUL (jsonb refuses it), finite numbers. */
function checked(value: unknown): unknown {
  let nodes = 0;
  const walk = (v: unknown, depth: number): unknown => {
    if (++nodes > MAX_NODES) refuse('too large');
    if (depth > MAX_DEPTH) refuse('too deep');
    if (v === null || typeof v === 'boolean') return v;
    if (typeof v === 'number') return Number.isFinite(v) ? v : refuse('not a finite number');
    if (typeof v === 'string') {
      if (v.length > MAX_STRING) refuse('string too long');
      if (v.includes('\u0000')) refuse('NUL character');
      return v;
    }
    if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
    if (typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        if (k.length > 200 || k.includes('\u0000') || k === '__proto__') refuse('bad key');
        out[k] = walk(x, depth + 1);
      }
      return out;
    }
    return refuse('not JSON');
  };
  return walk(value, 0);
}

function literal(node: ValueNode, variables?: Record<string, unknown> | null): unknown {
  switch (node.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return node.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return node.values.map((v) => literal(v, variables));
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((f) => [f.name.value, literal(f.value, variables)]));
    case Kind.VARIABLE:
      return variables?.[node.name.value] ?? null;
    default:
      return refuse('not JSON');
  }
}

/**
 * `JSON`: a structured value (a survey form, answers), sent and answered as JSON rather than as JSON
 * text, where its shape is defined by a pure library (`@ashar/survey-forms`) rather than by the schema.
 */
export const JsonScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'A JSON value (object, array, string, number, boolean or null); depth ≤ 12, no NUL characters',
  serialize: (v) => v,
  parseValue: (v) => checked(v),
  parseLiteral: (node, variables) => checked(literal(node, variables)),
});
