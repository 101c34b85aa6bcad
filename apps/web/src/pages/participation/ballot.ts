/**
 * What the ballot form checks before sending (the API checks again with the tally engine's validateBallot):
 * a knapsack choice may not cost more than the envelope, an approval no more than its maximum of projects,
 * cumulative points no more than the points a voter has. Money in minor units as BigInt: exact.
 */
export interface BallotOption {
  id: string;
  /** Reviewed cost, else the estimate (minor units), as the count uses it. */
  cost: string;
}

export type AddCheck = { ok: true } | { ok: false; reason: 'overEnvelope'; total: string } | { ok: false; reason: 'tooMany' };

export function totalCost(options: readonly BallotOption[], chosen: readonly string[]): string {
  const byId = new Map(options.map((o) => [o.id, BigInt(o.cost)]));
  return chosen.reduce((sum, id) => sum + (byId.get(id) ?? BigInt(0)), BigInt(0)).toString();
}

/** May `id` be ticked next to `chosen`? */
export function canAdd(kind: string, rules: { envelope: string; maxChoices: number | null }, options: readonly BallotOption[], chosen: readonly string[], id: string): AddCheck {
  if (rules.maxChoices !== null && chosen.length + 1 > rules.maxChoices) return { ok: false, reason: 'tooMany' };
  if (kind === 'KNAPSACK') {
    const total = totalCost(options, [...chosen, id]);
    if (BigInt(total) > BigInt(rules.envelope)) return { ok: false, reason: 'overEnvelope', total };
  }
  return { ok: true };
}

/** The projects ranked by their place (1 = best), places given to at most one project each. */
export function rankedChoices(places: Record<string, number>): string[] {
  return Object.entries(places)
    .filter(([, p]) => p > 0)
    .sort((a, b) => a[1] - b[1])
    .map(([id]) => id);
}

/** The cost the count uses for a proposal: the reviewed one when there is one. */
export function countedCost(p: { reviewedCost: string | null; estimatedCost: string }): string {
  return p.reviewedCost ?? p.estimatedCost;
}

export interface SheetRules {
  ballotKind: string;
  envelope: string;
  minChoices: number;
  maxChoices: number | null;
  maxPoints: number | null;
}

/**
 * The first reason a paper sheet as entered cannot count, said before it is saved (offline too: a sheet
 * queued on the phone would otherwise be refused only when the connection returns). The API checks again
 * with the tally engine; the message keys are the API's own.
 */
export function sheetProblem(rules: SheetRules, options: readonly BallotOption[], choices: readonly string[], points?: readonly number[]): { key: string; params?: Record<string, number> } | null {
  if (choices.length < rules.minChoices) return { key: 'errors.participation.ballot.TOO_FEW_PROJECTS', params: { limit: rules.minChoices } };
  if (rules.maxChoices !== null && choices.length > rules.maxChoices) return { key: 'errors.participation.ballot.TOO_MANY_PROJECTS', params: { limit: rules.maxChoices } };
  if (rules.ballotKind === 'KNAPSACK' && BigInt(totalCost(options, choices)) > BigInt(rules.envelope)) return { key: 'errors.participation.ballot.OVER_COST_CAP' };
  if (rules.ballotKind === 'CUMULATIVE' && rules.maxPoints !== null && (points ?? []).reduce((s, n) => s + n, 0) > rules.maxPoints) return { key: 'errors.participation.ballot.OVER_POINTS_CAP', params: { limit: rules.maxPoints } };
  return null;
}
