import { ArgumentsHost, Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { DomainError } from '@ashar/kernel';
import type { Response } from 'express';

const HTTP_STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
  SERVICE_UNAVAILABLE: 503,
};

/**
 * Nest's default handler logs every error a resolver throws at error level ("ExceptionsHandler"),
 * wrong passwords and bad input included. For GraphQL the error goes to Apollo untouched instead:
 * formatGraphqlError decides, once, what is a client error (debug) and what is unexpected (error).
 * On HTTP routes a domain error that escapes (e.g. from the global pipe, before the handler's own
 * try/catch) is answered like the file endpoints answer theirs; anything else gets Nest's default.
 */
@Catch()
export class GraphqlExceptionFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') return exception;
    if (host.getType() === 'http' && exception instanceof DomainError) {
      const res = host.switchToHttp().getResponse<Response>();
      res.status(HTTP_STATUS[exception.code] ?? 400).json({ code: exception.code, messageKey: exception.messageKey, ...exception.details });
      return undefined;
    }
    return super.catch(exception, host);
  }
}
