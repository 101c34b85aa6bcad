import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from '../../api/use-query.hook';
import { useI18n } from '../../i18n/i18n.context';
import { PageHeading } from '../../ui/page-heading.component';
import { ErrorMessage, Loading } from '../../ui/query-status.component';
import { exportLinks, MI_COMPARISON } from './municipalities.operations';
import { ScoreBar, ShareBar } from './score-bar.component';
import './municipalities.css';

type Sort = 'score' | 'name';

/**
 * Every municipality of a raion or an oblast side by side, on a phone: a two-column table (name and
 * what it has; the score as a plain CSS bar with its number in text), sortable by score or by name,
 * the area's totals as shares, and the open-data files.
 */
export default function MunicipalityComparisonPage() {
  const { areaUnitId = '' } = useParams();
  const { t, pick, formatDate, formatNumber, locale } = useI18n();
  const [sort, setSort] = useState<Sort>('score');
  const { data, error, retry } = useQuery(MI_COMPARISON, { areaUnitId });
  const rows = useMemo(() => {
    const list = [...(data?.municipalityComparison.rows ?? [])];
    if (sort === 'name') list.sort((a, b) => pick(a.unit.names).localeCompare(pick(b.unit.names), locale));
    return list; // the server sends them by score, highest first
  }, [data, sort, pick, locale]);
  if (error) return <ErrorMessage error={error} onRetry={retry} />;
  if (!data) return <Loading />;
  const c = data.municipalityComparison;
  const tt = c.totals;
  const files = exportLinks(c.area.id, locale);
  const pct = (share: number) => t('municipal.web.percent', { value: formatNumber(Math.round(share * 100)) });
  return (
    <>
      <p>
        <Link to={`/places/${c.area.code}`}>{pick(c.area.names)}</Link>
      </p>
      <PageHeading>{t('municipal.web.comparison.title', { area: pick(c.area.names) })}</PageHeading>
      <p className="muted">{t('municipal.web.comparison.hint', { max: c.maxScore })}</p>

      <section aria-labelledby="mi-totals">
        <h2 id="mi-totals">{t('municipal.web.totals.title')}</h2>
        <p data-testid="mi-coverage">{t('municipal.web.totals.coverage', { observed: tt.observed, total: tt.municipalities })}</p>
        <dl className="mi-shares">
          <ShareBar label={t('municipal.web.part.website')} share={tt.websiteShare} text={pct(tt.websiteShare)} />
          <ShareBar label={t('municipal.web.part.tunduk')} share={tt.tundukShare} text={pct(tt.tundukShare)} />
          <ShareBar label={t('municipal.web.part.activeSocial')} share={tt.activeSocialShare} text={pct(tt.activeSocialShare)} />
          <ShareBar label={t('municipal.web.part.contact')} share={tt.contactShare} text={pct(tt.contactShare)} />
        </dl>
        <p>{t('municipal.web.totals.averages', { services: formatNumber(tt.averageEServices), score: formatNumber(tt.averageScore) })}</p>
      </section>

      <section aria-labelledby="mi-table">
        <h2 id="mi-table">{t('municipal.web.table.title')}</h2>
        <div className="mi-sort" role="group" aria-label={t('municipal.web.sort.label')}>
          <button type="button" className="button button--secondary" aria-pressed={sort === 'score'} onClick={() => setSort('score')}>
            {t('municipal.web.sort.score')}
          </button>
          <button type="button" className="button button--secondary" aria-pressed={sort === 'name'} onClick={() => setSort('name')}>
            {t('municipal.web.sort.name')}
          </button>
        </div>
        <table className="mi-table">
          <caption className="mi-hidden">{t('municipal.web.table.caption', { area: pick(c.area.names) })}</caption>
          <thead>
            <tr>
              <th scope="col" aria-sort={sort === 'name' ? 'ascending' : 'none'}>
                {t('municipal.web.table.municipality')}
              </th>
              <th scope="col" aria-sort={sort === 'score' ? 'descending' : 'none'}>
                {t('municipal.web.table.score')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.unit.id} data-code={r.unit.code}>
                <th scope="row">
                  <Link to={`/municipalities/${r.unit.id}`}>{pick(r.unit.names)}</Link>
                  {r.current ? (
                    <span className="mi-meta">
                      {formatDate(r.current.observedOn)}
                      {[r.current.score.website && t('municipal.web.part.website'), r.current.score.tunduk && t('municipal.web.part.tunduk'), r.current.score.activeSocial && t('municipal.web.part.activeSocial'), r.current.score.contactAnswers && t('municipal.web.part.contact'), r.current.score.eServices > 0 && t('municipal.web.part.services', { count: r.current.score.eServices })]
                        .filter(Boolean)
                        .map((s) => ` · ${s}`)
                        .join('')}
                    </span>
                  ) : (
                    <span className="mi-meta">{t('municipal.web.notObserved')}</span>
                  )}
                </th>
                <td>{r.score === null ? <span className="muted">—</span> : <ScoreBar score={r.score} max={c.maxScore} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="mi-files">
        <h2 id="mi-files">{t('municipal.web.files.title')}</h2>
        <ul className="list">
          <li>
            <a href={files.csv} download>{t('municipal.web.files.csv')}</a>
          </li>
          <li>
            <a href={files.excel} download>{t('municipal.web.files.excel')}</a>
          </li>
          <li>
            <a href={files.json} download>{t('municipal.web.files.json')}</a>
          </li>
        </ul>
      </section>
    </>
  );
}
