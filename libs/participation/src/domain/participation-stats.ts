/**
 * Who took part, without exposing anyone (pure): voters by village, gender, age group and gender × age
 * group, from the voter registry and the residents' optional profiles. A cell with 1–4 people is
 * suppressed (null: "fewer than 5"); when a dimension would have one suppressed cell only, the next
 * smallest is suppressed too, so the hidden one cannot be had by subtracting from the total.
 */
export const MIN_CELL = 5;
export const AGE_GROUPS = ['14-17', '18-29', '30-44', '45-59', '60+', 'UNKNOWN'] as const;

export interface VoterFacts {
  villageUnitId: string | null;
  birthYear: number | null;
  gender: 'FEMALE' | 'MALE' | 'OTHER' | null;
}

export interface StatCell {
  key: string;
  /** null: fewer than MIN_CELL people (or hidden to protect such a cell). */
  count: number | null;
}

export interface ParticipationStats {
  voters: number;
  byVillage: StatCell[];
  byGender: StatCell[];
  byAgeGroup: StatCell[];
  byGenderAndAge: StatCell[];
}

export function ageGroup(birthYear: number | null, year: number): (typeof AGE_GROUPS)[number] {
  if (!birthYear) return 'UNKNOWN';
  const age = year - birthYear;
  if (age < 14) return 'UNKNOWN';
  if (age < 18) return '14-17';
  if (age < 30) return '18-29';
  if (age < 45) return '30-44';
  if (age < 60) return '45-59';
  return '60+';
}

function suppressed(counts: Map<string, number>): StatCell[] {
  const cells = [...counts.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([key, n]) => ({ key, n, hide: n > 0 && n < MIN_CELL }));
  if (cells.filter((c) => c.hide).length === 1) {
    const next = cells.filter((c) => !c.hide && c.n > 0).sort((a, b) => a.n - b.n)[0];
    if (next) next.hide = true;
  }
  return cells.map((c) => ({ key: c.key, count: c.hide ? null : c.n }));
}

function tally(voters: readonly VoterFacts[], keyOf: (v: VoterFacts) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const v of voters) m.set(keyOf(v), (m.get(keyOf(v)) ?? 0) + 1);
  return m;
}

export function participationStats(voters: readonly VoterFacts[], year: number): ParticipationStats {
  return {
    voters: voters.length,
    byVillage: suppressed(tally(voters, (v) => v.villageUnitId ?? 'UNKNOWN')),
    byGender: suppressed(tally(voters, (v) => v.gender ?? 'UNKNOWN')),
    byAgeGroup: suppressed(tally(voters, (v) => ageGroup(v.birthYear, year))),
    byGenderAndAge: suppressed(tally(voters, (v) => `${v.gender ?? 'UNKNOWN'}:${ageGroup(v.birthYear, year)}`)),
  };
}
