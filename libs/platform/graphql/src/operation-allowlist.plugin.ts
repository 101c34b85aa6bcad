import type { ApolloServerPlugin } from '@apollo/server';
import { ForbiddenError } from '@ashar/kernel';
import { createHash } from 'crypto';
import { readFileSync } from 'fs';
import { GraphQLError } from 'graphql';

/**
 * Reads the manifest the web build writes (apps/web/tools/operations-manifest.ts): the SHA-256 of every
 * operation the web client sends. A missing or malformed file stops start-up with one line.
 */
export function loadOperationAllowlist(file: string): Set<string> {
  let parsed: { operations?: Array<{ sha256?: unknown }> };
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`GRAPHQL_OPERATIONS_FILE ${file} cannot be read (${(e as Error).message}): run the web build, or set GRAPHQL_OPERATIONS_FILE=off`);
  }
  const hashes = (parsed.operations ?? []).map((o) => o.sha256).filter((h): h is string => typeof h === 'string' && /^[0-9a-f]{64}$/.test(h));
  if (!hashes.length) throw new Error(`GRAPHQL_OPERATIONS_FILE ${file} lists no operations`);
  return new Set(hashes);
}

/**
 * Only the operations the web client was built with are executed (production with the web client):
 * an attacker cannot send queries of their own shape at all. Open data goes out through the public
 * export URLs instead. The document has been parsed and validated under the size limits by then.
 */
export function operationAllowlistPlugin(allowed: Set<string>): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ source }) {
          if (allowed.has(createHash('sha256').update(source).digest('hex'))) return;
          throw new GraphQLError('This operation is not one the web client sends', {
            originalError: new ForbiddenError('an operation outside the allow-list'),
            extensions: { http: { status: 403 } },
          });
        },
      };
    },
  };
}
