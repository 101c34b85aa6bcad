import { useI18n } from '../../i18n/i18n.context';
import type { Line, MonthlyLine } from './budget.operations';
import { Flag, flagsByLine, percentExecuted, twelveMonths } from './execution';
import { FLAG_SHORT_KEY, MONTH_KEYS } from './labels';
import { MonthPoint, scaleOf } from './charts';
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

/**
 * For everybody (public page): spending by month against an even twelfth of the plan, as a plain SVG.
 * Planned is a hatched outlined bar, spent a solid one (told apart by pattern and outline, not only by
 * colour; Okabe–Ito blue); a legend names both, and a table under "show as table" gives the figures.
 */
export function MonthlyChart({ points, currency }: { points: MonthPoint[]; currency: string }) {
  const { t, locale } = useI18n();
  const scale = scaleOf(points);
  const W = 360;
  const H = 160;
  const base = H - 18;
  const slot = W / 12;
  const bar = slot / 2 - 3;
  const total = points.reduce((s, p) => s + p.spent, BigInt(0));
  const money = (m: bigint) => formatMinor(m.toString(), locale);
  return (
    <section aria-labelledby="monthly-chart-heading" className="monthly-chart">
      <h2 id="monthly-chart-heading">{t('budgets.chart.monthlyTitle')}</h2>
      <Legend planned={t('budgets.chart.plannedMonthly')} spent={t('budgets.chart.spent')} />
      <svg viewBox={`0 0 ${W} ${H}`} className="monthly-chart__svg" role="img" aria-labelledby="monthly-chart-heading" aria-describedby="monthly-chart-desc">
        <defs>
          <pattern id="hatch-plan" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <line x1="0" y1="0" x2="0" y2="6" stroke="#0072B2" strokeWidth="2" />
          </pattern>
        </defs>
        <line x1="0" x2={W} y1={base} y2={base} stroke="#4a5553" strokeWidth="1" />
        {points.map((p, i) => {
          const x = i * slot + 2;
          const hp = scale(p.planned) * (base - 4);
          const hs = scale(p.spent) * (base - 4);
          return (
            <g key={MONTH_KEYS[i]}>
              <rect x={x} y={base - hp} width={bar} height={hp} fill="url(#hatch-plan)" stroke="#0072B2" strokeWidth="1.5" />
              <rect x={x + bar + 1} y={base - hs} width={bar} height={hs} fill="#0072B2" stroke="#00446b" strokeWidth="1" />
              <text x={x + bar} y={H - 4} textAnchor="middle" fontSize="10" fill="#1b1f1e">
                {i + 1}
              </text>
            </g>
          );
        })}
      </svg>
      <p id="monthly-chart-desc" className="muted">
        {t('budgets.chart.monthlyDesc', { spent: money(total), planned: money(points[0]?.planned ?? BigInt(0)), currency })}
      </p>
      <details className="chart-table">
        <summary>{t('budgets.chart.showTable')}</summary>
        <div className="table-scroll">
          <table className="budget-table">
            <caption className="visually-hidden">{t('budgets.chart.monthlyTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('budgets.chart.month')}</th>
                <th scope="col" className="num">{t('budgets.chart.plannedMonthly')}</th>
                <th scope="col" className="num">{t('budgets.chart.spent')}</th>
              </tr>
            </thead>
            <tbody>
              {points.map((p, i) => (
                <tr key={MONTH_KEYS[i]}>
                  <th scope="row">{t(MONTH_KEYS[i])}</th>
                  <td className="num">{money(p.planned)}</td>
                  <td className="num">{money(p.spent)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}

/** Swatches drawn like the bars: hatched outline for planned, solid for spent or received. */
export function Legend({ planned, spent, tone = 'out' }: { planned: string; spent: string; tone?: 'in' | 'out' }) {
  return (
    <ul className={`chart-legend chart-legend--${tone}`}>
      <li>
        <span className="chart-swatch chart-swatch--plan" aria-hidden="true" /> {planned}
      </li>
      <li>
        <span className="chart-swatch chart-swatch--actual" aria-hidden="true" /> {spent}
      </li>
    </ul>
  );
}
