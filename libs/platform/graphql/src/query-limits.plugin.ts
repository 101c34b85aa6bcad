import type { ApolloServerPlugin } from '@apollo/server';
import { DomainError, InvalidInputError } from '@ashar/kernel';
import {
  coerceInputValue,
  DirectiveNode,
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  getArgumentValues,
  getNamedType,
  GraphQLError,
  GraphQLField,
  GraphQLNamedType,
  GraphQLSchema,
  isCompositeType,
  isInputType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  Kind,
  OperationDefinitionNode,
  parse,
  SelectionSetNode,
  typeFromAST,
  valueFromAST,
} from 'graphql';

/** Every limit the GraphQL edge enforces (see README, Configuration). */
export interface QueryLimits {
  maxDepth: number;
  maxComplexity: number;
  /** Parser tokens of one document: bounds all the work done before the other checks. */
  maxTokens: number;
  /** Field selections written in the document (before fragment expansion). */
  maxFields: number;
  maxAliases: number;
  /** Fields at the root of one operation. */
  maxRootFields: number;
  maxFragments: number;
  maxFragmentSpreads: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxDepth: 10,
  maxComplexity: 2000,
  maxTokens: 3000,
  maxFields: 500,
  maxAliases: 30,
  maxRootFields: 20,
  maxFragments: 30,
  maxFragmentSpreads: 100,
};

/**
 * A client error that Apollo answers with the given HTTP status (instead of 500) and that the error
 * formatter renders like any domain error (code, messageKey, field).
 */
export function clientGraphqlError(error: DomainError, status = 400): GraphQLError {
  return new GraphQLError(error.message, { originalError: error, extensions: { code: error.code, http: { status } } });
}

function limitError(message: string): GraphQLError {
  return clientGraphqlError(new InvalidInputError('query', 'errors.query.tooLarge', message));
}

/**
 * Cheap structural checks on the raw request, run before Apollo parses and validates: graphql-js
 * validation is super-linear on some shapes (many same-named fields with sub-selections), so a
 * document that is too big is refused before it gets there. Linear in the document; a body that does
 * not parse is left to Apollo, which reports the syntax error itself.
 */
export function assertDocumentShape(query: unknown, limits: QueryLimits): void {
  if (typeof query !== 'string') return;
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: limits.maxTokens, noLocation: true });
  } catch (e) {
    // graphql-js 16 spells it "more that N tokens".
    if (e instanceof GraphQLError && /more tha[nt] \d+ tokens/.test(e.message)) {
      throw limitError(`The query has more than ${limits.maxTokens} tokens`);
    }
    return;
  }
  let fields = 0;
  let aliases = 0;
  let spreads = 0;
  let fragments = 0;
  const stack: SelectionSetNode[] = [];
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments++;
    if (def.kind === Kind.OPERATION_DEFINITION && def.selectionSet.selections.length > limits.maxRootFields) {
      throw limitError(`The operation has more than ${limits.maxRootFields} root fields`);
    }
    if (def.kind === Kind.OPERATION_DEFINITION || def.kind === Kind.FRAGMENT_DEFINITION) stack.push(def.selectionSet);
  }
  if (fragments > limits.maxFragments) throw limitError(`The query has more than ${limits.maxFragments} fragments`);
  // Iterative walk: a deeply nested document must not exhaust the call stack here.
  while (stack.length) {
    for (const sel of stack.pop()!.selections) {
      if (sel.kind === Kind.FIELD) {
        fields++;
        if (sel.alias) aliases++;
      } else if (sel.kind === Kind.FRAGMENT_SPREAD) spreads++;
      if (sel.kind !== Kind.FRAGMENT_SPREAD && sel.selectionSet) stack.push(sel.selectionSet);
    }
  }
  if (fields > limits.maxFields) throw limitError(`The query has more than ${limits.maxFields} fields`);
  if (aliases > limits.maxAliases) throw limitError(`The query has more than ${limits.maxAliases} aliases`);
  if (spreads > limits.maxFragmentSpreads) throw limitError(`The query has more than ${limits.maxFragmentSpreads} fragment spreads`);
}

/**
 * The shape check for the request context, remembering documents it accepted: the web client sends the
 * same few dozen operations, so each is parsed here once rather than on every request (Apollo keeps its
 * own parsed copy). Refused documents are not remembered; the cache is bounded by being emptied when full.
 */
export function createDocumentShapeCheck(limits: QueryLimits, maxRemembered = 1000): (query: unknown) => void {
  const accepted = new Set<string>();
  return (query) => {
    if (typeof query !== 'string' || accepted.has(query)) return;
    assertDocumentShape(query, limits);
    if (accepted.size >= maxRemembered) accepted.clear();
    accepted.add(query);
  };
}

/**
 * Coerces the operation's variables as execution will, but reports the first failure as
 * BAD_USER_INPUT with its path ("input.displayName") instead of letting a later step throw.
 */
export function coerceVariables(schema: GraphQLSchema, operation: OperationDefinitionNode, raw: Record<string, unknown> | undefined): Record<string, unknown> {
  const values = raw ?? {};
  const coerced: Record<string, unknown> = {};
  const fail = (field: string, message: string): never => {
    throw clientGraphqlError(new InvalidInputError(field, 'errors.BAD_USER_INPUT', message));
  };
  for (const def of operation.variableDefinitions ?? []) {
    const name = def.variable.name.value;
    const type = typeFromAST(schema, def.type);
    if (!type || !isInputType(type)) continue; // validation has refused this already
    if (!Object.prototype.hasOwnProperty.call(values, name)) {
      if (def.defaultValue) coerced[name] = valueFromAST(def.defaultValue, type);
      else if (isNonNullType(type)) fail(name, `Variable "$${name}" of required type "${String(type)}" was not provided`);
      continue;
    }
    const value = values[name];
    if (value === null && isNonNullType(type)) fail(name, `Variable "$${name}" of non-null type "${String(type)}" must not be null`);
    coerced[name] = coerceInputValue(value, type, (path, _invalid, error) => {
      // A missing or unknown field is reported on its parent object: name the field itself.
      const named = /^Field "([^"]+)" (?:of required type|is not defined)/.exec(error.message)?.[1];
      const field = [name, ...path.map(String), ...(named ? [named] : [])].join('.');
      fail(field, `Variable "$${name}" got an invalid value at "${field}": ${error.message}`);
    });
  }
  return coerced;
}

