import { useI18n } from '../../i18n/i18n.context';
import type { Line, MonthlyLine } from './budget.operations';
import { Flag, flagsByLine, percentExecuted, twelveMonths } from './execution';
import { FLAG_SHORT_KEY, MONTH_KEYS } from './labels';
import { formatMinor } from './money';

/**
 * For the budget group: per line plan, actual, % executed, the 12 monthly actuals and the flags as badges.
 * A plain table in a horizontal scroller; the line name column stays in view (sticky) on a phone.
 */
export function MonthlyExecution({ lines, monthly, flags, currency }: { lines: Line[]; monthly: MonthlyLine[]; flags: Flag[]; currency: string }) {
  const { t, pick, locale, formatNumber } = useI18n();
  const byKey = new Map(monthly.map((m) => [m.lineKey, m]));
  const badges = flagsByLine(flags);
  const flagged = lines.filter((l) => badges.has(l.lineKey)).length;
  const money = (m: string) => formatMinor(m, locale);
  return (
    <section>
      <h3 id="monthly-heading">{t('budgets.monthly.title')}</h3>
      <p className="muted" id="monthly-hint">
        {t('budgets.monthly.hint', { currency })}
      </p>
      {flagged > 0 && <p>{t('budgets.monthly.flaggedLines', { count: flagged })}</p>}
      {lines.length === 0 ? (
        <p className="muted">{t('budgets.monthly.noLines')}</p>
      ) : (
        // Focusable so a keyboard user can scroll it; named by the heading.
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="monthly-heading" aria-describedby="monthly-hint">
          <table className="budget-table exec-table">
            <thead>
              <tr>
                <th scope="col" className="exec-table__line">
                  {t('budgets.monthly.line')}
                </th>
                <th scope="col" className="num">
                  {t('budgets.monthly.plan')}
                </th>
                <th scope="col" className="num">
                  {t('budgets.monthly.actual')}
                </th>
                <th scope="col" className="num">
                  {t('budgets.monthly.percent')}
                </th>
                {MONTH_KEYS.map((k) => (
                  <th scope="col" className="num" key={k}>
                    {t(k)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {lines.map((l) => {
                const m = byKey.get(l.lineKey);
                const plan = m?.amount ?? l.amount;
                const actual = m?.actual ?? l.actual;
                const pct = percentExecuted({ amount: plan, actual, percent: m ? m.percent : l.percent });
                const kinds = badges.get(l.lineKey) ?? [];
                return (
                  <tr key={l.lineKey} className={kinds.length ? 'is-flagged' : undefined}>
                    <th scope="row" className="exec-table__line">
                      <span className="exec-table__code">{l.economicCode}</span> {pick(l.names)}
                      {kinds.length > 0 && (
                        <span className="flag-badges">
                          {kinds.map((k) => (
                            <span key={k} className={`flag-badge flag-badge--${k === 'OVERSPENT' ? 'danger' : 'warning'}`}>
                              {t(FLAG_SHORT_KEY[k])}
                            </span>
                          ))}
                        </span>
                      )}
                    </th>
                    <td className="num">{money(plan)}</td>
                    <td className="num">{money(actual)}</td>
                    <td className="num">{pct == null ? '—' : t('budgets.public.percent', { value: formatNumber(pct) })}</td>
                    {twelveMonths(m?.monthly).map((a, i) => (
                      <td className="num" key={MONTH_KEYS[i]}>
                        {a === '0' ? <span className="muted">0</span> : money(a)}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
