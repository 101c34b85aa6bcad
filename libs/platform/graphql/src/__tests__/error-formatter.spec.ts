import { InvalidInputError } from '@ashar/kernel';
import { GraphQLError } from 'graphql';
import { ErrorLogKind, formatGraphqlError } from '../error-formatter';
import { findNulByte } from '../validation.pipe';

function format(error: unknown, code?: string) {
  const logged: ErrorLogKind[] = [];
  const formatted = formatGraphqlError({ message: 'x', extensions: code ? { code } : {} }, error, (_e, kind) => logged.push(kind));
  return { formatted, logged };
}

describe('formatGraphqlError', () => {
  it('keeps a domain error and logs nothing: it is the client’s mistake', () => {
    const { formatted, logged } = format(new GraphQLError('x', { originalError: new InvalidInputError('input.email', 'errors.validation.email') }));
    expect(formatted.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.email', messageKey: 'errors.validation.email' });
    expect(logged).toEqual([]);
  });

  it.each(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED'])('passes %s through without logging it as unhandled', (code) => {
    const { formatted, logged } = format(new GraphQLError('Variable "$input" got invalid value'), code);
    expect(formatted.extensions?.code).toBe(code);
    expect(logged).toEqual([]);
  });

  it('turns a database that went away into SERVICE_UNAVAILABLE with a retry hint', () => {
    const terminated = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    const refused = new AggregateError([Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })]);
    for (const e of [terminated, refused, { driverError: terminated }, new Error('Connection terminated unexpectedly')]) {
      const { formatted, logged } = format(new GraphQLError('x', { originalError: e as Error }));
      expect(formatted.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', messageKey: 'errors.SERVICE_UNAVAILABLE', params: { seconds: 5 } });
      expect(logged).toEqual(['unavailable']);
    }
  });

  it('hides anything else behind INTERNAL_SERVER_ERROR and logs it as unhandled', () => {
    const { formatted, logged } = format(new GraphQLError('x', { originalError: new TypeError('secret detail') }));
    expect(formatted).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', messageKey: 'errors.INTERNAL_SERVER_ERROR' } });
    expect(logged).toEqual(['unhandled']);
  });
});

describe('findNulByte', () => {
  it('names the path of the first string holding U+0000, in objects, arrays and keys', () => {
    expect(findNulByte({ title: 'ok', lines: [{ names: { ky: 'а\u0000' } }] }, 'input')).toBe('input.lines.0.names.ky');
    expect(findNulByte('x\u0000', 'query')).toBe('query');
    expect(findNulByte({ ['k\u0000']: 1 }, 'input')).toBe('input.k\u0000');
    expect(findNulByte({ title: 'Айгүл ң ө ү ә', n: 5, none: null }, 'input')).toBeNull();
  });

  it('leaves request objects alone (only plain data is walked)', () => {
    class Req { body = 'x\u0000'; }
    expect(findNulByte(new Req(), 'input')).toBeNull();
  });
});
