/**
 * Aggregation of expert scores. Each expert's total for an application is the weighted mean of their
 * criterion scores (Σ wᵢ·sᵢ / Σ wᵢ). Beside it, a per-expert z-score: (total − that expert's mean over
 * the applications they scored) / that expert's population standard deviation (0 when they gave
 * everything the same, or scored one application), so a strict and a generous expert weigh alike.
 * Per application: the mean of totals, the mean z, and the spread (max − min of totals) to discuss.
 */
export interface Criterion {
  key: string;
  weight: number;
  min: number;
  max: number;
}
export interface ExpertScore {
  applicationId: string;
  expertId: string;
  scores: Record<string, number>;
}
export interface ApplicationAggregate {
  applicationId: string;
  reviews: number;
  weightedMean: number;
  meanZ: number;
  spread: number;
  perExpert: Array<{ expertId: string; total: number; z: number }>;
}

export function weightedTotal(criteria: readonly Criterion[], scores: Record<string, number>): number {
  const w = criteria.reduce((t, c) => t + c.weight, 0);
  return criteria.reduce((t, c) => t + c.weight * (scores[c.key] ?? 0), 0) / w;
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const round = (x: number) => Math.round(x * 1e6) / 1e6;

export function aggregate(criteria: readonly Criterion[], all: readonly ExpertScore[]): ApplicationAggregate[] {
  const totals = all.map((s) => ({ ...s, total: weightedTotal(criteria, s.scores) }));
  const stats = new Map<string, { mu: number; sigma: number }>();
  for (const expertId of new Set(totals.map((t) => t.expertId))) {
    const xs = totals.filter((t) => t.expertId === expertId).map((t) => t.total);
    const mu = mean(xs);
    stats.set(expertId, { mu, sigma: Math.sqrt(mean(xs.map((x) => (x - mu) ** 2))) });
  }
  const byApp = new Map<string, ApplicationAggregate['perExpert']>();
  for (const t of totals) {
    const { mu, sigma } = stats.get(t.expertId)!;
    const z = sigma > 1e-12 ? (t.total - mu) / sigma : 0;
    if (!byApp.has(t.applicationId)) byApp.set(t.applicationId, []);
    byApp.get(t.applicationId)!.push({ expertId: t.expertId, total: round(t.total), z: round(z) });
  }
  const out: ApplicationAggregate[] = [];
  for (const [applicationId, perExpert] of byApp) {
    const ts = perExpert.map((p) => p.total);
    out.push({ applicationId, reviews: perExpert.length, weightedMean: round(mean(ts)), meanZ: round(mean(perExpert.map((p) => p.z))), spread: round(Math.max(...ts) - Math.min(...ts)), perExpert: perExpert.sort((a, b) => (a.expertId < b.expertId ? -1 : 1)) });
  }
  // Ranking: weighted mean first, the normalised score breaks ties.
  return out.sort((a, b) => b.weightedMean - a.weightedMean || b.meanZ - a.meanZ || (a.applicationId < b.applicationId ? -1 : 1));
}

/** Every criterion scored, each an integer within its scale: the problems with their input paths. */
export function scoreProblems(criteria: readonly Criterion[], scores: ReadonlyArray<{ criterionKey: string; score: number }>, prefix = 'input.scores'): Array<{ path: string; key: string; params?: Record<string, unknown> }> {
  const problems: Array<{ path: string; key: string; params?: Record<string, unknown> }> = [];
  const seen = new Set<string>();
  scores.forEach((s, i) => {
    const c = criteria.find((x) => x.key === s.criterionKey);
    if (!c) problems.push({ path: `${prefix}.${i}.criterionKey`, key: 'errors.competitions.score.unknownCriterion' });
    else if (seen.has(c.key)) problems.push({ path: `${prefix}.${i}.criterionKey`, key: 'errors.competitions.score.duplicate' });
    else if (!Number.isInteger(s.score) || s.score < c.min || s.score > c.max) problems.push({ path: `${prefix}.${i}.score`, key: 'errors.competitions.score.outOfScale', params: { min: c.min, max: c.max } });
    if (c) seen.add(c.key);
  });
  const missing = criteria.find((c) => !seen.has(c.key));
  if (!problems.length && missing) problems.push({ path: prefix, key: 'errors.competitions.score.missingCriterion', params: { criterion: missing.key } });
  return problems;
}
