import { CsvSyntaxError, parseCsvLine } from '@ashar/kernel/csv';
import { Ballot, BallotKind, BallotRules, Election, Project } from '../model/election.model';

/** A malformed pabulib file: `line` is 1-based, `message` says what is wrong. */
export class PabulibFormatError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(line > 0 ? `line ${line}: ${reason}` : reason);
    this.name = 'PabulibFormatError';
  }
}

/**
 * Splits one `;`-separated row with the shared CSV reader (`@ashar/kernel/csv`). Quotes follow the
 * lenient convention the reference reader uses: `""` inside quotes is a quote, and text after a closing
 * quote is kept (`"Odkupmy" i my` reads as `Odkupmy i my`), so real files with stray quotes still load.
 */
export function splitPabulibRow(line: string, lineNo: number): string[] {
  try {
    return parseCsvLine(line, ';');
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw new PabulibFormatError(lineNo, 'a quoted field is not closed before the end of the line');
    throw e;
  }
}

/** Parses money: "," is a decimal point in some files. */
export function parseMoney(text: string, what: string, lineNo: number): number {
  const t = text.trim().replace(',', '.');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) {
    throw new PabulibFormatError(lineNo, `${what} "${text}" is not a number`);
  }
  const v = Number(t);
  if (!Number.isFinite(v)) throw new PabulibFormatError(lineNo, `${what} "${text}" is not a finite number`);
  return v;
}

function parseOptionalInt(meta: Record<string, string>, key: string): number | undefined {
  const v = meta[key];
  if (v === undefined || v === '' || v.toLowerCase() === 'none') return undefined;
  const num = Number(v.replace(',', '.'));
  if (!Number.isFinite(num)) throw new PabulibFormatError(0, `META ${key} "${v}" is not a number`);
  return num;
}

export function ballotKindOf(voteType: string): BallotKind {
  switch (voteType.trim().toLowerCase()) {
    case 'approval':
    case 'choose-1':
      return 'approval';
    case 'knapsack':
      return 'knapsack';
    case 'cumulative':
    case 'scoring':
      return 'cumulative';
    case 'ordinal':
      return 'ordinal';
    default:
      throw new PabulibFormatError(0, `META vote_type "${voteType}" is not one of approval, cumulative, scoring, ordinal, choose-1`);
  }
}

export function ballotRulesFromMeta(meta: Record<string, string>): BallotRules {
  const kind = ballotKindOf(meta['vote_type'] ?? 'approval');
  const rules: BallotRules = { kind };
  const set = (k: keyof BallotRules, key: string) => {
    const v = parseOptionalInt(meta, key);
    if (v !== undefined) (rules as unknown as Record<string, number>)[k] = v;
  };
  set('minLength', 'min_length');
  set('maxLength', 'max_length');
  set('maxTotalCost', 'max_sum_cost');
  set('maxSumPoints', 'max_sum_points');
  set('minSumPoints', 'min_sum_points');
  set('maxPoints', 'max_points');
  set('minPoints', 'min_points');
  if ((meta['vote_type'] ?? '').trim().toLowerCase() === 'choose-1') rules.maxLength = 1;
  return rules;
}

const absent = (v: string | undefined): boolean => v === undefined || v === '' || v.toLowerCase() === 'none';
const splitList = (v: string): string[] =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

type Section = 'none' | 'meta' | 'projects' | 'votes';

/**
 * Incremental parser: feed it lines (without line terminators) in order, then call `finish()`.
 * It holds no file handles, so it runs in a browser too; see `read-pabulib-file.ts` for Node streams.
 */
export class PabulibParser {
  private lineNo = 0;
  private section: Section = 'none';
  private header: string[] | null = null;
  private readonly meta: Record<string, string> = {};
  private readonly projects: Project[] = [];
  private readonly projectIndex = new Map<string, number>();
  private readonly ballots: Ballot[] = [];
  private projectColumns: string[] = [];
  private voteColumns: string[] = [];
  private seenSections = new Set<Section>();
  private colIdx = { cost: -1, name: -1, category: -1, target: -1, district: -1, vote: -1, points: -1 };
  private kind: BallotKind | null = null;

