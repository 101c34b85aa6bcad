import { Election } from '../model/election.model';

function quote(v: string): string {
  if (/[;"\r\n]/.test(v) || v !== v.trim()) return '"' + v.replace(/"/g, '""') + '"';
  return v;
}

/** Shortest text that reads back as the same number (no exponent for ordinary money). */
export function formatNumber(x: number): string {
  if (Number.isInteger(x) && Math.abs(x) < 1e21) return x.toFixed(0);
  return String(x);
}

function sameNumber(text: string | undefined, x: number): boolean {
  if (text === undefined) return false;
  const v = Number(text.trim().replace(',', '.'));
  return v === x;
}

const VOTE_TYPE: Record<string, string> = {
  approval: 'approval',
  knapsack: 'approval',
  cumulative: 'cumulative',
  ordinal: 'ordinal',
};

/**
 * Writes an election as pabulib lines (without terminators). Known fields come from the model;
 * META and extra columns come from what was read, so a file survives read → write → read.
 */
export function* writePabulibLines(e: Election): Generator<string> {
  const meta: Record<string, string> = { ...e.meta };
  if (!sameNumber(meta['budget'], e.budget)) meta['budget'] = formatNumber(e.budget);
  if (!meta['vote_type'] || VOTE_TYPE[e.ballotRules.kind] !== meta['vote_type'].toLowerCase()) {
    if (!(meta['vote_type'] && ['scoring', 'choose-1'].includes(meta['vote_type'].toLowerCase()))) {
      meta['vote_type'] = VOTE_TYPE[e.ballotRules.kind];
    }
  }
  // Counts are refreshed when present; they are not invented, so a file round-trips unchanged.
  if ('num_projects' in meta) meta['num_projects'] = String(e.projects.length);
  if ('num_votes' in meta) meta['num_votes'] = String(e.ballots.length);
  const r = e.ballotRules;
  const setRule = (key: string, v: number | undefined) => {
    if (v === undefined) delete meta[key];
    else if (!sameNumber(meta[key], v)) meta[key] = formatNumber(v);
  };
  setRule('min_length', r.minLength);
  setRule('max_length', meta['vote_type'] === 'choose-1' ? undefined : r.maxLength);
  setRule('max_sum_cost', r.maxTotalCost);
  setRule('max_sum_points', r.maxSumPoints);
  setRule('min_sum_points', r.minSumPoints);
  setRule('max_points', r.maxPoints);
  setRule('min_points', r.minPoints);

  yield 'META';
  yield 'key;value';
  for (const [k, v] of Object.entries(meta)) yield `${quote(k)};${quote(v)}`;

  const known = ['project_id', 'cost', 'name', 'category', 'target', 'district'];
  const pcols: string[] = [...(e.projectColumns ?? ['project_id', 'cost'])];
  const ensure = (cols: string[], c: string) => {
    if (!cols.includes(c)) cols.push(c);
  };
  ensure(pcols, 'project_id');
  ensure(pcols, 'cost');
  for (const p of e.projects) {
    if (p.name !== undefined) ensure(pcols, 'name');
    if (p.categories !== undefined) ensure(pcols, 'category');
    if (p.targets !== undefined) ensure(pcols, 'target');
    if (p.district !== undefined) ensure(pcols, 'district');
    for (const k of Object.keys(p.extra ?? {})) ensure(pcols, k);
  }
  yield 'PROJECTS';
  yield pcols.map(quote).join(';');
  for (const p of e.projects) {
    const cells = pcols.map((c) => {
      switch (c) {
        case 'project_id':
          return p.id;
        case 'cost':
          return formatNumber(p.cost);
        case 'name':
          return p.name ?? '';
        case 'category':
          return p.categories?.join(',') ?? '';
        case 'target':
          return p.targets?.join(',') ?? '';
        case 'district':
          return p.district ?? '';
        default:
          return known.includes(c) ? '' : (p.extra?.[c] ?? '');
      }
    });
    yield cells.map(quote).join(';');
  }

  const vcols: string[] = [...(e.voteColumns ?? ['voter_id', 'vote'])];
  ensure(vcols, 'voter_id');
  ensure(vcols, 'vote');
  for (const b of e.ballots) {
    if (b.points !== undefined) ensure(vcols, 'points');
    for (const k of Object.keys(b.extra ?? {})) ensure(vcols, k);
  }
  yield 'VOTES';
  yield vcols.map(quote).join(';');
  for (const b of e.ballots) {
    const cells = vcols.map((c) => {
      switch (c) {
        case 'voter_id':
          return b.voterId;
        case 'vote':
          return b.projects.join(',');
        case 'points':
          return b.points?.map(formatNumber).join(',') ?? '';
        default:
          return b.extra?.[c] ?? '';
      }
    });
    yield cells.map(quote).join(';');
  }
}

export function writePabulib(e: Election): string {
  return Array.from(writePabulibLines(e)).join('\n') + '\n';
}
