/**
 * The sample plan's arithmetic, the same on the phone (offline, against the quotas it downloaded and
 * the answer sets it holds) and on the server: cells village × gender × age group, a target per cell.
 */
export const GENDERS = ['FEMALE', 'MALE'] as const;
export type Gender = (typeof GENDERS)[number];

export interface AgeGroup {
  key: string;
  /** Inclusive bounds in whole years. */
  min: number;
  max: number;
}

export interface QuotaCell {
  villageKey: string;
  gender: Gender;
  ageGroup: string;
  target: number;
}

export interface CellCount {
  villageKey: string;
  gender: Gender;
  ageGroup: string;
  /** Answer sets counted towards the target. */
  done: number;
}

export const cellKey = (c: { villageKey: string; gender: string; ageGroup: string }) => `${c.villageKey}|${c.gender}|${c.ageGroup}`;

export function ageGroupOf(groups: readonly AgeGroup[], age: number): AgeGroup | null {
  return groups.find((g) => age >= g.min && age <= g.max) ?? null;
}

/** Age groups must not overlap (an age falls in at most one cell). */
export function overlappingAgeGroups(groups: readonly AgeGroup[]): boolean {
  const sorted = [...groups].sort((a, b) => a.min - b.min);
  return sorted.some((g, i) => g.max < g.min || (i > 0 && g.min <= sorted[i - 1].max));
}

export type CellState = { limited: false } | { limited: true; target: number; done: number; remaining: number; full: boolean };

/** A cell without a quota has no limit; with one it is full once `done` reaches the target. */
export function cellState(quotas: readonly QuotaCell[], counts: readonly CellCount[], cell: { villageKey: string; gender: string; ageGroup: string }, pending = 0): CellState {
  const key = cellKey(cell);
  const q = quotas.find((x) => cellKey(x) === key);
  if (!q) return { limited: false };
  const done = (counts.find((x) => cellKey(x) === key)?.done ?? 0) + pending;
  return { limited: true, target: q.target, done, remaining: Math.max(0, q.target - done), full: done >= q.target };
}
