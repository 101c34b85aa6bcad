import type { ApolloServerPlugin } from '@apollo/server';
import {
  DocumentNode,
  FragmentDefinitionNode,
  getNamedType,
  GraphQLError,
  GraphQLInterfaceType,
  GraphQLObjectType,
  GraphQLSchema,
  isInterfaceType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';

export interface QueryLimits {
  maxDepth: number;
  maxComplexity: number;
  /** Aliased fields in the document as written: 1,000 aliases of one field are 1,000 resolver calls. */
  maxAliases: number;
  /** Fields directly under the operation. */
  maxRootFields: number;
}

export interface QueryMeasure {
  depth: number;
  complexity: number;
  aliases: number;
  rootFields: number;
}

type Composite = GraphQLObjectType | GraphQLInterfaceType;

/**
 * Depth and cost of an operation with fragments expanded, computed once per fragment (memoised), so
 * the work is linear in the document's size: a chain of fragments that each spread the previous one
 * twice is 2^n fields when walked naively (40 fragments took the API down) but n steps here.
 * A fragment spread twice costs twice: its memoised cost is added again, not re-walked.
 * Cost per field: its `complexity` (a number in the resolver options) or 1, plus its children
 * (the same rule as graphql-query-complexity's simple and field-extension estimators).
 */
export function measureOperation(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): QueryMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const memo = new Map<string, { depth: number; complexity: number } | null>(); // null = being computed (a cycle)
  let aliases = 0;
  for (const d of document.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION && d.kind !== Kind.FRAGMENT_DEFINITION) continue;
    // Syntactic count: every aliased field as written, fragments counted once.
    const stack: SelectionSetNode[] = [d.selectionSet];
    while (stack.length) {
      const set = stack.pop()!;
      for (const s of set.selections) {
        if (s.kind === Kind.FIELD && s.alias) aliases++;
        if (s.kind !== Kind.FRAGMENT_SPREAD && s.selectionSet) stack.push(s.selectionSet);
      }
    }
  }

  const typeNamed = (name: string | undefined): Composite | undefined => {
    const t = name ? schema.getType(name) : undefined;
    return t && (isObjectType(t) || isInterfaceType(t)) ? t : undefined;
  };

  function walk(set: SelectionSetNode | undefined, parent: Composite | undefined): { depth: number; complexity: number } {
    if (!set) return { depth: 0, complexity: 0 };
    let depth = 0;
    let complexity = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (sel.name.value.startsWith('__')) continue;
        const def = parent?.getFields()[sel.name.value];
        const child = def ? getNamedType(def.type) : undefined;
        const inner = sel.selectionSet ? walk(sel.selectionSet, isObjectType(child) || isInterfaceType(child) ? child : undefined) : { depth: 0, complexity: 0 };
        const own = typeof def?.extensions?.complexity === 'number' ? (def.extensions.complexity as number) : 1;
        depth = Math.max(depth, sel.selectionSet ? 1 + inner.depth : 1);
        complexity += own + inner.complexity;
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const inner = walk(sel.selectionSet, typeNamed(sel.typeCondition?.name.value) ?? parent);
        depth = Math.max(depth, inner.depth);
        complexity += inner.complexity;
      } else {
        const inner = fragment(sel.name.value);
        depth = Math.max(depth, inner.depth);
        complexity += inner.complexity;
      }
    }
    return { depth, complexity };
  }

  function fragment(name: string): { depth: number; complexity: number } {
    const known = memo.get(name);
    if (known) return known;
    const def = fragments.get(name);
    if (known === null || !def) return { depth: 0, complexity: 0 }; // cycles and unknown names fail validation anyway
    memo.set(name, null);
    const result = walk(def.selectionSet, typeNamed(def.typeCondition.name.value));
    memo.set(name, result);
    return result;
  }

  const root = schema.getRootType(operation.operation) ?? undefined;
  const { depth, complexity } = walk(operation.selectionSet, root);
  const rootFields = operation.selectionSet.selections.length;
  return { depth, complexity, aliases, rootFields };
}

function limitError(message: string, measure: string, limit: number): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT', messageKey: 'errors.queryTooLarge', params: { measure, limit }, http: { status: 400 } },
  });
}

/**
 * Refuses operations deeper, costlier or wider than configured, after validation (Apollo's
 * `maxRecursiveSelections` and the parser's token cap have bounded the document by then) and before
 * any resolver runs. Variables are not coerced here: a bad variable is the executor's to report.
 */
export function queryLimitsPlugin(getSchema: () => GraphQLSchema, limits: QueryLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation }) {
          const m = measureOperation(getSchema(), document, operation as OperationDefinitionNode);
          if (m.depth > limits.maxDepth) throw limitError(`Query depth ${m.depth} exceeds the limit of ${limits.maxDepth}`, 'depth', limits.maxDepth);
          if (m.aliases > limits.maxAliases) throw limitError(`Query has ${m.aliases} aliases; the limit is ${limits.maxAliases}`, 'aliases', limits.maxAliases);
          if (m.rootFields > limits.maxRootFields) throw limitError(`Query has ${m.rootFields} root fields; the limit is ${limits.maxRootFields}`, 'rootFields', limits.maxRootFields);
          if (m.complexity > limits.maxComplexity) throw limitError(`Query complexity ${m.complexity} exceeds the limit of ${limits.maxComplexity}`, 'complexity', limits.maxComplexity);
        },
      };
    },
  };
}
