import { ArgumentsHost, Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { DomainError, httpErrorAnswer } from '@ashar/kernel';
import type { Response } from 'express';

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
      const { status, body } = httpErrorAnswer(exception);
      res.status(status).json(body);
      return undefined;
    }
    return super.catch(exception, host);
  }
}
