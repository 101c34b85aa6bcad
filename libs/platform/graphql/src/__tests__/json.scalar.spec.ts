import { parse, ValueNode } from 'graphql';
import { JsonScalar } from '../json.scalar';

const literal = (text: string): ValueNode => (parse(`{ f(a: ${text}) }`).definitions[0] as never as { selectionSet: { selections: Array<{ arguments: Array<{ value: ValueNode }> }> } }).selectionSet.selections[0].arguments[0].value;

describe('the JSON scalar', () => {
  it('passes plain JSON values through, from variables and from literals', () => {
    const form = { questions: [{ name: 'q1', type: 'integer', label: { ky: 'Жаш' } }], languages: ['ky'], n: 1.5, ok: true, none: null };
    expect(JsonScalar.parseValue(form)).toEqual(form);
    expect(JsonScalar.parseLiteral(literal('{ a: [1, "эки", true, null], b: { c: 2.5 } }'), {})).toEqual({ a: [1, 'эки', true, null], b: { c: 2.5 } });
    expect(JsonScalar.parseLiteral(literal('$v'), { v: { x: 1 } })).toEqual({ x: 1 });
  });

  it('refuses what jsonb cannot store or what is too big, as BAD_USER_INPUT', () => {
    const deep = JSON.parse('['.repeat(20) + ']'.repeat(20));
    for (const bad of [{ a: 'x\u0000y' }, deep, 'x'.repeat(10_001), { ['\u0000']: 1 }, Number.POSITIVE_INFINITY]) {
      try {
        JsonScalar.parseValue(bad);
        throw new Error('accepted');
      } catch (e) {
        expect((e as { extensions?: { code?: string } }).extensions?.code).toBe('BAD_USER_INPUT');
      }
    }
  });
});
