/**
 * A small evaluator for the XLSForm expression subset forms use for `relevant` and `constraint`:
 * `${field}`, `.` (the answer being checked), numbers and quoted strings, `= != < <= > >=`,
 * `+ - * div mod`, `and`, `or`, `not(…)`, `selected(${f}, 'x')`, `count-selected(${f})`,
 * `string-length(…)`, `true()`, `false()` and parentheses. Parsed into a tree and walked: no eval,
 * no access to anything but the answers it is given, bounded in length and depth.
 */
export type Value = string | number | boolean | readonly string[];

export type Expr =
  | { kind: 'num'; value: number }
  | { kind: 'str'; value: string }
  | { kind: 'ref'; name: string }
  | { kind: 'self' }
  | { kind: 'unary'; op: '-'; arg: Expr }
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr }
  | { kind: 'call'; name: FunctionName; args: Expr[] };

type BinaryOp = 'or' | 'and' | '=' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | 'div' | 'mod';
const FUNCTIONS = { not: 1, selected: 2, 'count-selected': 1, 'string-length': 1, true: 0, false: 0 } as const;
type FunctionName = keyof typeof FUNCTIONS;

export const MAX_EXPRESSION_LENGTH = 1000;
const MAX_DEPTH = 40;

export class ExpressionError extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

type Token = { t: 'num'; v: number; at: number } | { t: 'str'; v: string; at: number } | { t: 'ref'; v: string; at: number } | { t: 'name'; v: string; at: number } | { t: 'op'; v: string; at: number };

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*/;

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '$') {
      const m = /^\$\{([A-Za-z_][A-Za-z0-9_.-]*)\}/.exec(src.slice(i));
      if (!m) throw new ExpressionError('a reference is written ${name}', i);
      out.push({ t: 'ref', v: m[1], at: i });
      i += m[0].length;
      continue;
    }
    if (c === "'" || c === '"') {
      const end = src.indexOf(c, i + 1);
      if (end < 0) throw new ExpressionError('unclosed string', i);
      out.push({ t: 'str', v: src.slice(i + 1, end), at: i });
      i = end + 1;
      continue;
    }
    const num = /^(\d+(\.\d+)?|\.\d+)/.exec(src.slice(i));
    if (num) {
      out.push({ t: 'num', v: Number(num[0]), at: i });
      i += num[0].length;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === '!=' || two === '<=' || two === '>=') {
      out.push({ t: 'op', v: two, at: i });
      i += 2;
      continue;
    }
    if ('=<>+-*(),.'.includes(c)) {
      out.push({ t: 'op', v: c, at: i });
      i++;
      continue;
    }
    const name = NAME.exec(src.slice(i));
    if (name) {
      out.push({ t: 'name', v: name[0], at: i });
      i += name[0].length;
      continue;
    }
    throw new ExpressionError(`unexpected character ${JSON.stringify(c)}`, i);
  }
  return out;
}

/** Parses an expression; throws ExpressionError (with the position) when it is not in the subset. */
export function parseExpression(src: string): Expr {
  if (src.length > MAX_EXPRESSION_LENGTH) throw new ExpressionError(`longer than ${MAX_EXPRESSION_LENGTH} characters`, MAX_EXPRESSION_LENGTH);
  const tokens = tokenize(src);
  let p = 0;
  let depth = 0;
  const peek = () => tokens[p];
  const isOp = (v: string) => peek()?.t === 'op' && peek().v === v;
  const isWord = (v: string) => peek()?.t === 'name' && peek().v === v;
  const expect = (v: string) => {
    if (!isOp(v)) throw new ExpressionError(`expected ${v}`, peek()?.at ?? src.length);
    p++;
  };
  const nest = <T>(f: () => T): T => {
    if (++depth > MAX_DEPTH) throw new ExpressionError('nested too deeply', peek()?.at ?? src.length);
    try {
      return f();
    } finally {
      depth--;
    }
  };

  const or = (): Expr =>
    nest(() => {
      let left = and();
      while (isWord('or')) {
        p++;
        left = { kind: 'binary', op: 'or', left, right: and() };
      }
      return left;
    });
  const and = (): Expr => {
    let left = comparison();
    while (isWord('and')) {
      p++;
      left = { kind: 'binary', op: 'and', left, right: comparison() };
    }
    return left;
  };
  const comparison = (): Expr => {
    let left = additive();
    for (;;) {
      const t = peek();
      if (t?.t === 'op' && ['=', '!=', '<', '<=', '>', '>='].includes(t.v)) {
        p++;
        left = { kind: 'binary', op: t.v as BinaryOp, left, right: additive() };
      } else return left;
    }
  };
  const additive = (): Expr => {
    let left = multiplicative();
    while (isOp('+') || isOp('-')) {
      const op = tokens[p++].v as BinaryOp;
      left = { kind: 'binary', op, left, right: multiplicative() };
    }
    return left;
  };
  const multiplicative = (): Expr => {
    let left = unary();
    while (isOp('*') || isWord('div') || isWord('mod')) {
      const op = tokens[p++].v as BinaryOp;
      left = { kind: 'binary', op, left, right: unary() };
    }
    return left;
  };
  const unary = (): Expr => {
    if (isOp('-')) {
      p++;
      return nest(() => ({ kind: 'unary', op: '-', arg: unary() }));
    }
    return primary();
  };
  const primary = (): Expr => {
    const t = peek();
    if (!t) throw new ExpressionError('unexpected end', src.length);
    p++;
    if (t.t === 'num') return { kind: 'num', value: t.v };
    if (t.t === 'str') return { kind: 'str', value: t.v };
    if (t.t === 'ref') return { kind: 'ref', name: t.v };
    if (t.t === 'op' && t.v === '.') return { kind: 'self' };
    if (t.t === 'op' && t.v === '(') {
      const e = or();
      expect(')');
      return e;
    }
    if (t.t === 'name' && Object.prototype.hasOwnProperty.call(FUNCTIONS, t.v) && isOp('(')) {
      const name = t.v as FunctionName;
      p++;
      const args: Expr[] = [];
      if (!isOp(')')) {
        args.push(or());
        while (isOp(',')) {
          p++;
          args.push(or());
        }
      }
      expect(')');
      if (args.length !== FUNCTIONS[name]) throw new ExpressionError(`${name}() takes ${FUNCTIONS[name]} argument(s)`, t.at);
      return { kind: 'call', name, args };
    }
    throw new ExpressionError(`unexpected ${JSON.stringify(String(t.v))}`, t.at);
  };

  const e = or();
  if (p < tokens.length) throw new ExpressionError(`unexpected ${JSON.stringify(String(tokens[p].v))}`, tokens[p].at);
  return e;
}

