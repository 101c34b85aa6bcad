/** The count of a `.pb` ballot set by the tally engine: run in the recount page's Web Worker (recount.worker.ts). */
import { parsePabulib, tally, TallyOptions } from '@ashar/tally';

export interface Recounted {
  selected: string[];
  totalCost: string;
  ballots: number;
  projects: number;
  /** Time to read the file and count it, ms. */
  ms: number;
}

/** Reads the `.pb` text and counts it by the process's rule. Throws on a file that is not pabulib. */
export function recount(pb: string, options: TallyOptions): Recounted {
  const t0 = Date.now();
  const election = parsePabulib(pb);
  const r = tally(election, { ...options, explain: false });
  return { selected: r.selected, totalCost: String(r.totalCost), ballots: election.ballots.length, projects: election.projects.length, ms: Date.now() - t0 };
}
