import { isDatabaseUnavailable } from '@ashar/database';
import { DomainError, ServiceUnavailableError } from '@ashar/kernel';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, GraphQLFormattedError } from 'graphql';

const PASS_THROUGH_CODES = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** How the formatter reports what it saw: only `unhandled` is a server fault worth an error line. */
export type ErrorLogKind = 'unhandled' | 'unavailable';
export type ErrorLog = (err: unknown, kind: ErrorLogKind) => void;

/** Seconds a client is asked to wait when the database is away (a restart takes a few). */
export const RETRY_AFTER_SECONDS = 5;

/**
 * The one place where errors become GraphQL errors: domain errors keep their stable code, field
 * path and i18n key; a database that is out of reach becomes SERVICE_UNAVAILABLE (retryable, HTTP
 * 503 via `serviceUnavailablePlugin`); anything else unexpected becomes INTERNAL_SERVER_ERROR with
 * no message or stack leaked (it is logged instead). Client errors are not logged as faults.
 */
export function formatGraphqlError(formatted: GraphQLFormattedError, error: unknown, log: ErrorLog = () => undefined): GraphQLFormattedError {
  let original = error instanceof GraphQLError ? error.originalError ?? error : error;
  if (!(original instanceof DomainError) && isDatabaseUnavailable(original)) {
    log(original, 'unavailable');
    original = new ServiceUnavailableError(RETRY_AFTER_SECONDS);
  }
  if (original instanceof DomainError) {
    const { field, params, ...rest } = original.details as { field?: string; params?: Record<string, unknown> };
    return {
      message: original.message,
      path: formatted.path,
      locations: formatted.locations,
      extensions: {
        code: original.code,
        messageKey: original.messageKey,
        ...(field ? { field } : {}),
        ...(params ? { params } : {}),
        ...rest,
      },
    };
  }
  const code = formatted.extensions?.code as string | undefined;
  if (code && PASS_THROUGH_CODES.has(code)) {
    const mapped = code === 'BAD_USER_INPUT' || code === 'GRAPHQL_VALIDATION_FAILED' || code === 'GRAPHQL_PARSE_FAILED';
    const { messageKey, params } = (formatted.extensions ?? {}) as { messageKey?: string; params?: Record<string, unknown> };
    return {
      message: formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code, messageKey: messageKey ?? (mapped ? 'errors.BAD_USER_INPUT' : 'errors.INTERNAL_SERVER_ERROR'), ...(params ? { params } : {}) },
    };
  }
  log(original, 'unhandled');
  return {
    message: 'Internal server error',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', messageKey: 'errors.INTERNAL_SERVER_ERROR' },
  };
}

/**
 * A response that carries SERVICE_UNAVAILABLE is answered HTTP 503 with Retry-After, so clients and
 * proxies retry instead of treating it as a failed write (nothing was written: transactions).
 */
export function serviceUnavailablePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors ?? [];
          if (!errors.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
        },
      };
    },
  };
}
