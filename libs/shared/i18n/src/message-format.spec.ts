import { formatMessage, messageParams, MessageSyntaxError, parseMessage, pluralBranches } from './message-format';
import { translate } from './translate';

const RU_PLACES = '{count, plural, one {# территория} few {# территории} many {# территорий} other {# территории}}';

describe('formatMessage', () => {
  test('replaces {params} and leaves unknown ones visible', () => {
    expect(formatMessage('en', 'Hello, {name}! {missing}', { name: 'Айгүл' })).toBe('Hello, Айгүл! {missing}');
  });

  test.each([
    [1, '1 территория'],
    [2, '2 территории'],
    [5, '5 территорий'],
    [21, '21 территория'],
    [1.5, '1,5 территории'],
  ])('Russian plural for %p', (n, expected) => {
    expect(formatMessage('ru', RU_PLACES, { count: n })).toBe(expected);
  });

  test('# uses the locale digit grouping (Russian: non-breaking space)', () => {
    expect(formatMessage('ru', RU_PLACES, { count: 1855 })).toBe('1\u00a0855 территорий');
  });

  test('Kyrgyz one/other, exact =0 branch, and select', () => {
    const msg = '{n, plural, =0 {жок} one {# айыл} other {# айыл}}';
    expect(formatMessage('ky', msg, { n: 0 })).toBe('жок');
    expect(formatMessage('ky', msg, { n: 3 })).toBe('3 айыл');
    expect(formatMessage('en', '{g, select, female {she} other {they}}', { g: 'female' })).toBe('she');
    expect(formatMessage('en', '{g, select, female {she} other {they}}', { g: 'x' })).toBe('they');
  });

  test('params and plural branches are listed, nested ones included', () => {
    expect(messageParams('{a} {n, plural, one {# {b}} other {# {c}}}')).toEqual(['a', 'b', 'c', 'n']);
    expect(pluralBranches(RU_PLACES)).toEqual({ count: ['few', 'many', 'one', 'other'] });
  });

  test.each(['{', 'a }', '{n, plural, one {x}}', '{n, choice, other {x}}', '{}'])('rejects malformed %p', (src) => {
    expect(() => parseMessage(src)).toThrow(MessageSyntaxError);
  });
});

describe('translate', () => {
  test('uses the requested language, with params', () => {
    expect(translate('ru', 'errors.validation.passwordTooShort', { min: 10 })).toBe('Пароль должен содержать не менее 10 символов.');
  });

  test('plural rules follow the catalogue language', () => {
    expect(translate('ru', 'places.count', { count: 3 })).toBe('3 территории');
    expect(translate('en', 'places.count', { count: 1 })).toBe('1 place');
  });

  test('an unknown key comes back as itself, never blank', () => {
    expect(translate('ky', 'no.such.key')).toBe('no.such.key');
  });
});
