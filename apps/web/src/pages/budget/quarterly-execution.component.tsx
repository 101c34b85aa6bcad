import { useI18n } from '../../i18n/i18n.context';
import type { PublicBudget } from './budget.operations';

type Quarterly = NonNullable<PublicBudget['publicVersion']>['quarterly'];

/**
 * Q1–Q4 plan vs actual per side, and the two "executed" figures side by side: the newest treasury report
 * (the one this page counts, as of its date) and the payments entered here. One small table per side, so it
 * fits a phone screen without scrolling sideways.
 */
export function QuarterlyExecution({ q, money }: { q: Quarterly; money: (minor: string | null | undefined) => string }) {
  const { t, formatDate } = useI18n();
  return (
    <section aria-labelledby="quarterly-heading" className="quarterly">
      <h2 id="quarterly-heading">{t('budgets.quarterly.title')}</h2>
      <p className="muted">{t('budgets.quarterly.hint')}</p>
      {q.treasury && <p>{t('budgets.quarterly.treasuryText', { date: formatDate(q.treasury.asOf), spent: money(q.treasury.expenditure.actual), received: money(q.treasury.revenue.actual) })}</p>}
      <p>{t('budgets.quarterly.paymentsText', { spent: money(q.paymentsExpenditure), received: money(q.paymentsRevenue) })}</p>
      <p className="quarterly__chosen">{q.executedSource === 'TREASURY' && q.executedAsOf ? t('budgets.quarterly.chosen.TREASURY', { date: formatDate(q.executedAsOf) }) : t('budgets.quarterly.chosen.PAYMENTS')}</p>
      {q.sides.map((s) => (
        <table key={s.direction} className="budget-table quarterly__table" data-side={s.direction}>
          <caption>{t(s.direction === 'REVENUE' ? 'budgets.public.revenue' : 'budgets.public.expenditure')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('budgets.quarterly.quarter')}</th>
              <th scope="col" className="num">
                {t('budgets.quarterly.plan')}
              </th>
              <th scope="col" className="num">
                {t('budgets.quarterly.actual')}
              </th>
              <th scope="col">{t('budgets.quarterly.source')}</th>
            </tr>
          </thead>
          <tbody>
            {s.quarters.map((x) => (
              <tr key={x.quarter}>
                <th scope="row">{t('budgets.quarterly.q', { n: x.quarter })}</th>
                <td className="num">{money(x.planned)}</td>
                <td className="num">{money(x.actual)}</td>
                <td className="quarterly__source">{x.source === 'TREASURY' && x.treasuryAsOf ? t('budgets.quarterly.source.TREASURY', { date: formatDate(x.treasuryAsOf) }) : t('budgets.quarterly.source.PAYMENTS')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}

/** Spent as a percentage of the plan, two decimals rounded down (as the API's percentages), exact in bigint. */
function percentOf(part: string, whole: string): number | null {
  const w = BigInt(whole);
  return w > BigInt(0) ? Number((BigInt(part) * BigInt(10000)) / w) / 100 : null;
}

/**
 * What the page calls executed: the newest treasury report's cumulative actual when there is one (the
 * official figure, as of its date), else the payments entered (the API's totals). See QuarterlyViewType.
 */
export function executedFigures(v: NonNullable<PublicBudget['publicVersion']>): { spent: string; received: string; percent: number | null } {
  const tr = v.quarterly.executedSource === 'TREASURY' ? v.quarterly.treasury : null;
  if (!tr) return { spent: v.totals.expenditureActual, received: v.totals.revenueActual, percent: v.totals.expenditurePercent ?? null };
  return { spent: tr.expenditure.actual, received: tr.revenue.actual, percent: percentOf(tr.expenditure.actual, v.totals.expenditure) };
}
