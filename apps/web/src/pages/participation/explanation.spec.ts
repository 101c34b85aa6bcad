import { translate } from '@ashar/i18n';
import { englishWordsIn } from '@ashar/i18n';
import { Election, tally, TallyOptions } from '@ashar/tally';
import { formatMinor } from '../budget/money';
import { canAdd, rankedChoices, totalCost } from './ballot';
import { explainOutcome, ExplainContext } from './explanation';

const NAMES: Record<string, string> = { p1: 'Көпүрө', p2: 'Мектептин чатыры', p3: 'Суу түтүгү' };
const ctx = (locale: 'ky' | 'ru' | 'en' | 'kk'): ExplainContext => ({
  t: (key, params) => translate(locale, key, params),
  money: (m) => translate(locale, 'participation.money', { amount: formatMinor(m, locale), currency: translate(locale, 'budgets.currency.KGS') }),
  name: (id) => NAMES[id] ?? id,
});

// Money in minor units, as the count job stores it: 1 000 000 som envelope, projects 400 000 / 500 000 / 300 000 som.
const election = (kind: 'knapsack' | 'approval'): Election => ({
  budget: 100_000_000,
  projects: [
    { id: 'p1', cost: 40_000_000 },
    { id: 'p2', cost: 50_000_000 },
    { id: 'p3', cost: 30_000_000 },
  ],
  ballots: [
    { voterId: 'a', projects: ['p1', 'p2'] },
    { voterId: 'b', projects: ['p1', 'p3'] },
    { voterId: 'c', projects: ['p2'] },
    { voterId: 'd', projects: ['p1'] },
  ],
  ballotRules: kind === 'knapsack' ? { kind: 'knapsack', maxTotalCost: 100_000_000 } : { kind: 'approval' },
  meta: {},
});

const explained = (opts: TallyOptions, locale: 'ky' | 'ru' | 'en' | 'kk' = 'ky') => {
  const r = tally(election(opts.rule === 'mes' ? 'approval' : 'knapsack'), { ...opts, explain: true });
  return explainOutcome(JSON.stringify(r.explanation), ctx(locale))!;
};

const all = (e: NonNullable<ReturnType<typeof explainOutcome>>) => [...e.lead, ...e.steps, ...e.rest.flatMap((r) => [r.heading ?? '', ...r.lines]), e.summary].join('\n');

test('greedy: each step says funded or not, with the cost, the votes and what was left, in Kyrgyz', () => {
  const e = explained({ rule: 'greedy' });
  expect(e.lead[0]).toBe(translate('ky', 'participation.explain.greedy.APPROVALS', { budget: '1\u00a0000\u00a0000 сом' }));
  expect(e.steps).toHaveLength(3);
  expect(e.steps[0]).toContain('«Көпүрө»');
  expect(e.steps[0]).toContain('400\u00a0000 сом');
  expect(e.steps[0]).toContain(translate('ky', 'participation.explain.score.votes', { count: 3 }));
  expect(e.steps[2]).toContain(translate('ky', 'participation.explain.step.SKIPPED_EXCEEDS_REMAINING', { rank: 3, project: 'Суу түтүгү', cost: '300\u00a0000 сом', score: translate('ky', 'participation.explain.score.votes', { count: 1 }), before: '100\u00a0000 сом', after: '' }).split(',')[0]);
  expect(e.summary).toContain('900\u00a0000 сом');
});

test('equal shares: the start share per voter, and per round who paid what', () => {
  const e = explained({ rule: 'mes', completion: 'add1' });
  expect(all(e)).toContain('«Көпүрө»');
  expect(e.steps.length).toBeGreaterThan(0);
  expect(e.steps[0]).toMatch(/1-айлампа/);
  const ru = explained({ rule: 'mes', completion: 'add1' }, 'ru');
  expect(ru.lead[0]).toContain('голосовавшими');
});

test.each(['ky', 'ru', 'kk'] as const)('no English and no catalogue key left in the %s explanation', (locale) => {
  for (const opts of [{ rule: 'greedy' }, { rule: 'mes', completion: 'add1' }, { rule: 'mes', completion: 'add1-greedy' }] as TallyOptions[]) {
    const text = all(explained(opts, locale));
    expect(englishWordsIn(text)).toEqual([]);
    expect(text).not.toMatch(/participation\./);
  }
});

test('an explanation the page does not know is said so, not guessed', () => {
  expect(explainOutcome('not json', ctx('ky'))).toBeNull();
  expect(explainOutcome('{"kind":"other"}', ctx('ky'))).toBeNull();
});

test('the knapsack ballot refuses a project that would go over the envelope, exactly (minor units as BigInt)', () => {
  const options = [
    { id: 'a', cost: '60000000' },
    { id: 'b', cost: '40000000' },
    { id: 'c', cost: '1' },
  ];
  const rules = { envelope: '100000000', maxChoices: null };
  expect(canAdd('KNAPSACK', rules, options, ['a'], 'b')).toEqual({ ok: true });
  expect(canAdd('KNAPSACK', rules, options, ['a', 'b'], 'c')).toEqual({ ok: false, reason: 'overEnvelope', total: '100000001' });
  expect(canAdd('APPROVAL', rules, options, ['a', 'b'], 'c')).toEqual({ ok: true });
  expect(canAdd('APPROVAL', { ...rules, maxChoices: 2 }, options, ['a', 'b'], 'c')).toEqual({ ok: false, reason: 'tooMany' });
  expect(totalCost(options, ['a', 'c'])).toBe('60000001');
  expect(rankedChoices({ a: 2, b: 0, c: 1 })).toEqual(['c', 'a']);
});

test('a FORBIDDEN answer says who may do it, or why not (the age rule)', async () => {
  const { ApiError } = await import('../../api/graphql-errors');
  const { forbiddenSays } = await import('./forbidden');
  const refused = (action: string) => () => Promise.reject(new ApiError([{ message: 'no', extensions: { code: 'FORBIDDEN', messageKey: 'errors.FORBIDDEN', action } }]));
  const keyOf = async (action: string) => forbiddenSays('participation.membersOnly', refused(action)).catch((e: InstanceType<typeof ApiError>) => e.errors[0].extensions?.messageKey);
  await expect(keyOf('participation.vote')).resolves.toBe('participation.membersOnly');
  await expect(keyOf('participation.vote.tooYoung')).resolves.toBe('participation.ballot.tooYoung');
  await expect(keyOf('participation.vote.ageUnknown')).resolves.toBe('participation.ballot.ageUnknown');
  for (const k of ['participation.membersOnly', 'participation.ballot.tooYoung', 'participation.ballot.ageUnknown', 'participation.organiser.forbidden']) expect(translate('ky', k)).not.toBe(k);
});
