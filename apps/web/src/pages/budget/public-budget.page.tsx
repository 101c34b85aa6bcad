import type { LocalizedText } from '@ashar/i18n/core';
import { lazy, Suspense } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from '../../api/use-query.hook';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { PageHeading } from '../../ui/page-heading.component';
import { ErrorMessage, Loading } from '../../ui/query-status.component';
import { ApiError } from '../../api/graphql-errors';
import type { PublicBudgetQuery } from '../../api/generated/graphql';
import { COMPARE_VERSIONS, Line, PublicBudget } from './budget.operations';
import { PUBLIC_BUDGET } from './public-budget.operations';
import { monthlySpending } from './charts';
import { publicNotes } from './execution';
import { CHANGE_KEY, STATUS_KEY } from './labels';
import { ForecastYears, FundsSplit, OwnRevenue } from './budget-model.component';
import { formatMinor, ratio } from './money';
import { Legend, MonthlyChart } from './monthly-execution.component';
import { NoteView } from './note-view.component';
import { executedFigures, QuarterlyExecution } from './quarterly-execution.component';
import { ShareBar } from './share-bar.component';
import './budget.css';

// The hearing comments (and their form helpers) load after the figures: off the first paint's path.
const Comments = lazy(() => import('./comments.component').then((m) => ({ default: m.Comments })));

interface Bar {
  key: string;
  label: string;
  planned: bigint;
  actual: bigint;
}

/** Expenditure by function (the resident's question: for what?), revenue by source. */
function groupBars(lines: Line[], direction: Line['direction'], pick: (n: LocalizedText | null | undefined) => string): Bar[] {
  const bars = new Map<string, Bar>();
  for (const l of lines.filter((x) => x.direction === direction)) {
    const key = direction === 'EXPENDITURE' && l.functionalCode ? `f${l.functionalCode}` : `e${l.economicCode}${l.lineKey}`;
    const label = direction === 'EXPENDITURE' && l.functionalNames ? pick(l.functionalNames) : pick(l.names);
    const bar = bars.get(key) ?? { key, label, planned: BigInt(0), actual: BigInt(0) };
    bar.planned += BigInt(l.amount);
    bar.actual += BigInt(l.actual);
    bars.set(key, bar);
  }
  return [...bars.values()].sort((a, b) => (b.planned > a.planned ? 1 : b.planned < a.planned ? -1 : 0));
}

function Bars({ bars, total, currency, labelId, tone }: { bars: Bar[]; total: string; currency: string; labelId: string; tone: 'in' | 'out' }) {
  const { t, locale } = useI18n();
  return (
    <ul className={`bars bars--${tone}`} aria-labelledby={labelId}>
      {bars.map((b) => {
        const share = ratio(b.planned.toString(), total);
        const done = ratio(b.actual.toString(), b.planned.toString());
        return (
          <li key={b.key}>
            <div className="bars__label">
              <span>{b.label}</span>
              <span>
                {formatMinor(b.planned.toString(), locale)} {currency}
              </span>
            </div>
            {/* Planned: hatched and outlined; done: solid, inside it. The text below says the same in words. */}
            <div className="bars__track" aria-hidden="true">
              <div className="bars__plan" style={{ width: `${(share * 100).toFixed(1)}%` }} />
              <div className="bars__actual" style={{ width: `${(share * done * 100).toFixed(1)}%` }} />
            </div>
            <div className="bars__meta">
              {t('budgets.public.shareAndExecution', { share: Math.round(share * 100), done: Math.round(done * 100) })}
            </div>
          </li>
        );
      })}
    </ul>
  );
}

/** The budget-not-found page: a heading and ways on, no "retry" (trying again finds nothing more). */
export function BudgetNotFound() {
  const { t } = useI18n();
  return (
    <>
      <PageHeading>{t('budgets.notFound.title')}</PageHeading>
      <p>{t('budgets.notFound.text')}</p>
      <p className="actions">
        <Link to="/places" className="button">
          {t('home.findVillage')}
        </Link>
        <Link to="/" className="button button--secondary">
          {t('notFound.back')}
        </Link>
      </p>
    </>
  );
}

