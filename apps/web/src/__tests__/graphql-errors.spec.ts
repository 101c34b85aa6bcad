import { ApiError, errorMessageKey, splitLogin, toFormErrors } from '../api/graphql-errors';

const badInput = (field: string, messageKey: string) => ({
  message: 'x',
  extensions: { code: 'BAD_USER_INPUT', field, messageKey },
});

describe('toFormErrors', () => {
  const map = { 'input.email': 'login', 'input.phone': 'login', 'input.password': 'password' };

  test('puts each field error next to its form field, with a summary for screen readers', () => {
    const e = new ApiError([badInput('input.email', 'errors.validation.email'), badInput('input.password', 'errors.validation.passwordTooShort')]);
    const r = toFormErrors(e, map);
    expect(r.fields.login.key).toBe('errors.validation.email');
    expect(r.fields.password.key).toBe('errors.validation.passwordTooShort');
    expect(r.general).toEqual({ key: 'errors.BAD_USER_INPUT' });
  });

  test('a field path without the "input." prefix lands on the same form field', () => {
    expect(toFormErrors(new ApiError([badInput('password', 'errors.validation.passwordTooShort')]), map).fields.password.key).toBe(
      'errors.validation.passwordTooShort',
    );
  });

  test('two API fields on one input keep the first message', () => {
    const r = toFormErrors(new ApiError([badInput('input.phone', 'errors.validation.phone'), badInput('input.email', 'errors.validation.email')]), map);
    expect(r.fields.login.key).toBe('errors.validation.phone');
  });

  test('an error for no known field becomes the general message, with params the API sent', () => {
    const e = new ApiError([{ message: 'slow down', extensions: { code: 'TOO_MANY_REQUESTS', messageKey: 'errors.TOO_MANY_REQUESTS', retryAfterSeconds: 29.2 } }]);
    const r = toFormErrors(e, map);
    expect(r.fields).toEqual({});
    expect(r.general).toEqual({ key: 'errors.TOO_MANY_REQUESTS', params: { seconds: 30 } });
  });

  test('without messageKey the code picks the text; a network failure says so', () => {
    expect(errorMessageKey({ message: 'x', extensions: { code: 'FORBIDDEN' } })).toBe('errors.FORBIDDEN');
    expect(errorMessageKey(undefined)).toBe('errors.INTERNAL_SERVER_ERROR');
    expect(toFormErrors(ApiError.network(new Error('offline')), map).general?.key).toBe('status.offline');
  });
});

describe('splitLogin', () => {
  test.each([
    ['  aigul@example.kg ', { email: 'aigul@example.kg' }],
    ['+996 (555) 12-34-56', { phone: '+996555123456' }],
    ['00996555123456', { phone: '+996555123456' }],
    ['+7 701 123 4567', { phone: '+77011234567' }],
    ['0700 123 456', { phone: '+996700123456' }],
    ['8 701 123 4567', { phone: '+77011234567' }],
    ['0700 12', { phone: '0700 12' }],
  ])('%p', (input, expected) => {
    expect(splitLogin(input)).toEqual(expected);
  });

  test('a number without its country code reads in the chosen country', () => {
    expect(splitLogin('701 123 4567', 'KZ')).toEqual({ phone: '+77011234567' });
    expect(splitLogin('700 123 456', 'KG')).toEqual({ phone: '+996700123456' });
  });
});
