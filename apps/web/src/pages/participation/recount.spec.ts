import { tally, writePabulib, Election } from '@ashar/tally';
import { createHash } from 'node:crypto';
import { compare, recountOptions, sha256Hex, sha256Plain } from './recount';
import { recount } from './recount-engine';

// A ballot set the way the count job writes it (minor units, receipt codes as voter ids).
const election: Election = {
  budget: 100_000_000,
  projects: [
    { id: 'a1', cost: 40_000_000, name: 'Көпүрө' },
    { id: 'b2', cost: 50_000_000, name: 'Мектептин чатыры' },
    { id: 'c3', cost: 30_000_000, name: 'Суу түтүгү' },
  ],
  ballots: [
    { voterId: 'R1', projects: ['a1', 'b2'] },
    { voterId: 'R2', projects: ['a1', 'c3'] },
    { voterId: 'R3', projects: ['b2'] },
    { voterId: 'R4', projects: ['a1'] },
  ],
  ballotRules: { kind: 'approval' },
  meta: {},
};
const pb = writePabulib(election);

test.each([
  ['APPROVAL', 'GREEDY'],
  ['APPROVAL', 'MES'],
] as const)('%s / %s: the recount of the file gives the engine’s winners, in order', (kind, rule) => {
  const options = recountOptions(kind, rule);
  const expected = tally(election, options).selected;
  const r = recount(pb, options);
  expect(r.selected).toEqual(expected);
  expect(r).toMatchObject({ ballots: 4, projects: 3 });
});

test('the rule is the count job’s: ranked ballots by Borda, MES completed by add-one', () => {
  expect(recountOptions('RANKING', 'MES')).toEqual({ rule: 'greedy-borda' });
  expect(recountOptions('KNAPSACK', 'MES')).toEqual({ rule: 'mes', completion: 'add1' });
  expect(recountOptions('CUMULATIVE', 'GREEDY')).toEqual({ rule: 'greedy' });
});

test('agrees only with the same winners in the same order and the same file', async () => {
  const sha = await sha256Hex(pb);
  expect(sha).toBe(createHash('sha256').update(pb).digest('hex'));
  const published = { selected: ['a1', 'b2'], ballotSetSha256: sha! };
  expect(compare(published, { selected: ['a1', 'b2'] }, sha)).toMatchObject({ agrees: true, sameFile: true, sameWinners: true });
  expect(compare(published, { selected: ['b2', 'a1'] }, sha)).toMatchObject({ agrees: false, sameWinners: false, onlyRecounted: [], onlyPublished: [] });
  expect(compare(published, { selected: ['a1', 'c3'] }, sha)).toMatchObject({ agrees: false, onlyRecounted: ['c3'], onlyPublished: ['b2'] });
  expect(compare(published, { selected: ['a1', 'b2'] }, 'f'.repeat(64))).toMatchObject({ agrees: false, sameFile: false, sameWinners: true });
  // No WebCrypto (plain http on a LAN address): the winners still decide, the file is "not checked".
  expect(compare(published, { selected: ['a1', 'b2'] }, null)).toMatchObject({ agrees: true, sameFile: null });
});

test('a file that is not a ballot file is refused, not counted as empty', () => {
  expect(() => recount('hello', { rule: 'greedy' })).toThrow();
});

test('the SHA-256 used without WebCrypto is SHA-256 (every padding length around a block, Cyrillic text, the file)', () => {
  const node = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
  for (let n = 0; n <= 130; n++) {
    const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 31 + n) & 0xff);
    expect(sha256Plain(bytes)).toBe(node(bytes));
  }
  const text = new TextEncoder().encode('Ак-Дөбө 2027: айыл эмне курат? ' + pb);
  expect(sha256Plain(text)).toBe(node(text));
  expect(sha256Plain(new Uint8Array())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
});