/** Shared by /budgets/:id and the short address /b/:slug/:year: a query error becomes the not-found page when it is one. */
type Anchor = PublicBudgetQuery['auditAnchor'];

export function PublicBudgetResult({ data, anchor, error, loading, retry }: { data: PublicBudget | null | undefined; anchor?: Anchor | null; error: unknown; loading: boolean; retry: () => void }) {
  if (error) return isNotFound(error) ? <BudgetNotFound /> : <ErrorMessage error={error} onRetry={retry} />;
  if (loading || !data) return <Loading />;
  return (
    <>
      <PublicBudgetView b={data} />
      {anchor && <AuditAnchorNote anchor={anchor} />}
    </>
  );
}

/**
 * The audit chain's head when the page was read: anyone may keep it, and `audit:verify --anchor seq:hash`
 * later shows whether any event up to it was deleted or rewritten. The full value, so it can be copied.
 */
function AuditAnchorNote({ anchor }: { anchor: Anchor }) {
  const { t } = useI18n();
  // UTC, written out: the same on the server's render and in any phone's zone, and what the log line says.
  const at = `${anchor.at.slice(0, 16).replace('T', ' ')} UTC`;
  return (
    <footer className="audit-anchor muted" aria-labelledby="audit-anchor-heading">
      <h2 id="audit-anchor-heading">{t('audit.anchor.title')}</h2>
      <p>{t('audit.anchor.text', { seq: anchor.seq, at })}</p>
      <code className="audit-anchor__value">{`${anchor.seq}:${anchor.hash}`}</code>
      {anchor.signature && <p>{t('audit.anchor.signed')}</p>}
    </footer>
  );
}

function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'NOT_FOUND' || error.code === 'BAD_USER_INPUT');
}

