import { ArgumentsHost, Logger } from '@nestjs/common';
import { ConflictError, InvalidInputError, ServiceUnavailableError } from '@ashar/kernel';
import { GraphQLError } from 'graphql';
import { formatGraphqlError } from '../error-formatter';
import { GraphqlExceptionFilter } from '../graphql-exception.filter';
import { isServiceUnavailable, serviceUnavailablePlugin } from '../service-unavailable';

function run(error: unknown, code?: string, opts: { hideSuggestions?: boolean } = {}) {
  const log = jest.fn();
  const logClient = jest.fn();
  const message = error instanceof Error ? error.message : String(error);
  const out = formatGraphqlError({ message, extensions: code ? { code } : {} }, error, { log, logClient, retryAfterSeconds: 7, ...opts });
  return { out, log, logClient };
}

/** What pg and TypeORM throw when the server goes away (shapes as observed from pg 8 / TypeORM 0.3). */
function pgError(code: string, message = 'terminating connection due to administrator command') {
  return Object.assign(new Error(message), { code, severity: 'FATAL' });
}
function queryFailed(driverError: Error) {
  return Object.assign(new Error(driverError.message), { name: 'QueryFailedError', driverError });
}

describe('formatGraphqlError', () => {
  it.each(['BAD_USER_INPUT', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'UNAUTHENTICATED', 'FORBIDDEN'])(
    'passes %s through as a client error: not logged as unhandled',
    (code) => {
      const { out, log, logClient } = run(new GraphQLError('nope', { extensions: { code } }), code);
      expect(out.extensions?.code).toBe(code);
      expect(log).not.toHaveBeenCalled();
      expect(logClient).toHaveBeenCalledWith(expect.anything(), code);
    },
  );

  it('renders domain errors with field and key, logged only as client errors', () => {
    const { out, log, logClient } = run(new GraphQLError('x', { originalError: new InvalidInputError('input.title', 'errors.validation.tooLong', 'too long', { max: 3 }) }));
    expect(out.extensions).toEqual({ code: 'BAD_USER_INPUT', messageKey: 'errors.validation.tooLong', field: 'input.title', params: { max: 3 } });
    expect(log).not.toHaveBeenCalled();
    expect(logClient).toHaveBeenCalledWith(expect.any(InvalidInputError), 'BAD_USER_INPUT');
    expect(run(new ConflictError('errors.CONFLICT')).log).not.toHaveBeenCalled();
  });

  it('hides everything of an unexpected error and logs it as unhandled', () => {
    const bug = new TypeError('cannot read x of undefined');
    const { out, log, logClient } = run(new GraphQLError('cannot read x of undefined', { originalError: bug }), 'INTERNAL_SERVER_ERROR');
    expect(out).toEqual({ message: 'Internal server error', path: undefined, extensions: { code: 'INTERNAL_SERVER_ERROR', messageKey: 'errors.INTERNAL_SERVER_ERROR' } });
    expect(log).toHaveBeenCalledWith(bug);
    expect(logClient).not.toHaveBeenCalled();
  });

  it.each([
    ['ECONNREFUSED', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['ECONNRESET', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
    ['57P01 admin shutdown (through TypeORM)', queryFailed(pgError('57P01'))],
    ['57P03 cannot connect now', pgError('57P03', 'the database system is starting up')],
    ['53300 too many connections', pgError('53300', 'sorry, too many clients already')],
    ['Connection terminated', new Error('Connection terminated unexpectedly')],
    ['pool timeout', new Error('timeout exceeded when trying to connect')],
    ['a database that refuses connections', pgError('55000', 'database "x" is not currently accepting connections')],
    ['socket errors inside an AggregateError', new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })], '')],
    ['a transaction whose connection died (TypeORM)', Object.assign(new Error('Query runner already released. Cannot run queries anymore.'), { name: 'QueryRunnerAlreadyReleasedError' })],
  ])('maps a lost database connection (%s) to SERVICE_UNAVAILABLE with a retry hint', (_name, cause) => {
    const { out, log } = run(new GraphQLError(cause.message, { originalError: cause }), 'INTERNAL_SERVER_ERROR');
    expect(out.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', messageKey: 'errors.SERVICE_UNAVAILABLE', retryAfterSeconds: 7 });
    expect(out.message).not.toMatch(/5432|ECONN|terminat/);
    expect(log).toHaveBeenCalled(); // an outage is worth an error line, unlike bad input
  });

  it('does not take an ordinary query failure for an outage', () => {
    expect(isServiceUnavailable(queryFailed(pgError('23505', 'duplicate key value violates unique constraint')))).toBe(false);
    expect(isServiceUnavailable(queryFailed(pgError('22P02', 'invalid input syntax for type uuid')))).toBe(false);
    expect(isServiceUnavailable(new TypeError('x is undefined'))).toBe(false);
  });

  it('strips "Did you mean" suggestions when asked to (production)', () => {
    const msg = 'Cannot query field "titel" on type "Budget". Did you mean "title"?';
    expect(run(new GraphQLError(msg), 'GRAPHQL_VALIDATION_FAILED', { hideSuggestions: true }).out.message).toBe('Cannot query field "titel" on type "Budget".');
    expect(run(new GraphQLError(msg), 'GRAPHQL_VALIDATION_FAILED').out.message).toBe(msg);
    const enumMsg = 'Variable "$input" got an invalid value at "input.gender": Value "F" does not exist in "Gender" enum. Did you mean the enum value "FEMALE"?';
    const bad = new GraphQLError(enumMsg, { originalError: new InvalidInputError('input.gender', 'errors.BAD_USER_INPUT', enumMsg) });
    expect(run(bad, 'BAD_USER_INPUT', { hideSuggestions: true }).out.message).not.toMatch(/Did you mean|FEMALE/);
  });
});

describe('serviceUnavailablePlugin', () => {
  async function send(errors: unknown[]) {
    const headers = new Map<string, string>();
    const response = { http: { status: undefined as number | undefined, headers } };
    const listener = await (serviceUnavailablePlugin(9).requestDidStart as any)({});
    await listener.willSendResponse({ errors, response });
    return response.http;
  }

  it('answers 503 with Retry-After when a dependency is down', async () => {
    const http = await send([new GraphQLError('x', { originalError: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }) })]);
    expect(http.status).toBe(503);
    expect(http.headers.get('retry-after')).toBe('9');
    expect((await send([new ServiceUnavailableError(3)])).status).toBe(503);
  });

  it('leaves other responses alone', async () => {
    expect((await send([new GraphQLError('x', { originalError: new InvalidInputError('f', 'k') })])).status).toBeUndefined();
    expect((await send([])).status).toBeUndefined();
  });
});

describe('GraphqlExceptionFilter', () => {
  it('hands a resolver error to Apollo as it is, without Nest logging it', () => {
    const spy = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const err = new InvalidInputError('input.email', 'errors.validation.email');
    expect(new GraphqlExceptionFilter().catch(err, { getType: () => 'graphql' } as unknown as ArgumentsHost)).toBe(err);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });
});
