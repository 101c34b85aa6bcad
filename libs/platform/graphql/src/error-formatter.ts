import { DomainError } from '@ashar/kernel';
import { GraphQLError, GraphQLFormattedError } from 'graphql';

const PASS_THROUGH_CODES = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * The one place where errors become GraphQL errors: domain errors keep their stable code, field
 * path and i18n key; anything unexpected becomes INTERNAL_SERVER_ERROR with no message or stack
 * leaked (it is logged instead).
 */
export function formatGraphqlError(
  formatted: GraphQLFormattedError,
  error: unknown,
  log: (err: unknown) => void = () => undefined,
): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? error.originalError ?? error : error;
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
    return {
      message: formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code, messageKey: mapped ? 'errors.BAD_USER_INPUT' : 'errors.INTERNAL_SERVER_ERROR' },
    };
  }
  log(original);
  return {
    message: 'Internal server error',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', messageKey: 'errors.INTERNAL_SERVER_ERROR' },
  };
}
