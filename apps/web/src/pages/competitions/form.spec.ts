import { answerFieldOf, budgetLines, budgetTotal, lineTotal, parseForm } from './form';

describe('competition form helpers', () => {
  test('budget totals are exact in minor units, past 2^53', () => {
    expect(lineTotal({ item: 'Ноутбук', quantity: 2, unitCost: '50000' })).toBe(100000n);
    expect(budgetTotal([{ item: 'a', quantity: 1_000_000, unitCost: '999999999999999' }, { item: 'b', quantity: 1, unitCost: '7' }])).toBe(999999999999999000007n);
    // More than 15 digits is not an amount the server takes: it counts nothing.
    expect(lineTotal({ item: 'a', quantity: 1, unitCost: '9007199254740993' })).toBe(0n);
  });
  test('an unreadable line counts nothing until it is fixed', () => {
    expect(lineTotal({ item: 'a', quantity: 0, unitCost: '100' })).toBe(0n);
    expect(lineTotal({ item: 'a', quantity: 2, unitCost: '1.5' })).toBe(0n);
  });
  test('the server’s error path lands on its form field', () => {
    expect(answerFieldOf('input.answers.budget.total')).toBe('budget');
    expect(answerFieldOf('input.answers.concept')).toBe('concept');
    expect(answerFieldOf('input.stage')).toBeNull();
  });
  test('forms and budget answers are read defensively', () => {
    expect(parseForm('not json')).toEqual([]);
    expect(parseForm('{"fields":[{"key":"a","type":"TEXT","required":true,"label":{}}]}')[0].key).toBe('a');
    expect(budgetLines({ lines: [{ item: 'x', quantity: 2, unitCost: '10' }, null] })).toEqual([{ item: 'x', quantity: 2, unitCost: '10' }]);
    expect(budgetLines('nope')).toEqual([]);
  });
});
