import { percentOf } from './totals';
import { Direction, PlanLine } from './types';

/**
 * The parts of a real local budget that a single amount per line hides (issue 10, item 6): budget funds
 * versus special funds per line, the two forecast years, and own revenues versus transfers. Pure, on
 * bigint minor units; everything here is computed from the lines, never stored.
 */

export type BudgetCountry = 'KG' | 'KZ';

/** The country of a budget's classification, from its currency (KGS: Kyrgyzstan, KZT: Kazakhstan). */
export function countryOfCurrency(currency: string): BudgetCountry {
  return currency === 'KZT' ? 'KZ' : 'KG';
}

type FundsLine = Pick<PlanLine, 'direction' | 'amount' | 'specialFunds'>;

/** Budget funds of a line: its amount less its special funds. */
export const budgetFundsOf = (l: Pick<PlanLine, 'amount' | 'specialFunds'>): bigint => l.amount - (l.specialFunds ?? 0n);

export interface SideFunds {
  /** бюджеттик каражаттар / бюджетные средства */
  budgetFunds: bigint;
  /** атайын каражаттар / специальные средства */
  specialFunds: bigint;
}

export interface FundsTotals {
  revenue: SideFunds;
  expenditure: SideFunds;
}

/** Budget funds and special funds per side; budgetFunds + specialFunds of a side is that side's total. */
export function fundsTotals(lines: ReadonlyArray<FundsLine>): FundsTotals {
  const out: FundsTotals = { revenue: { budgetFunds: 0n, specialFunds: 0n }, expenditure: { budgetFunds: 0n, specialFunds: 0n } };
  for (const l of lines) {
    const side = l.direction === 'REVENUE' ? out.revenue : out.expenditure;
    const special = l.specialFunds ?? 0n;
    side.specialFunds += special;
    side.budgetFunds += l.amount - special;
  }
  return out;
}

export interface ForecastTotals {
  /** fiscal year + 1 or + 2 */
  fiscalYear: number;
  revenue: bigint;
  expenditure: bigint;
  balance: bigint;
  /** Lines that carry an amount for this year (0: the budget has no forecast for it). */
  lines: number;
}

/**
 * Totals of the two forecast years (the budget year plus two, Budget Code of the Kyrgyz Republic: a
 * three-year budget). A line without a forecast amount counts nothing for that year; a year no line
 * has a forecast for is still listed, with `lines: 0`, so a page can say "no forecast".
 */
export function forecastTotals(lines: ReadonlyArray<Pick<PlanLine, 'direction' | 'forecastYear1' | 'forecastYear2'>>, fiscalYear: number): [ForecastTotals, ForecastTotals] {
  const year = (offset: 1 | 2): ForecastTotals => {
    let revenue = 0n;
    let expenditure = 0n;
    let n = 0;
    for (const l of lines) {
      const v = offset === 1 ? l.forecastYear1 : l.forecastYear2;
      if (v === null || v === undefined) continue;
      n++;
      if (l.direction === 'REVENUE') revenue += v;
      else expenditure += v;
    }
    return { fiscalYear: fiscalYear + offset, revenue, expenditure, balance: revenue - expenditure, lines: n };
  };
  return [year(1), year(2)];
}

/** Where a revenue line's money comes from. */
export type RevenueSource = 'OWN' | 'EQUALISATION_GRANT' | 'CATEGORICAL_GRANT' | 'OTHER_TRANSFER';

