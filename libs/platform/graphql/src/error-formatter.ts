import { DomainError } from '@ashar/kernel';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { asServiceUnavailable } from './service-unavailable';

/** Apollo's and Nest's own codes for a request that is the client's fault: passed through, never logged as a fault. */
const CLIENT_CODES = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
]);

/** Codes whose catalogue key is errors.<CODE>. */
const OWN_KEY_CODES = new Set(['BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'TOO_MANY_REQUESTS']);
/** A malformed document: the client's request needs fixing. */
const DOCUMENT_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED']);

function clientMessageKey(code: string): string {
  if (OWN_KEY_CODES.has(code)) return `errors.${code}`;
  // Transport-level refusals (BAD_REQUEST, persisted queries) have no message of their own for people.
  return DOCUMENT_CODES.has(code) ? 'errors.BAD_USER_INPUT' : 'errors.INTERNAL_SERVER_ERROR';
}

export interface FormatErrorOptions {
  /** Unexpected errors: logged at error level (they are bugs or outages). */
  log?: (err: unknown) => void;
  /** A dependency is down (answered SERVICE_UNAVAILABLE); falls back to `log`. */
  logUnavailable?: (err: unknown) => void;
  /** Client errors (bad input, refused queries): for debugging only, at debug level. */
  logClient?: (err: unknown, code: string) => void;
  /** Production: drop graphql-js "Did you mean ...?" suggestions, which spell out the schema. */
  hideSuggestions?: boolean;
  /** Seconds a client should wait when a dependency is down. */
  retryAfterSeconds?: number;
}

const SUGGESTION = / ?Did you mean .+?\?/g;

/**
 * The one place where errors become GraphQL errors: domain errors keep their stable code, field
 * path and i18n key; a lost database connection becomes SERVICE_UNAVAILABLE (retryable); anything
 * unexpected becomes INTERNAL_SERVER_ERROR with no message or stack leaked (it is logged instead).
 */
export function formatGraphqlError(
  formatted: GraphQLFormattedError,
  error: unknown,
  optsOrLog: FormatErrorOptions | ((err: unknown) => void) = {},
): GraphQLFormattedError {
  const opts: FormatErrorOptions = typeof optsOrLog === 'function' ? { log: optsOrLog } : optsOrLog;
  const clean = (message: string) => (opts.hideSuggestions ? message.replace(SUGGESTION, '') : message);
  const original = error instanceof GraphQLError ? error.originalError ?? error : error;
  const domain = original instanceof DomainError ? original : asServiceUnavailable(error, opts.retryAfterSeconds ?? 5);
  if (domain) {
    if (domain.code === 'SERVICE_UNAVAILABLE') (opts.logUnavailable ?? opts.log)?.(original);
    else opts.logClient?.(original, domain.code);
    const { field, params, ...rest } = domain.details as { field?: string; params?: Record<string, unknown> };
    return {
      message: clean(domain.message),
      path: formatted.path,
      locations: formatted.locations,
      extensions: {
        code: domain.code,
        messageKey: domain.messageKey,
        ...(field ? { field } : {}),
        ...(params ? { params } : {}),
        ...rest,
      },
    };
  }
  const code = formatted.extensions?.code as string | undefined;
  if (code && CLIENT_CODES.has(code)) {
    opts.logClient?.(original, code);
    return {
      message: clean(formatted.message),
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code, messageKey: clientMessageKey(code) },
    };
  }
  opts.log?.(original);
  return {
    message: 'Internal server error',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', messageKey: 'errors.INTERNAL_SERVER_ERROR' },
  };
}
