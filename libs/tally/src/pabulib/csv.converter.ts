import { CsvSyntaxError, parseCsv } from '@ashar/kernel/csv';
import { Ballot, Election, Project } from '../model/election.model';
import { ballotRulesFromMeta, parseMoney, PabulibFormatError } from './pabulib.reader';
import { formatNumber } from './pabulib.writer';

/**
 * A flat CSV form of an election for spreadsheets (comma-separated, RFC 4180 quotes, UTF-8),
 * header `type,id,value,name,category,target,district,points`, one row per record:
 *  - `meta,<key>,<value>`                 META entries (budget and vote_type are required)
 *  - `project,<id>,<cost>,<name>,<category>,<target>,<district>`
 *  - `vote,<voter_id>,"<p1,p2,...>",,,,,"<pts1,pts2,...>"`  (points only for cumulative ballots)
 * Lists inside a cell use "," like pabulib. Other pabulib columns are not carried.
 */
export const CSV_HEADER = ['type', 'id', 'value', 'name', 'category', 'target', 'district', 'points'];

function csvCell(v: string): string {
  return /[",\r\n]/.test(v) || v !== v.trim() ? '"' + v.replace(/"/g, '""') + '"' : v;
}

export function electionToCsv(e: Election): string {
  const lines = [CSV_HEADER.join(',')];
  const meta: Record<string, string> = { ...e.meta, budget: formatNumber(e.budget) };
  if (!meta['vote_type']) meta['vote_type'] = e.ballotRules.kind === 'knapsack' ? 'approval' : e.ballotRules.kind;
  for (const [k, v] of Object.entries(meta)) lines.push(['meta', k, v].map(csvCell).join(','));
  for (const p of e.projects) {
    lines.push(
      ['project', p.id, formatNumber(p.cost), p.name ?? '', p.categories?.join(',') ?? '', p.targets?.join(',') ?? '', p.district ?? '']
        .map(csvCell)
        .join(','),
    );
  }
  for (const b of e.ballots) {
    lines.push(['vote', b.voterId, b.projects.join(','), '', '', '', '', b.points?.map(formatNumber).join(',') ?? ''].map(csvCell).join(','));
  }
  return lines.join('\n') + '\n';
}

/** RFC 4180 rows with their starting line numbers, read by the shared CSV reader; blank rows skipped. */
function* csvRows(text: string): Generator<{ row: string[]; line: number }> {
  let rows;
  try {
    rows = parseCsv(text, ',');
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw new PabulibFormatError(e.line, 'a quoted CSV field is not closed');
    throw e;
  }
  for (const { cells, line } of rows) {
    if (cells.length === 1 && cells[0].trim() === '') continue;
    yield { row: cells, line };
  }
}

export function csvToElection(text: string): Election {
  const meta: Record<string, string> = {};
  const projects: Project[] = [];
  const ballots: Ballot[] = [];
  const ids = new Set<string>();
  let first = true;
  const list = (v: string) => v.split(',').map((s) => s.trim()).filter((s) => s !== '');
  for (const { row, line } of csvRows(text)) {
    if (first) {
      first = false;
      const h = row.map((c) => c.trim());
      if (h.join(',') !== CSV_HEADER.slice(0, h.length).join(',') || h.length < 3) {
        throw new PabulibFormatError(line, `CSV header must be "${CSV_HEADER.join(',')}"`);
      }
      continue;
    }
    const cell = (k: number) => (row[k] ?? '').trim();
    const type = cell(0).toLowerCase();
    if (type === 'meta') {
      if (cell(1) === '') throw new PabulibFormatError(line, 'meta row without a key');
      meta[cell(1)] = cell(2);
    } else if (type === 'project') {
      const id = cell(1);
      if (id === '') throw new PabulibFormatError(line, 'project row without an id');
      if (ids.has(id)) throw new PabulibFormatError(line, `project ${id} is listed twice`);
      ids.add(id);
      const cost = parseMoney(cell(2), `cost of project ${id}`, line);
      if (cost < 0) throw new PabulibFormatError(line, `project ${id} has a negative cost`);
      const p: Project = { id, cost };
      if (cell(3)) p.name = cell(3);
      if (cell(4)) p.categories = list(cell(4));
      if (cell(5)) p.targets = list(cell(5));
      if (cell(6)) p.district = cell(6);
      projects.push(p);
    } else if (type === 'vote') {
      const projectsOf = list(cell(2));
      for (const pid of projectsOf) if (!ids.has(pid)) throw new PabulibFormatError(line, `voter ${cell(1)} votes for unknown project "${pid}" (projects must come before votes)`);
      const b: Ballot = { voterId: cell(1), projects: projectsOf };
      if (cell(7)) {
        const pts = list(cell(7)).map((t) => Number(t));
        if (pts.length !== projectsOf.length || pts.some((x) => !Number.isFinite(x))) {
          throw new PabulibFormatError(line, `voter ${cell(1)}: points must be ${projectsOf.length} numbers`);
        }
        b.points = pts;
      }
      ballots.push(b);
    } else {
      throw new PabulibFormatError(line, `unknown row type "${cell(0)}" (expected meta, project or vote)`);
    }
  }
  if (first) throw new PabulibFormatError(0, 'empty CSV');
  if (meta['budget'] === undefined) throw new PabulibFormatError(0, 'CSV has no "meta,budget,<amount>" row');
  if (meta['vote_type'] === undefined) meta['vote_type'] = 'approval';
  const budget = parseMoney(meta['budget'], 'budget', 0);
  const ballotRules = ballotRulesFromMeta(meta);
  if (ballotRules.kind === 'cumulative') for (const b of ballots) b.points ??= [];
  return { budget, projects, ballots, ballotRules, meta };
}