/**
 * The rule, by economic classification code prefix (the longest matching prefix wins; no match: OWN).
 *
 * Kyrgyzstan (economic classification on the GFSM-2001 pattern, Ministry of Finance order on the budget
 * classification; `seed/data/kg_budget_classification.csv`): revenues 1xxxx; group 13 "Official
 * transfers" (Расмий трансферттер / Официальные трансферты) is what the aiyl okrug receives from other
 * budgets: 13111 the equalisation grant (теңдештирүүчү грант / выравнивающий грант, calculated by the
 * Ministry of Finance from the draft budget), 1312x earmarked (categorical) transfers, anything else in
 * 13 another transfer. Taxes (11), non-tax revenues (14, voluntary transfers other than grants
 * included) and sales of assets are raised by the aiyl okrug itself.
 *
 * Kazakhstan (unified budget classification: category, class, subclass, specific;
 * `seed/data/kz_budget_classification.csv`): category 4 "Receipts of transfers" (Трансферттердің
 * түсімдері / Поступления трансфертов); specific 03 of a class-02 subclass (e.g. 402303) is a
 * subvention (субвенция, Kazakhstan's equalisation transfer to the lower budget), specifics 01/02 (e.g.
 * 402301 earmarked current, 402302 earmarked development transfers) are categorical; the rest of
 * category 4 another transfer. Categories 1–3 (taxes, non-tax, sale of capital) are own revenues.
 * The KZ specifics are as recalled from the classification's structure; check them against the
 * Ministry of Finance order before treating a split as official.
 */
export const REVENUE_SOURCE_RULES: Record<BudgetCountry, ReadonlyArray<{ test: (code: string) => boolean; source: RevenueSource }>> = {
  KG: [
    { test: (c) => c.startsWith('13111'), source: 'EQUALISATION_GRANT' },
    { test: (c) => c.startsWith('1312'), source: 'CATEGORICAL_GRANT' },
    { test: (c) => c.startsWith('13'), source: 'OTHER_TRANSFER' },
  ],
  KZ: [
    { test: (c) => /^402\d03/.test(c), source: 'EQUALISATION_GRANT' },
    { test: (c) => /^402\d0[12]/.test(c), source: 'CATEGORICAL_GRANT' },
    { test: (c) => c.startsWith('4'), source: 'OTHER_TRANSFER' },
  ],
};

/** The source of one revenue code in the country's classification (first rule that matches, most specific first). */
export function revenueSourceOf(economicCode: string, country: BudgetCountry): RevenueSource {
  for (const r of REVENUE_SOURCE_RULES[country]) if (r.test(economicCode)) return r.source;
  return 'OWN';
}

export interface RevenueSources {
  /** What the aiyl okrug raises itself (taxes, fees, non-tax revenues, special funds of own lines). */
  own: bigint;
  equalisationGrant: bigint;
  categoricalGrants: bigint;
  otherTransfers: bigint;
  /** equalisationGrant + categoricalGrants + otherTransfers */
  transfers: bigint;
  /** own + transfers = planned revenue */
  total: bigint;
  /** Own revenues as a percentage of the total (two decimals, rounded down, exact on bigints); null without revenue. */
  ownPercent: number | null;
}

/** The split of planned revenue into own revenues and transfers (expenditure lines are ignored). */
export function revenueSources(lines: ReadonlyArray<Pick<PlanLine, 'direction' | 'economicCode' | 'amount'> & { direction: Direction }>, country: BudgetCountry): RevenueSources {
  const by: Record<RevenueSource, bigint> = { OWN: 0n, EQUALISATION_GRANT: 0n, CATEGORICAL_GRANT: 0n, OTHER_TRANSFER: 0n };
  for (const l of lines) if (l.direction === 'REVENUE') by[revenueSourceOf(l.economicCode, country)] += l.amount;
  const transfers = by.EQUALISATION_GRANT + by.CATEGORICAL_GRANT + by.OTHER_TRANSFER;
  const total = by.OWN + transfers;
  return { own: by.OWN, equalisationGrant: by.EQUALISATION_GRANT, categoricalGrants: by.CATEGORICAL_GRANT, otherTransfers: by.OTHER_TRANSFER, transfers, total, ownPercent: percentOf(by.OWN, total) };
}

export interface BudgetModelTotals {
  funds: FundsTotals;
  forecasts: [ForecastTotals, ForecastTotals];
  revenueSources: RevenueSources;
}

/** Everything above for one version's lines. */
export function budgetModelTotals(lines: ReadonlyArray<PlanLine>, fiscalYear: number, country: BudgetCountry): BudgetModelTotals {
  return { funds: fundsTotals(lines), forecasts: forecastTotals(lines, fiscalYear), revenueSources: revenueSources(lines, country) };
}