/** The XLSX and the CSV for Excel name their sheets and columns in the language the page is read in. */
function withLang(url: string, locale: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}lang=${encodeURIComponent(locale)}`;
}

export default function PublicBudgetPage() {
  const { id = '' } = useParams();
  const { status } = useSession();
  // Anonymous (and not yet known) visitors share the prefetched answer; a signed-in one asks with the session.
  const { data, error, loading, retry } = useQuery(PUBLIC_BUDGET, { id }, { scope: status === 'authenticated' ? 'signed-in' : undefined });
  return <PublicBudgetResult data={data?.budget} anchor={data?.auditAnchor} error={error} loading={loading} retry={retry} />;
}

function PublicBudgetView({ b }: { b: PublicBudget }) {
  const { t, pick, locale, formatDate, formatNumber } = useI18n();
  const v = b.publicVersion;
  const currency = t(b.currency === 'KGS' ? 'budgets.currency.KGS' : 'budgets.currency.KZT');
  const money = (m: string | null | undefined) => `${formatMinor(m, locale)} ${currency}`;
  const publicVersions = b.versions.filter((x) => x.status !== 'DRAFT' && x.status !== 'SUBMITTED');
  const previous = v ? [...publicVersions].reverse().find((x) => x.number < v.number) : undefined;
  // Exactly what the API gives anonymous visitors: resolved notes (a member here also receives open ones).
  const resolved = publicNotes(b.monitoringNotes);
  const lineName = (key: string | null) => {
    const l = v?.lines.find((x) => x.lineKey === key);
    return l ? `${l.economicCode} ${pick(l.names)}` : t('budgets.notes.unknownTarget');
  };

  return (
    <div className="public-budget">
      <PageHeading>{pick(b.title)}</PageHeading>
      <ShareBar title={pick(b.title)} path={b.publicPath ?? `/budgets/${b.id}`} />
      <p className="budget-community-link">
        <Link to={`/communities/${b.communityId}`}>{t('wayfinding.aboutCommunity')}</Link>
      </p>
      {b.viewerCanEdit && (
        <p>
          <Link to={`/budgets/${b.id}/edit`}>{t('budgets.public.openEditor')}</Link>
        </p>
      )}
      {!v ? (
        <p className="muted">{t('budgets.public.notPublished')}</p>
      ) : (
        <>
          <p className="lead">
            <span className="status-badge">{t(STATUS_KEY[v.status])}</span>{' '}
            {v.kind === 'FINAL' && <span className="status-badge">{t('budgets.versionKind.final')}</span>}
            {v.kind === 'AMENDMENT' && <span className="status-badge">{t('budgets.versionKind.amendment')}</span>}{' '}
            {t('budgets.public.versionOfYear', { number: v.number, year: b.fiscalYear })}
          </p>
          <dl className="budget-summary">
            <div>
              <dt>{t('budgets.public.revenue')}</dt>
              <dd>{money(v.totals.revenue)}</dd>
            </div>
            <div>
              <dt>{t('budgets.public.expenditure')}</dt>
              <dd>{money(v.totals.expenditure)}</dd>
            </div>
            <div>
              <dt>{t('budgets.public.perResident')}</dt>
              <dd>{v.totals.expenditurePerResident ? money(v.totals.expenditurePerResident) : t('budgets.public.noPopulation')}</dd>
            </div>
            <div>
              <dt>{t('budgets.public.executed')}</dt>
              <dd>{t('budgets.public.percent', { value: formatNumber(executedFigures(v).percent ?? 0) })}</dd>
            </div>
            {v.totals.revenueSources && v.totals.revenue !== '0' && (
              <div>
                <dt>{t('budgets.public.ownShare')}</dt>
                <dd>{t('budgets.public.percent', { value: formatNumber(v.totals.revenueSources.ownPercent ?? 0) })}</dd>
              </div>
            )}
          </dl>
          <section aria-labelledby="execution-heading">
            <h2 id="execution-heading">{t('budgets.public.executionTitle')}</h2>
            <progress className="budget-progress" max={100} value={Math.min(100, executedFigures(v).percent ?? 0)} aria-labelledby="execution-heading" />
            <p>{t('budgets.public.executionText', { spent: money(executedFigures(v).spent), planned: money(v.totals.expenditure), received: money(executedFigures(v).received) })}</p>
          </section>
          <QuarterlyExecution q={v.quarterly} money={money} />
          <section aria-labelledby="comes-heading" className="chart-section">
            <h2 id="comes-heading">{t('budgets.public.whereFrom')}</h2>
            <Legend planned={t('budgets.chart.planned')} spent={t('budgets.chart.received')} tone="in" />
            <Bars bars={groupBars(v.lines, 'REVENUE', pick)} total={v.totals.revenue} currency={currency} labelId="comes-heading" tone="in" />
          </section>
          <OwnRevenue totals={v.totals} money={money} />
          <section aria-labelledby="goes-heading" className="chart-section">
            <h2 id="goes-heading">{t('budgets.public.whereGoes')}</h2>
            <Legend planned={t('budgets.chart.planned')} spent={t('budgets.chart.spent')} />
            <Bars bars={groupBars(v.lines, 'EXPENDITURE', pick)} total={v.totals.expenditure} currency={currency} labelId="goes-heading" tone="out" />
          </section>
          <FundsSplit totals={v.totals} money={money} />
          <ForecastYears totals={v.totals} fiscalYear={b.fiscalYear} money={money} />
          <MonthlyChart points={monthlySpending(v.lines)} currency={currency} />
          {previous && <Changes fromId={previous.id} toId={v.id} reason={v.reason} money={money} />}
          <section aria-labelledby="docs-heading">
            <h2 id="docs-heading">{t('budgets.public.documents')}</h2>
            <ul>
              {v.decisionNumber && (
                <li>
                  {t('budgets.public.decision', { number: v.decisionNumber, date: v.decisionDate ? formatDate(v.decisionDate) : '' })}
                  {v.decisionFileUrl && (
                    <>
                      {' '}
                      <a href={v.decisionFileUrl}>{t('budgets.public.decisionFile')}</a>
                    </>
                  )}
                </li>
              )}
              {v.commentsUntil && v.status === 'PUBLISHED' && <li>{t('budgets.public.commentsUntil', { date: formatDate(v.commentsUntil) })}</li>}
            </ul>
            {v.exportLinks && (
              <>
                <h3 id="downloads-heading">{t('budgets.public.download')}</h3>
                {/* One per line, 44 px tall: easy to hit with a thumb. */}
                <ul className="downloads" aria-labelledby="downloads-heading">
                  <li>
                    <a href={v.exportLinks.csv}>{t('budgets.format.csv')}</a>
                  </li>
                  <li>
                    <a href={withLang(v.exportLinks.csvExcel, locale)}>{t('budgets.format.csvExcel')}</a>
                  </li>
                  <li>
                    <a href={withLang(v.exportLinks.xlsx, locale)}>{t('budgets.format.xlsx')}</a>
                  </li>
                  <li>
                    <a href={v.exportLinks.json}>{t('budgets.format.json')}</a>
                  </li>
                  <li>
                    <a href={v.exportLinks.datapackage}>{t('budgets.format.fdp')}</a>
                  </li>
                </ul>
              </>
            )}
          </section>
          <Suspense fallback={null}>
            <Comments versionId={v.id} />
          </Suspense>
        </>
      )}
      {b.neighbours.length > 1 && (
        <section aria-labelledby="neighbours-heading">
          <h2 id="neighbours-heading">{t('budgets.public.neighbours')}</h2>
          <div className="table-scroll">
            <table className="budget-table">
              <thead>
                <tr>
                  <th scope="col">{t('budgets.public.neighbourUnit')}</th>
                  <th scope="col" className="num">{t('budgets.public.expenditure')}</th>
                  <th scope="col" className="num">{t('budgets.public.perResident')}</th>
                </tr>
              </thead>
              <tbody>
                {b.neighbours.map((n) => (
                  <tr key={n.budgetId} className={n.isSelf ? 'is-self' : undefined}>
                    <th scope="row">{n.isSelf ? pick(n.unitNames) : <Link to={`/budgets/${n.budgetId}`}>{pick(n.unitNames)}</Link>}</th>
                    <td className="num">{money(n.expenditure)}</td>
                    <td className="num">{n.expenditurePerResident ? money(n.expenditurePerResident) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {resolved.length > 0 && (
        <section aria-labelledby="notes-heading">
          <h2 id="notes-heading">{t('budgets.public.resolvedNotes')}</h2>
          <ul className="notes">
            {resolved.map((n) => (
              <NoteView key={n.id} note={n} describe={{ line: lineName }} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function Changes({ fromId, toId, reason, money }: { fromId: string; toId: string; reason: string | null; money: (m: string) => string }) {
  const { t, pick } = useI18n();
  const { data } = useQuery(COMPARE_VERSIONS, { from: fromId, to: toId });
  if (!data) return null;
  const changes = data.compareBudgetVersions.changes;
  return (
    <section aria-labelledby="changes-heading">
      <h2 id="changes-heading">{t('budgets.public.whatChanged')}</h2>
      {reason && <p>{t('budgets.public.reason', { reason })}</p>}
      {changes.length === 0 ? (
        <p className="muted">{t('budgets.public.noChanges')}</p>
      ) : (
        <ul className="changes">
          {changes.map((c) => (
            <li key={c.lineKey}>
              <span>
                {pick(c.names)} <span className="muted">({t(CHANGE_KEY[c.kind])})</span>
              </span>
              <span className={c.delta.startsWith('-') ? 'delta--down' : 'delta--up'}>{c.delta.startsWith('-') ? money(c.delta) : `+${money(c.delta)}`}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
