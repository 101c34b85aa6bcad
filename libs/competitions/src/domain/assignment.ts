/**
 * Balanced assignment of applications to experts. Each application gets `perApplication` experts who
 * review its direction (an expert with no directions reviews all) and have no conflict with it
 * (declared by the expert or named by the applicant). Applications with the fewest eligible experts go
 * first, and each takes the least-loaded eligible experts (ties by id, so the result is reproducible):
 * when every expert may review everything, loads differ by at most one.
 */
export interface AssignableApplication {
  id: string;
  direction: string;
}
export interface AssignableExpert {
  id: string;
  /** null or empty: every direction */
  directions: readonly string[] | null;
}
export interface AssignmentResult {
  pairs: Array<{ applicationId: string; expertId: string }>;
  /** Applications that could not get enough eligible experts, with how many they lack. */
  short: Array<{ applicationId: string; missing: number }>;
  load: Record<string, number>;
}

export const conflictKey = (applicationId: string, expertId: string) => `${applicationId}|${expertId}`;

export function eligible(app: AssignableApplication, expert: AssignableExpert, conflicts: ReadonlySet<string>): boolean {
  if (conflicts.has(conflictKey(app.id, expert.id))) return false;
  return !expert.directions?.length || expert.directions.includes(app.direction);
}

export function assignReviewers(
  apps: readonly AssignableApplication[],
  experts: readonly AssignableExpert[],
  conflicts: ReadonlySet<string>,
  perApplication: number,
  /** Pairs already made (kept; they count towards the load and the application's quota). */
  existing: ReadonlyArray<{ applicationId: string; expertId: string }> = [],
): AssignmentResult {
  const load: Record<string, number> = Object.fromEntries(experts.map((e) => [e.id, 0]));
  const have = new Map<string, Set<string>>();
  for (const p of existing) {
    if (!(p.expertId in load)) continue;
    load[p.expertId]++;
    if (!have.has(p.applicationId)) have.set(p.applicationId, new Set());
    have.get(p.applicationId)!.add(p.expertId);
  }
  const options = apps.map((a) => ({ a, pool: experts.filter((e) => eligible(a, e, conflicts)) }));
  options.sort((x, y) => x.pool.length - y.pool.length || (x.a.id < y.a.id ? -1 : 1));
  const pairs: AssignmentResult['pairs'] = [];
  const short: AssignmentResult['short'] = [];
  for (const { a, pool } of options) {
    const taken = have.get(a.id) ?? new Set<string>();
    let need = perApplication - taken.size;
    const candidates = pool.filter((e) => !taken.has(e.id));
    while (need > 0 && candidates.length) {
      candidates.sort((x, y) => load[x.id] - load[y.id] || (x.id < y.id ? -1 : 1));
      const e = candidates.shift()!;
      load[e.id]++;
      pairs.push({ applicationId: a.id, expertId: e.id });
      need--;
    }
    if (need > 0) short.push({ applicationId: a.id, missing: need });
  }
  return { pairs, short, load };
}