/** The `${names}` an expression reads (for checking that they exist in the form). */
export function referencesOf(e: Expr, into = new Set<string>()): Set<string> {
  if (e.kind === 'ref') into.add(e.name);
  else if (e.kind === 'unary') referencesOf(e.arg, into);
  else if (e.kind === 'binary') {
    referencesOf(e.left, into);
    referencesOf(e.right, into);
  } else if (e.kind === 'call') e.args.forEach((a) => referencesOf(a, into));
  return into;
}

export interface Scope {
  /** An answer by name; undefined when unanswered (read as the empty string, as XPath does). */
  value(name: string): Value | undefined;
  /** `.`: the answer being checked (constraints). */
  self?: Value;
}

const asText = (v: Value | undefined): string => (v === undefined ? '' : Array.isArray(v) ? v.join(' ') : String(v));
function asNumber(v: Value | undefined): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const s = asText(v).trim();
  return s === '' ? NaN : Number(s);
}
export function truthy(v: Value | undefined): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0 && !Number.isNaN(v);
  if (Array.isArray(v)) return v.length > 0;
  return asText(v) !== '';
}
const numeric = (v: Value | undefined) => typeof v === 'number' || (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v)));

function compare(op: BinaryOp, a: Value | undefined, b: Value | undefined): boolean {
  if (op === '=' || op === '!=') {
    let eq: boolean;
    if (typeof a === 'boolean' || typeof b === 'boolean') eq = truthy(a) === truthy(b);
    else if (numeric(a) && numeric(b)) eq = asNumber(a) === asNumber(b);
    else eq = asText(a) === asText(b);
    return op === '=' ? eq : !eq;
  }
  // Relational: numbers when both read as numbers, else text order (ISO dates compare as text).
  let d: number;
  if (numeric(a) && numeric(b)) d = asNumber(a) - asNumber(b);
  else {
    const x = asText(a);
    const y = asText(b);
    if (x === '' || y === '') return false;
    d = x < y ? -1 : x > y ? 1 : 0;
  }
  if (Number.isNaN(d)) return false;
  return op === '<' ? d < 0 : op === '<=' ? d <= 0 : op === '>' ? d > 0 : d >= 0;
}

const selectedOf = (v: Value | undefined): string[] => (Array.isArray(v) ? [...v] : asText(v).split(/\s+/).filter(Boolean));

export function evaluate(e: Expr, scope: Scope): Value {
  switch (e.kind) {
    case 'num':
    case 'str':
      return e.value;
    case 'ref':
      return scope.value(e.name) ?? '';
    case 'self':
      return scope.self ?? '';
    case 'unary':
      return -asNumber(evaluate(e.arg, scope));
    case 'call': {
      if (e.name === 'true') return true;
      if (e.name === 'false') return false;
      if (e.name === 'not') return !truthy(evaluate(e.args[0], scope));
      if (e.name === 'count-selected') return selectedOf(evaluate(e.args[0], scope)).length;
      if (e.name === 'string-length') return [...asText(evaluate(e.args[0], scope))].length;
      return selectedOf(evaluate(e.args[0], scope)).includes(asText(evaluate(e.args[1], scope)));
    }
    case 'binary': {
      if (e.op === 'or') return truthy(evaluate(e.left, scope)) || truthy(evaluate(e.right, scope));
      if (e.op === 'and') return truthy(evaluate(e.left, scope)) && truthy(evaluate(e.right, scope));
      const a = evaluate(e.left, scope);
      const b = evaluate(e.right, scope);
      if (['=', '!=', '<', '<=', '>', '>='].includes(e.op)) return compare(e.op, a, b);
      const x = asNumber(a);
      const y = asNumber(b);
      if (e.op === '+') return x + y;
      if (e.op === '-') return x - y;
      if (e.op === '*') return x * y;
      if (e.op === 'div') return x / y;
      return x % y;
    }
  }
}

/** Parse and evaluate to a boolean (relevance, constraints); a blank expression is true. */
export function holds(src: string | null | undefined, scope: Scope): boolean {
  if (!src || !src.trim()) return true;
  return truthy(evaluate(parseExpression(src), scope));
}
