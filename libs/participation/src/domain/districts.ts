import { CandidateProject, countBallots, ProcessRules, StoredBallot } from './election';

export interface DistrictEnvelope {
  id: string;
  /** Minor units. */
  envelope: string;
}

export interface DistrictCount {
  districtId: string;
  envelope: string;
  selected: string[];
  totalCost: string;
  ballotCount: number;
}

/** A ballot's choices (and their points) among one district's projects; null when it chose none of them. */
export function ballotInDistrict(b: StoredBallot, projects: ReadonlySet<string>): StoredBallot | null {
  const keep = b.choices.map((id, i) => ({ id, points: b.points?.[i] })).filter((c) => projects.has(c.id));
  if (!keep.length) return null;
  return { receiptCode: b.receiptCode, choices: keep.map((c) => c.id), points: b.points ? keep.map((c) => c.points ?? 0) : null };
}

/**
 * Each district with an envelope of its own counted apart: its projects, every ballot's choices
 * among them (a ranking keeps its order), that envelope, the process's rule. Lengths are not checked
 * again (the whole ballot was valid when cast), so a district ballot may hold one choice.
 */
export function countDistricts(rules: ProcessRules, districts: readonly DistrictEnvelope[], candidates: ReadonlyArray<CandidateProject & { districtId: string | null }>, ballots: readonly StoredBallot[]): DistrictCount[] {
  return districts.map((d) => {
    const projects = candidates.filter((c) => c.districtId === d.id);
    const ids = new Set(projects.map((p) => p.id));
    const inDistrict = ballots.map((b) => ballotInDistrict(b, ids)).filter((b): b is StoredBallot => b !== null);
    if (!projects.length || !inDistrict.length) return { districtId: d.id, envelope: d.envelope, selected: [], totalCost: '0', ballotCount: inDistrict.length };
    const counted = countBallots({ ...rules, envelope: d.envelope, minChoices: 0, maxChoices: null }, projects, inDistrict);
    return { districtId: d.id, envelope: d.envelope, selected: counted.result.selected, totalCost: String(counted.result.totalCost), ballotCount: inDistrict.length };
  });
}

/**
 * A knapsack ballot must also fit each district's own envelope: the first district whose chosen
 * projects cost more than its envelope, with the numbers; null when all fit.
 */
export function districtOverspend(choices: readonly string[], costOf: ReadonlyMap<string, string>, districtOf: ReadonlyMap<string, string | null>, envelopes: ReadonlyMap<string, string>): { districtId: string; actual: string; limit: string } | null {
  const totals = new Map<string, bigint>();
  for (const id of choices) {
    const d = districtOf.get(id);
    if (!d || !envelopes.has(d)) continue;
    totals.set(d, (totals.get(d) ?? 0n) + BigInt(costOf.get(id) ?? '0'));
  }
  for (const [d, total] of totals) {
    const limit = BigInt(envelopes.get(d)!);
    if (total > limit) return { districtId: d, actual: total.toString(), limit: limit.toString() };
  }
  return null;
}
