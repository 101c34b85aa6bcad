import { ExpressionError, holds, parseExpression, referencesOf } from './expression';

const scope = (answers: Record<string, string | number | string[]>, self?: string | number) => ({ value: (n: string) => answers[n], self });

describe('XLSForm expressions (pure, no eval)', () => {
  it('compares numbers as numbers and text as text; an unanswered field reads as empty', () => {
    const s = scope({ age: '17', name: 'Айгүл', d: '2026-05-01' });
    expect(holds('${age} >= 18', s)).toBe(false);
    expect(holds('${age} < 18 and ${age} > 9', s)).toBe(true);
    expect(holds("${name} = 'Айгүл'", s)).toBe(true);
    expect(holds("${d} > '2026-01-31'", s)).toBe(true);
    expect(holds("${missing} = ''", s)).toBe(true);
    expect(holds('${missing} > 3', s)).toBe(false);
  });

  it('and / or / not with the usual precedence, parentheses and arithmetic', () => {
    const s = scope({ a: 1, b: 0, n: 7 });
    expect(holds('${a} = 1 or ${b} = 1 and ${n} = 0', s)).toBe(true);
    expect(holds('(${a} = 1 or ${b} = 1) and ${n} = 0', s)).toBe(false);
    expect(holds('not(${b} = 1)', s)).toBe(true);
    expect(holds('${n} mod 2 = 1 and ${n} div 2 = 3.5 and ${n} * 2 - 4 = 10', s)).toBe(true);
    expect(holds('-${n} < 0', s)).toBe(true);
  });

  it('selected() and count-selected() read a multiple choice (a list or space-separated text)', () => {
    const s = scope({ apps: ['whatsapp', 'telegram'], legacy: 'sms viber' });
    expect(holds("selected(${apps}, 'telegram')", s)).toBe(true);
    expect(holds("selected(${apps}, 'sms')", s)).toBe(false);
    expect(holds("selected(${legacy}, 'viber')", s)).toBe(true);
    expect(holds('count-selected(${apps}) <= 2', s)).toBe(true);
    expect(holds('count-selected(${none}) = 0', s)).toBe(true);
  });

  it('`.` is the answer a constraint checks; string-length counts letters', () => {
    expect(holds('. >= 0 and . <= 120', scope({}, 130))).toBe(false);
    expect(holds('. >= 0 and . <= 120', scope({}, 45))).toBe(true);
    expect(holds('string-length(.) <= 3', scope({}, 'Ысык'))).toBe(false);
  });

  it('lists the fields it reads; refuses anything outside the subset with a position, never runs code', () => {
    expect([...referencesOf(parseExpression("${a} = 1 and selected(${b}, 'x')"))].sort()).toEqual(['a', 'b']);
    for (const bad of ['${a} = ', 'constructor.constructor("x")()', 'process.exit(1)', "selected(${a})", '${a} === 1', '(${a}', '${a b}', "'open"]) {
      expect(() => parseExpression(bad)).toThrow(ExpressionError);
    }
    expect(() => parseExpression('('.repeat(200) + '1' + ')'.repeat(200))).toThrow(/nested too deeply/);
    expect(() => parseExpression('1 + '.repeat(400) + '1')).toThrow(/longer than/);
    expect(holds('', scope({}))).toBe(true);
  });
});
