/**
 * Domain errors with stable codes. Services throw these; the GraphQL layer maps them to
 * `extensions.code` in one place, so no resolver needs its own try/catch.
 */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS'
  | 'SERVICE_UNAVAILABLE';

/** The HTTP status of each code: the file endpoints' answers and the exception filter read this one table. */
export const HTTP_STATUS_OF: Readonly<Record<ErrorCode, number>> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
  SERVICE_UNAVAILABLE: 503,
};

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** i18n catalogue key the client translates. */
    readonly messageKey: string,
    message?: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message ?? messageKey);
    this.name = new.target.name;
  }
}

export class InvalidInputError extends DomainError {
  constructor(readonly field: string, messageKey: string, message?: string, params: Record<string, unknown> = {}) {
    super('BAD_USER_INPUT', messageKey, message ?? `${field}: ${messageKey}`, { field, params });
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, id?: string) {
    super('NOT_FOUND', 'errors.NOT_FOUND', id ? `${what} ${id} not found` : `${what} not found`, { what });
  }
}

export class ForbiddenError extends DomainError {
  constructor(action = 'this action') {
    super('FORBIDDEN', 'errors.FORBIDDEN', `Not allowed: ${action}`, { action });
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(messageKey = 'errors.UNAUTHENTICATED') {
    super('UNAUTHENTICATED', messageKey, 'Authentication required');
  }
}

export class ConflictError extends DomainError {
  constructor(messageKey: string, message?: string, details: Record<string, unknown> = {}) {
    super('CONFLICT', messageKey, message, details);
  }
}

export class TooManyRequestsError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super('TOO_MANY_REQUESTS', 'errors.TOO_MANY_REQUESTS', 'Too many attempts', {
      retryAfterSeconds,
      params: { seconds: retryAfterSeconds },
    });
  }
}

/** A dependency (PostgreSQL, Redis) is unreachable: retryable, answered with HTTP 503 and Retry-After. */
export class ServiceUnavailableError extends DomainError {
  constructor(readonly retryAfterSeconds = 5) {
    super('SERVICE_UNAVAILABLE', 'errors.SERVICE_UNAVAILABLE', 'Service temporarily unavailable', {
      retryAfterSeconds,
      params: { seconds: retryAfterSeconds },
    });
  }
}

/** A domain error as a plain-HTTP JSON answer: the same code, key, field and params GraphQL clients get. */
export function httpErrorAnswer(e: DomainError): { status: number; body: Record<string, unknown> } {
  return { status: HTTP_STATUS_OF[e.code] ?? 400, body: { code: e.code, messageKey: e.messageKey, ...e.details } };
}
