/**
 * The tally engine's structured explanation (libs/tally/src/model/explanation.model.ts, stored as JSON by the
 * count job) told in plain words: every sentence is a catalogue message with parameters, so it reads the
 * same in Kyrgyz, Russian, Kazakh and English. Money in the explanation is in minor units (the count works on
 * tyiyn/tiyn, libs/participation/src/domain/election.ts); MES shares can be fractions and are rounded to a tyiyn.
 * Pure (no React): tested in explanation.spec.ts.
 */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

export interface ExplainContext {
  t: Translate;
  /** Minor units → "250 000 som". */
  money: (minor: string) => string;
  /** A project id → its title. */
  name: (id: string) => string;
}

export interface ExplainedOutcome {
  /** Paragraphs before the steps. */
  lead: string[];
  /** One sentence (or a few) per step or round, in order. */
  steps: string[];
  /** After the steps: completion, projects not funded, the total. */
  rest: Array<{ heading?: string; lines: string[] }>;
  summary: string;
}

type GreedyStep = { project: string; cost: number; rank: number; score: number; tiedWith?: string[]; decision: string; remainingBefore: number; remainingAfter: number };
type Payment = { kind: 'FULL_SHARE'; amount: number; voters: number } | { kind: 'ALL_REMAINING'; voters: number; total: number; min: number; max: number };
type Round = { round: number; project: string; cost: number; supporters: number; payments: Payment[]; tiedWith?: string[] };
type Loser = { project: string; cost: number; supporters: number; reason: string; supportersMoney: number; shortfall: number; extraSupportersNeeded: number };

const GREEDY_ORDER_KEY: Record<string, string> = {
  APPROVALS: 'participation.explain.greedy.APPROVALS',
  APPROVALS_PER_COST: 'participation.explain.greedy.APPROVALS_PER_COST',
  POINTS_PER_COST: 'participation.explain.greedy.POINTS_PER_COST',
  BORDA_SCORE: 'participation.explain.greedy.BORDA_SCORE',
};

const STEP_KEY: Record<string, string> = {
  SELECTED: 'participation.explain.step.SELECTED',
  SKIPPED_EXCEEDS_REMAINING: 'participation.explain.step.SKIPPED_EXCEEDS_REMAINING',
  SKIPPED_EXCEEDS_BUDGET: 'participation.explain.step.SKIPPED_EXCEEDS_BUDGET',
};

const LOSS_KEY: Record<string, string> = {
  NO_SUPPORT: 'participation.explain.mes.NO_SUPPORT',
  ZERO_COST: 'participation.explain.mes.ZERO_COST',
  SUPPORTERS_CANNOT_AFFORD: 'participation.explain.mes.SUPPORTERS_CANNOT_AFFORD',
};

/** A money figure of the explanation (minor units, maybe fractional) as text. */
const minor = (x: number) => String(Math.max(0, Math.round(x)));

function greedySteps(steps: GreedyStep[], order: string, c: ExplainContext): string[] {
  const scoreKey = order === 'POINTS_PER_COST' || order === 'BORDA_SCORE' ? 'participation.explain.score.points' : 'participation.explain.score.votes';
  return steps.map((s) => {
    const project = c.name(s.project);
    const sentence = c.t(STEP_KEY[s.decision] ?? STEP_KEY.SKIPPED_EXCEEDS_REMAINING, {
      rank: s.rank + 1,
      project,
      cost: c.money(minor(s.cost)),
      score: c.t(scoreKey, { count: s.score }),
      before: c.money(minor(s.remainingBefore)),
      after: c.money(minor(s.remainingAfter)),
    });
    const tie = s.tiedWith?.length ? ' ' + c.t('participation.explain.tie', { project, others: s.tiedWith.map((id) => `«${c.name(id)}»`).join(', ') }) : '';
    return sentence + tie;
  });
}

/** Null when the text is not an explanation this page knows (then the page says so instead of guessing). */
export function explainOutcome(json: string, c: ExplainContext): ExplainedOutcome | null {
  let e: Record<string, unknown>;
  try {
    e = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return null;
  }
  const summary = c.t('participation.explain.summary', { spent: c.money(minor(Number(e.spent))), leftover: c.money(minor(Number(e.leftover))) });
  if (e.kind === 'greedy' && Array.isArray(e.steps)) {
    const order = String(e.order);
    return {
      lead: [c.t(GREEDY_ORDER_KEY[order] ?? GREEDY_ORDER_KEY.APPROVALS, { budget: c.money(minor(Number(e.budget))) })],
      steps: greedySteps(e.steps as GreedyStep[], order, c),
      rest: [],
      summary,
    };
  }
  if (e.kind === 'mes' && Array.isArray(e.rounds)) {
    const lead = [c.t('participation.explain.mes.intro', { budget: c.money(minor(Number(e.budget))), voters: Number(e.voters), share: c.money(minor(Number(e.startShare))) })];
    if (Number(e.addOneSteps) > 0) lead.push(c.t('participation.explain.mes.addOne'));
    const steps = (e.rounds as Round[]).map((r) => {
      const paid = r.payments.map((p) =>
        p.kind === 'FULL_SHARE'
          ? c.t('participation.explain.mes.fullShare', { voters: p.voters, amount: c.money(minor(p.amount)) })
          : minor(p.min) === minor(p.max)
            ? c.t('participation.explain.mes.allRemainingSame', { voters: p.voters, amount: c.money(minor(p.max)) })
            : c.t('participation.explain.mes.allRemaining', { voters: p.voters, min: c.money(minor(p.min)), max: c.money(minor(p.max)), total: c.money(minor(p.total)) }),
      );
      const project = c.name(r.project);
      const tie = r.tiedWith?.length ? [c.t('participation.explain.tie', { project, others: r.tiedWith.map((id) => `«${c.name(id)}»`).join(', ') })] : [];
      return [c.t('participation.explain.mes.round', { round: r.round + 1, project, cost: c.money(minor(r.cost)), supporters: r.supporters }), ...paid, ...tie].join(' ');
    });
    const rest: ExplainedOutcome['rest'] = [];
    const completion = Array.isArray(e.completionSteps) ? (e.completionSteps as GreedyStep[]) : [];
    if (completion.length) rest.push({ heading: c.t('participation.explain.mes.completion'), lines: greedySteps(completion, 'APPROVALS', c) });
    const losers = Array.isArray(e.notSelected) ? (e.notSelected as Loser[]) : [];
    if (losers.length) {
      rest.push({
        heading: c.t('participation.explain.mes.notFunded'),
        lines: losers.map((l) => {
          const sentence = c.t(LOSS_KEY[l.reason] ?? LOSS_KEY.SUPPORTERS_CANNOT_AFFORD, { project: c.name(l.project), cost: c.money(minor(l.cost)), money: c.money(minor(l.supportersMoney)), shortfall: c.money(minor(l.shortfall)) });
          return l.reason === 'SUPPORTERS_CANNOT_AFFORD' && l.extraSupportersNeeded > 0 ? `${sentence} ${c.t('participation.explain.mes.extraNeeded', { count: l.extraSupportersNeeded })}` : sentence;
        }),
      });
    }
    return { lead, steps, rest, summary };
  }
  return null;
}