  pushLine(raw: string): void {
    this.lineNo++;
    let line = raw;
    if (this.lineNo === 1 && line.charCodeAt(0) === 0xfeff) line = line.slice(1);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line.trim() === '') return;
    const row = splitPabulibRow(line, this.lineNo);
    const first = row[0].trim().toLowerCase();
    if ((first === 'meta' || first === 'projects' || first === 'votes') && row.slice(1).every((f) => f.trim() === '')) {
      this.enterSection(first, row[0]);
      return;
    }
    if (this.section === 'none') {
      throw new PabulibFormatError(this.lineNo, `expected a section name (META, PROJECTS or VOTES), found "${line.slice(0, 40)}"`);
    }
    if (this.header === null) {
      this.readHeader(row);
      return;
    }
    if (this.section === 'meta') this.metaRow(row);
    else if (this.section === 'projects') this.projectRow(row);
    else this.voteRow(row);
  }

  private enterSection(name: Section, raw: string): void {
    if (this.seenSections.has(name)) throw new PabulibFormatError(this.lineNo, `section ${raw.trim()} appears twice`);
    const order: Section[] = ['meta', 'projects', 'votes'];
    const prev = order.indexOf(this.section);
    if (order.indexOf(name) < prev) {
      throw new PabulibFormatError(this.lineNo, `section ${raw.trim()} must come before ${this.section.toUpperCase()}`);
    }
    if (name === 'projects' && !this.seenSections.has('meta')) {
      throw new PabulibFormatError(this.lineNo, 'PROJECTS section before a META section');
    }
    if (name === 'votes' && !this.seenSections.has('projects')) {
      throw new PabulibFormatError(this.lineNo, 'VOTES section before a PROJECTS section');
    }
    if (this.section === 'projects' && this.header === null) {
      throw new PabulibFormatError(this.lineNo, 'PROJECTS section has no header line');
    }
    if (name === 'projects') this.finishMeta();
    this.seenSections.add(name);
    this.section = name;
    this.header = null;
  }

  private readHeader(row: string[]): void {
    const header = row.map((h) => h.trim());
    while (header.length > 1 && header[header.length - 1] === '') header.pop();
    const seen = new Set<string>();
    for (const h of header) {
      if (h === '') throw new PabulibFormatError(this.lineNo, `empty column name in the ${this.section.toUpperCase()} header`);
      if (seen.has(h)) throw new PabulibFormatError(this.lineNo, `column "${h}" appears twice in the header`);
      seen.add(h);
    }
    if (this.section === 'meta') {
      if (header.length < 2) throw new PabulibFormatError(this.lineNo, 'META header must be "key;value"');
    } else if (this.section === 'projects') {
      if (header[0] !== 'project_id') throw new PabulibFormatError(this.lineNo, `PROJECTS header must start with project_id, found "${header[0]}"`);
      const c = header.indexOf('cost');
      if (c < 0) throw new PabulibFormatError(this.lineNo, 'PROJECTS header has no cost column');
      this.colIdx.cost = c;
      this.colIdx.name = header.indexOf('name');
      this.colIdx.category = header.indexOf('category');
      this.colIdx.target = header.indexOf('target');
      this.colIdx.district = header.indexOf('district');
      this.projectColumns = header;
    } else {
      if (header[0] !== 'voter_id') throw new PabulibFormatError(this.lineNo, `VOTES header must start with voter_id, found "${header[0]}"`);
      const v = header.indexOf('vote');
      if (v < 0) throw new PabulibFormatError(this.lineNo, 'VOTES header has no vote column');
      this.colIdx.vote = v;
      this.colIdx.points = header.indexOf('points');
      if (this.kind === 'cumulative' && this.colIdx.points < 0) {
        throw new PabulibFormatError(this.lineNo, 'vote_type is cumulative but the VOTES header has no points column');
      }
      this.voteColumns = header;
    }
    this.header = header;
  }

  private fields(row: string[]): string[] {
    const h = this.header!;
    if (row.length < h.length) {
      throw new PabulibFormatError(this.lineNo, `expected ${h.length} fields (${h.join(';')}), found ${row.length}`);
    }
    for (let i = h.length; i < row.length; i++) {
      if (row[i].trim() !== '') {
        throw new PabulibFormatError(this.lineNo, `expected ${h.length} fields (${h.join(';')}), found ${row.length}`);
      }
    }
    return row.length === h.length ? row : row.slice(0, h.length);
  }

  private metaRow(row: string[]): void {
    if (row.length < 2) throw new PabulibFormatError(this.lineNo, `META row "${row[0]}" has no value (expected key;value)`);
    const key = row[0].trim();
    if (key === '') throw new PabulibFormatError(this.lineNo, 'META row with an empty key');
    this.meta[key] = row.slice(1).join(';').trim();
  }

  private budget = 0;

  private finishMeta(): void {
    const b = this.meta['budget'];
    if (absent(b)) throw new PabulibFormatError(this.lineNo, 'META has no budget');
    this.budget = parseMoney(b!, 'META budget', 0);
    if (this.budget < 0) throw new PabulibFormatError(0, `META budget ${b} is negative`);
    if (absent(this.meta['vote_type'])) throw new PabulibFormatError(this.lineNo, 'META has no vote_type');
    try {
      this.kind = ballotKindOf(this.meta['vote_type']);
    } catch (e) {
      throw new PabulibFormatError(this.lineNo, (e as PabulibFormatError).reason);
    }
  }

  private projectRow(raw: string[]): void {
    const row = this.fields(raw);
    const id = row[0].trim();
    if (id === '') throw new PabulibFormatError(this.lineNo, 'empty project_id');
    if (this.projectIndex.has(id)) throw new PabulibFormatError(this.lineNo, `project ${id} is listed twice`);
    const costText = row[this.colIdx.cost];
    if (absent(costText?.trim())) throw new PabulibFormatError(this.lineNo, `project ${id} has no cost`);
    const cost = parseMoney(costText, `cost of project ${id}`, this.lineNo);
    if (cost < 0) throw new PabulibFormatError(this.lineNo, `project ${id} has a negative cost (${costText})`);
    const p: Project = { id, cost };
    const extra: Record<string, string> = {};
    let hasExtra = false;
    const h = this.header!;
    for (let i = 1; i < h.length; i++) {
      if (i === this.colIdx.cost) continue;
      const v = row[i].trim();
      if (absent(v)) continue;
      if (i === this.colIdx.name) p.name = v;
      else if (i === this.colIdx.category) p.categories = splitList(v);
      else if (i === this.colIdx.target) p.targets = splitList(v);
      else if (i === this.colIdx.district) p.district = v;
      else {
        extra[h[i]] = v;
        hasExtra = true;
      }
    }
    if (hasExtra) p.extra = extra;
    this.projectIndex.set(id, this.projects.length);
    this.projects.push(p);
  }

  private voteRow(raw: string[]): void {
    const row = this.fields(raw);
    const voterId = row[0].trim();
    const voteText = row[this.colIdx.vote].trim();
    const projects = absent(voteText) ? [] : splitList(voteText);
    for (const pid of projects) {
      if (!this.projectIndex.has(pid)) throw new PabulibFormatError(this.lineNo, `voter ${voterId} votes for unknown project "${pid}"`);
    }
    const b: Ballot = { voterId, projects };
    if (this.colIdx.points >= 0) {
      const ptsText = row[this.colIdx.points].trim();
      const pts = absent(ptsText) ? [] : splitList(ptsText);
      if (pts.length !== projects.length) {
        throw new PabulibFormatError(this.lineNo, `voter ${voterId} lists ${projects.length} projects but ${pts.length} points`);
      }
      b.points = pts.map((t) => {
        const v = Number(t.replace(',', '.'));
        if (!Number.isFinite(v)) throw new PabulibFormatError(this.lineNo, `voter ${voterId}: points "${t}" is not a number`);
        return v;
      });
    }
    const h = this.header!;
    let extra: Record<string, string> | undefined;
    for (let i = 1; i < h.length; i++) {
      if (i === this.colIdx.vote || i === this.colIdx.points) continue;
      const v = row[i].trim();
      if (absent(v)) continue;
      (extra ??= {})[h[i]] = v;
    }
    if (extra) b.extra = extra;
    this.ballots.push(b);
  }

  finish(): Election {
    if (!this.seenSections.has('meta')) throw new PabulibFormatError(this.lineNo, 'no META section');
    if (!this.seenSections.has('projects')) throw new PabulibFormatError(this.lineNo, 'no PROJECTS section');
    if (this.section === 'projects' && this.header === null) throw new PabulibFormatError(this.lineNo, 'PROJECTS section has no header line');
    let ballotRules: BallotRules;
    try {
      ballotRules = ballotRulesFromMeta(this.meta);
    } catch (e) {
      throw new PabulibFormatError(0, (e as PabulibFormatError).reason ?? String(e));
    }
    return {
      budget: this.budget,
      projects: this.projects,
      ballots: this.ballots,
      ballotRules,
      meta: this.meta,
      projectColumns: this.projectColumns,
      voteColumns: this.voteColumns.length ? this.voteColumns : undefined,
    };
  }
}

/** Parses a whole `.pb` text (any line ends, optional BOM). */
export function parsePabulib(text: string): Election {
  const parser = new PabulibParser();
  let start = 0;
  const len = text.length;
  while (start <= len) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = len;
    parser.pushLine(text.slice(start, end));
    start = end + 1;
  }
  return parser.finish();
}
