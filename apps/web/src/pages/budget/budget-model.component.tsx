import { useI18n } from '../../i18n/i18n.context';
import type { Totals } from './budget.operations';
import { ratio } from './money';

type Money = (m: string | null | undefined) => string;

const SOURCE_KEYS = [
  ['own', 'budgets.public.source.own'],
  ['equalisationGrant', 'budgets.public.source.equalisationGrant'],
  ['categoricalGrants', 'budgets.public.source.categoricalGrants'],
  ['otherTransfers', 'budgets.public.source.otherTransfers'],
] as const;

/** Whether the version has any special funds (the split is shown only then). */
export function hasSpecialFunds(t: Totals): boolean {
  return (t.revenueSpecialFunds ?? '0') !== '0' || (t.expenditureSpecialFunds ?? '0') !== '0';
}

/** Whether any line carries a forecast amount. */
export function hasForecasts(t: Totals): boolean {
  return (t.forecasts ?? []).some((f) => f.lines > 0);
}

/**
 * "What the aiyl okrug raises itself": planned revenue split into own revenues and transfers (the rule by
 * economic code is the API's, libs/budgets/src/domain/budget-model.ts). Bars are widths only; the words
 * and amounts say the same.
 */
export function OwnRevenue({ totals, money }: { totals: Totals; money: Money }) {
  const { t, formatNumber } = useI18n();
  const s = totals.revenueSources;
  if (!s || totals.revenue === '0') return null;
  const rows = SOURCE_KEYS.map(([field, key]) => ({ field, key, amount: s[field] })).filter((r) => r.field === 'own' || r.amount !== '0');
  return (
    <section aria-labelledby="own-heading" className="chart-section">
      <h2 id="own-heading">{t('budgets.public.ownTitle')}</h2>
      <p>{t('budgets.public.ownText', { own: money(s.own), total: money(totals.revenue), percent: formatNumber(s.ownPercent ?? 0), transfers: money(s.transfers) })}</p>
      <ul className="bars bars--in" aria-labelledby="own-heading">
        {rows.map((r) => {
          const share = ratio(r.amount, totals.revenue);
          return (
            <li key={r.field}>
              <div className="bars__label">
                <span>{t(r.key)}</span>
                <span>{money(r.amount)}</span>
              </div>
              <div className="bars__track" aria-hidden="true">
                <div className="bars__actual" style={{ width: `${(share * 100).toFixed(1)}%` }} />
              </div>
              <div className="bars__meta">{t('budgets.public.percent', { value: formatNumber(r.field === 'own' ? (s.ownPercent ?? 0) : Math.round(share * 10000) / 100) })}</div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Budget funds and special funds per side, when the version has special funds. */
export function FundsSplit({ totals, money }: { totals: Totals; money: Money }) {
  const { t } = useI18n();
  if (!hasSpecialFunds(totals)) return null;
  const rows = [
    { key: 'REVENUE', label: t('budgets.public.revenue'), budget: totals.revenueBudgetFunds, special: totals.revenueSpecialFunds, total: totals.revenue },
    { key: 'EXPENDITURE', label: t('budgets.public.expenditure'), budget: totals.expenditureBudgetFunds, special: totals.expenditureSpecialFunds, total: totals.expenditure },
  ];
  return (
    <section aria-labelledby="funds-heading">
      <h2 id="funds-heading">{t('budgets.public.fundsTitle')}</h2>
      <div className="table-scroll" tabIndex={0} aria-labelledby="funds-heading">
        <table className="budget-table">
          <thead>
            <tr>
              <th scope="col">{t('budgets.export.column.side')}</th>
              <th scope="col" className="num">{t('budgets.public.budgetFunds')}</th>
              <th scope="col" className="num">{t('budgets.public.specialFunds')}</th>
              <th scope="col" className="num">{t('budgets.public.total')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.label}</th>
                <td className="num">{money(r.budget)}</td>
                <td className="num">{money(r.special)}</td>
                <td className="num">{money(r.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted">{t('budgets.public.fundsText')}</p>
    </section>
  );
}

/** The three-year budget: the budget year and the two forecast years, when lines carry forecasts. */
export function ForecastYears({ totals, fiscalYear, money }: { totals: Totals; fiscalYear: number; money: Money }) {
  const { t } = useI18n();
  if (!hasForecasts(totals)) return null;
  const years = [
    { year: fiscalYear, label: t('budgets.public.budgetYear', { year: fiscalYear }), revenue: totals.revenue, expenditure: totals.expenditure, balance: totals.balance },
    ...(totals.forecasts ?? []).map((f) => ({
      year: f.fiscalYear,
      label: t('budgets.public.forecastYear', { year: f.fiscalYear }),
      revenue: f.lines ? f.revenue : null,
      expenditure: f.lines ? f.expenditure : null,
      balance: f.lines ? f.balance : null,
    })),
  ];
  const cell = (m: string | null) => (m === null ? '—' : money(m));
  return (
    <section aria-labelledby="forecast-heading">
      <h2 id="forecast-heading">{t('budgets.public.forecastTitle')}</h2>
      <div className="table-scroll" tabIndex={0} aria-labelledby="forecast-heading">
        <table className="budget-table">
          <thead>
            <tr>
              <td />
              {years.map((y) => (
                <th key={y.year} scope="col" className="num">
                  {y.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('budgets.public.revenue')}</th>
              {years.map((y) => (
                <td key={y.year} className="num">
                  {cell(y.revenue)}
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">{t('budgets.public.expenditure')}</th>
              {years.map((y) => (
                <td key={y.year} className="num">
                  {cell(y.expenditure)}
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">{t('budgets.export.total.balance')}</th>
              {years.map((y) => (
                <td key={y.year} className="num">
                  {cell(y.balance)}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      <p className="muted">{t('budgets.public.forecastText')}</p>
    </section>
  );
}
