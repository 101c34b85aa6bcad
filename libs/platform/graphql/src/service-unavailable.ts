import type { ApolloServerPlugin } from '@apollo/server';
import { DomainError, ServiceUnavailableError } from '@ashar/kernel';
import { GraphQLError } from 'graphql';

/**
 * Socket errors and PostgreSQL SQLSTATEs that mean "the database (or Redis) cannot be reached right
 * now", as opposed to a query that is wrong: 08xxx connection exceptions, 57P01-57P03 (admin or crash
 * shutdown, cannot connect now), 53300 (too many connections).
 */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

const UNAVAILABLE_MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error/i,
  /Cannot use a pool after calling end/i,
  /is not currently accepting connections/i,
  /Connection is closed/i, // ioredis
  /connection is not (yet )?established/i, // TypeORM before (re)initialisation
];

// The QueryRunner*AlreadyReleased errors are what TypeORM raises when the connection died inside a
// transaction (a PostgreSQL restart under write load): the write did not happen, so it is retryable.
const UNAVAILABLE_NAMES = new Set(['CannotExecuteNotConnectedError', 'ConnectionIsNotSetError', 'MaxRetriesPerRequestError', 'QueryRunnerAlreadyReleasedError', 'QueryRunnerProviderAlreadyReleasedError']);

/** True when the error (or what it wraps: originalError, driverError, cause) is a lost connection. */
export function isServiceUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let e = error as { code?: unknown; message?: unknown; name?: unknown; originalError?: unknown; driverError?: unknown; cause?: unknown } | undefined;
  const queue: unknown[] = [e];
  while (queue.length) {
    e = queue.shift() as typeof e;
    if (!e || typeof e !== 'object' || seen.has(e)) continue;
    seen.add(e);
    if (e instanceof ServiceUnavailableError) return true;
    if (typeof e.code === 'string' && UNAVAILABLE_CODES.has(e.code)) return true;
    if (typeof e.name === 'string' && UNAVAILABLE_NAMES.has(e.name)) return true;
    if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.some((m) => m.test(e!.message as string))) return true;
    // AggregateError (pg tries each address of a host name) holds the socket errors in `errors`.
    const nested = (e as { errors?: unknown }).errors;
    queue.push(e.originalError, e.driverError, e.cause, ...(Array.isArray(nested) ? nested : []));
  }
  return false;
}

/** The domain error an unavailable dependency is answered as (or the error itself when it already is one). */
export function asServiceUnavailable(error: unknown, retryAfterSeconds: number): DomainError | null {
  const original = error instanceof GraphQLError ? error.originalError ?? error : error;
  if (original instanceof ServiceUnavailableError) return original;
  return isServiceUnavailable(original) ? new ServiceUnavailableError(retryAfterSeconds) : null;
}

/**
 * An outage answers HTTP 503 with Retry-After, so clients and load balancers retry instead of
 * showing a failure: errors stay in the GraphQL body (code SERVICE_UNAVAILABLE, see the formatter).
 */
export function serviceUnavailablePlugin(retryAfterSeconds: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ errors, response }) {
          if (!errors?.some((e) => asServiceUnavailable(e, retryAfterSeconds))) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', String(retryAfterSeconds));
        },
      };
    },
  };
}