function skipped(directives: readonly DirectiveNode[] | undefined, variables: Record<string, unknown>): boolean {
  for (const d of directives ?? []) {
    const name = d.name.value;
    if (name !== 'skip' && name !== 'include') continue;
    const arg = d.arguments?.find((a) => a.name.value === 'if')?.value;
    const value = arg?.kind === Kind.BOOLEAN ? arg.value : arg?.kind === Kind.VARIABLE ? variables[arg.name.value] : undefined;
    if (typeof value !== 'boolean') continue;
    if ((name === 'skip' && value) || (name === 'include' && !value)) return true;
  }
  return false;
}

type ComplexityFn = (o: { args: Record<string, unknown>; childComplexity: number }) => number;

/**
 * Depth and complexity of one operation in one pass, each fragment measured once and its value
 * reused at every spread (a fragment spread twice costs twice, without walking it twice): linear in
 * the document, where a naive walk is exponential in a chain of fragments that spread the previous
 * one twice. Complexity: a field costs its `complexity` extension (Nest's `@Field({ complexity })`)
 * or 1, plus its children; types of abstract fields are summed, not maxed (an upper bound).
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
): { depth: number; complexity: number } {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const memo = new Map<string, { depth: number; complexity: number }>();
  const inProgress = new Set<string>();

  const fieldOf = (type: GraphQLNamedType | undefined, name: string): GraphQLField<unknown, unknown> | undefined =>
    type && (isObjectType(type) || isInterfaceType(type)) ? type.getFields()[name] : undefined;

  function measureSet(set: SelectionSetNode, type: GraphQLNamedType | undefined): { depth: number; complexity: number } {
    let depth = 0;
    let complexity = 0;
    for (const sel of set.selections) {
      if (skipped(sel.directives, variables)) continue;
      if (sel.kind === Kind.FIELD) {
        const m = measureField(sel, type);
        depth = Math.max(depth, m.depth);
        complexity += m.complexity;
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const cond = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : type;
        const m = measureSet(sel.selectionSet, cond ?? undefined);
        depth = Math.max(depth, m.depth);
        complexity += m.complexity;
      } else {
        const m = measureFragment(sel.name.value);
        depth = Math.max(depth, m.depth);
        complexity += m.complexity;
      }
    }
    return { depth, complexity };
  }

  function measureFragment(name: string): { depth: number; complexity: number } {
    const known = memo.get(name);
    if (known) return known;
    const def = fragments.get(name);
    // Unknown or cyclic spreads are refused by validation; here they just add nothing.
    if (!def || inProgress.has(name)) return { depth: 0, complexity: 0 };
    inProgress.add(name);
    const m = measureSet(def.selectionSet, schema.getType(def.typeCondition.name.value) ?? undefined);
    inProgress.delete(name);
    memo.set(name, m);
    return m;
  }

  function measureField(node: FieldNode, parent: GraphQLNamedType | undefined): { depth: number; complexity: number } {
    // Introspection (__typename, __schema) is free and does not count towards depth.
    if (node.name.value.startsWith('__')) return { depth: 0, complexity: 0 };
    const field = fieldOf(parent, node.name.value);
    const childType = field ? getNamedType(field.type) : undefined;
    const child = node.selectionSet
      ? measureSet(node.selectionSet, childType && isCompositeType(childType) ? childType : undefined)
      : { depth: 0, complexity: 0 };
    const ext = field?.extensions?.complexity as number | ComplexityFn | undefined;
    let cost = 1 + child.complexity;
    if (typeof ext === 'number') cost = ext + child.complexity;
    else if (typeof ext === 'function' && field) {
      let args: Record<string, unknown> = {};
      try {
        args = getArgumentValues(field, node, variables);
      } catch {
        // Bad arguments are refused by validation or execution; the estimate goes on without them.
      }
      cost = ext({ args, childComplexity: child.complexity });
    }
    return { depth: 1 + child.depth, complexity: cost };
  }

  const root = operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  return measureSet(operation.selectionSet, root ?? undefined);
}

/**
 * Refuses operations deeper or costlier than configured, and variables that do not coerce, before
 * any resolver runs. The cheap structural caps run earlier, in the request context (assertDocumentShape).
 */
export function queryLimitsPlugin(getSchema: () => GraphQLSchema, limits: Pick<QueryLimits, 'maxDepth' | 'maxComplexity'>): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation }) {
          // No operation chosen (several in the document, no operationName): execution refuses it, 400.
          if (!operation) return;
          const schema = getSchema();
          const op = operation as OperationDefinitionNode;
          const variables = coerceVariables(schema, op, request.variables as Record<string, unknown> | undefined);
          const { depth, complexity } = measureOperation(schema, document, op, variables);
          if (depth > limits.maxDepth) throw limitError(`Query depth ${depth} exceeds the limit of ${limits.maxDepth}`);
          if (complexity > limits.maxComplexity) throw limitError(`Query complexity ${complexity} exceeds the limit of ${limits.maxComplexity}`);
        },
      };
    },
  };
}
