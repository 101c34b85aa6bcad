import { draftOf, NEW_RULES, readRules } from './rules-fields.component';

test('the rules boxes are read into the API’s rules: exact minor units, empty limits as none, points only for cumulative ballots', () => {
  expect(readRules({ ...NEW_RULES, envelope: '1 000 000' })).toEqual({
    ok: true,
    rules: { envelope: '100000000', ballotKind: 'KNAPSACK', minChoices: 1, maxChoices: null, maxPoints: null, countingRule: 'GREEDY', verification: 'SELF_DECLARED', minAge: null },
  });
  expect(readRules({ ...NEW_RULES, envelope: '2 500 000,50', ballotKind: 'CUMULATIVE', maxPoints: '12', minAge: '16' })).toMatchObject({ ok: true, rules: { envelope: '250000050', maxPoints: 12, minAge: 16 } });
});

test('what cannot be read is said at its box, nothing is guessed', () => {
  const r = readRules({ ...NEW_RULES, envelope: '', ballotKind: 'CUMULATIVE', maxPoints: '' });
  expect(r.ok).toBe(false);
  expect(r.ok ? [] : Object.keys(r.fields).sort()).toEqual(['envelope', 'maxPoints']);
});

test('a stored process shows in the boxes as it was set, and reads back the same', () => {
  const stored = { envelope: '250000000', ballotKind: 'APPROVAL' as const, minChoices: 1, maxChoices: 3, maxPoints: null, countingRule: 'MES' as const, verification: 'PHONE' as const, minAge: 18 };
  const d = draftOf(stored);
  expect(d).toMatchObject({ envelope: '2500000', maxChoices: '3', minAge: '18' });
  expect(readRules(d)).toEqual({ ok: true, rules: { ...stored, maxPoints: null } });
});
