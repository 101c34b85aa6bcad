import type { ApolloServerPlugin } from '@apollo/server';
import {
  FieldNode,
  FragmentDefinitionNode,
  GraphQLError,
  GraphQLSchema,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

function depthOf(
  set: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  visited: Set<string>,
): number {
  if (!set) return 0;
  let max = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) {
      const f = sel as FieldNode;
      if (f.name.value.startsWith('__')) continue;
      max = Math.max(max, f.selectionSet ? 1 + depthOf(f.selectionSet, fragments, visited) : 1);
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      max = Math.max(max, depthOf(sel.selectionSet, fragments, visited));
    } else if (sel.kind === Kind.FRAGMENT_SPREAD) {
      const name = sel.name.value;
      if (visited.has(name) || !fragments[name]) continue;
      visited.add(name);
      max = Math.max(max, depthOf(fragments[name].selectionSet, fragments, visited));
      visited.delete(name);
    }
  }
  return max;
}

function limitError(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', messageKey: 'errors.BAD_USER_INPUT', http: { status: 400 } } });
}

/** Refuses queries deeper or costlier than configured before any resolver runs. */
export function queryLimitsPlugin(getSchema: () => GraphQLSchema, maxDepth: number, maxComplexity: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation }) {
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
          const depth = depthOf((operation as OperationDefinitionNode).selectionSet, fragments, new Set());
          if (depth > maxDepth) throw limitError(`Query depth ${depth} exceeds the limit of ${maxDepth}`);
          let complexity: number;
          try {
            complexity = getComplexity({
              schema: getSchema(),
              operationName: request.operationName ?? undefined,
              query: document,
              variables: request.variables ?? {},
              estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch (e) {
            // getComplexity coerces the variables before Apollo does: an Int past 2^31 or a missing
            // required field throws here, and must answer as Apollo would (BAD_USER_INPUT), not 500.
            throw limitError(e instanceof Error ? e.message : 'Invalid variables');
          }
          if (complexity > maxComplexity) throw limitError(`Query complexity ${complexity} exceeds the limit of ${maxComplexity}`);
        },
      };
    },
  };
}
