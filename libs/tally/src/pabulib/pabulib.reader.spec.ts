import { parsePabulib, PabulibFormatError, splitPabulibRow } from './pabulib.reader';
import { writePabulib } from './pabulib.writer';
import { csvToElection, electionToCsv } from './csv.converter';

const crlf = (lines: string[]) => lines.join('\r\n') + '\r\n';

const sample = crlf([
  '\ufeffMETA',
  'key;value',
  'description;"A; quoted" text',
  'budget;1000,5',
  'vote_type;cumulative',
  'max_sum_points;10',
  'PROJECTS',
  'project_id;cost;name;category;selected;extra_col',
  'c12;500,25;"Park ""Green""; phase 1";nature,sport;1;x',
  '007;0;none;;0;',
  'VOTES',
  'voter_id;vote;points;age',
  'a;c12,007;7,3;33',
  'b;;;none',
]);

describe('pabulib reader', () => {
  it('reads BOM, CRLF, quoted fields with ";", "," decimals, none, string ids and extra columns', () => {
    const e = parsePabulib(sample);
    expect(e.budget).toBe(1000.5);
    expect(e.meta['description']).toBe('A; quoted text');
    expect(e.ballotRules).toEqual({ kind: 'cumulative', maxSumPoints: 10 });
    expect(e.projects).toEqual([
      { id: 'c12', cost: 500.25, name: 'Park "Green"; phase 1', categories: ['nature', 'sport'], extra: { selected: '1', extra_col: 'x' } },
      { id: '007', cost: 0, extra: { selected: '0' } },
    ]);
    expect(e.ballots).toEqual([
      { voterId: 'a', projects: ['c12', '007'], points: [7, 3], extra: { age: '33' } },
      { voterId: 'b', projects: [], points: [] },
    ]);
  });

  it('keeps text after a closing quote, like the reference reader', () => {
    expect(splitPabulibRow('47;12000;"Odkupmy" i my - kosze', 1)).toEqual(['47', '12000', 'Odkupmy i my - kosze']);
  });

  it('round-trips through the writer and through CSV', () => {
    const e = parsePabulib(sample);
    expect(parsePabulib(writePabulib(e))).toEqual(e);
    const viaCsv = csvToElection(electionToCsv(e));
    expect(viaCsv.projects.map((p) => [p.id, p.cost, p.name, p.categories])).toEqual(e.projects.map((p) => [p.id, p.cost, p.name, p.categories]));
    expect(viaCsv.ballots.map((b) => [b.voterId, b.projects, b.points])).toEqual(e.ballots.map((b) => [b.voterId, b.projects, b.points]));
    expect(viaCsv.budget).toBe(e.budget);
  });

  const bad: [string, string[], number, RegExp][] = [
    ['no budget', ['META', 'key;value', 'vote_type;approval', 'PROJECTS', 'project_id;cost'], 4, /no budget/],
    ['bad cost', ['META', 'key;value', 'budget;10', 'vote_type;approval', 'PROJECTS', 'project_id;cost', '1;12a'], 7, /cost of project 1 "12a" is not a number/],
    ['negative cost', ['META', 'key;value', 'budget;10', 'vote_type;approval', 'PROJECTS', 'project_id;cost', '1;-5'], 7, /negative cost/],
    ['duplicate project', ['META', 'key;value', 'budget;10', 'vote_type;approval', 'PROJECTS', 'project_id;cost', '1;5', '1;6'], 8, /listed twice/],
    ['short row', ['META', 'key;value', 'budget;10', 'vote_type;approval', 'PROJECTS', 'project_id;cost;name', '1;5'], 7, /expected 3 fields/],
    ['unknown project', ['META', 'key;value', 'budget;10', 'vote_type;approval', 'PROJECTS', 'project_id;cost', '1;5', 'VOTES', 'voter_id;vote', 'v;1,2'], 10, /unknown project "2"/],
    ['points mismatch', ['META', 'key;value', 'budget;10', 'vote_type;cumulative', 'PROJECTS', 'project_id;cost', '1;5', 'VOTES', 'voter_id;vote;points', 'v;1;2,3'], 10, /1 projects but 2 points/],
    ['unclosed quote', ['META', 'key;value', 'budget;10', 'vote_type;approval', 'PROJECTS', 'project_id;cost;name', '1;5;"abc'], 7, /quoted field is not closed/],
    ['text before META', ['hello', 'META'], 1, /expected a section name/],
    ['bad vote type', ['META', 'key;value', 'budget;10', 'vote_type;magic', 'PROJECTS', 'project_id;cost'], 5, /vote_type "magic"/],
    ['header without cost', ['META', 'key;value', 'budget;10', 'vote_type;approval', 'PROJECTS', 'project_id;price'], 6, /no cost column/],
  ];
  it.each(bad)('rejects %s with the line number', (_name, lines, line, re) => {
    let err: unknown;
    try {
      parsePabulib(lines.join('\n'));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PabulibFormatError);
    expect((err as PabulibFormatError).line).toBe(line);
    expect((err as PabulibFormatError).message).toMatch(re);
  });
});
