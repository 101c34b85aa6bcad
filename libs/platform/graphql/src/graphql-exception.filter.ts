import { ArgumentsHost, Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';

/**
 * Nest's default handler logs every error a resolver throws at error level ("ExceptionsHandler"),
 * wrong passwords and bad input included. For GraphQL the error goes to Apollo untouched instead:
 * formatGraphqlError decides, once, what is a client error (debug) and what is unexpected (error).
 * HTTP routes keep Nest's default handling.
 */
@Catch()
export class GraphqlExceptionFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') return exception;
    return super.catch(exception, host);
  }
}
