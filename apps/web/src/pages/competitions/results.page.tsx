import { Link, useParams } from 'react-router';
import { useQuery } from '../../api/use-query.hook';
import { useI18n } from '../../i18n/i18n.context';
import { PageHeading } from '../../ui/page-heading.component';
import { ErrorMessage, Loading } from '../../ui/query-status.component';
import { CMP_CALL, CMP_RESULTS } from './competitions.operations';
import { useMoney } from './money';
import './competitions.css';

/** The public results: how many applied and were selected, counts per direction and stage, the selected projects, the total. */
export default function CompetitionResultsPage() {
  const { id = '' } = useParams();
  const { t, pick } = useI18n();
  const call = useQuery(CMP_CALL, { id });
  const results = useQuery(CMP_RESULTS, { callId: id });
  const money = useMoney(results.data?.competitionResults.currency ?? call.data?.competitionCall.currency ?? 'USD');
  const error = call.error ?? results.error;
  if (error) return <ErrorMessage error={error} onRetry={() => (call.retry(), results.retry())} />;
  if (!call.data || !results.data) return <Loading />;
  const c = call.data.competitionCall;
  const r = results.data.competitionResults;
  const direction = (key: string) => pick(c.directions.find((d) => d.key === key)?.name) || key;
  const stageName = (n: number) => pick(c.stages.find((s) => s.number === n)?.name) || String(n);
  const stages = [...new Set(r.counts.map((x) => x.stageNumber))].sort((a, b) => a - b);
  const count = (d: string, s: number) => r.counts.find((x) => x.directionKey === d && x.stageNumber === s)?.applications ?? 0;
  return (
    <>
      <p className="back-link">
        <Link to={`/competitions/${c.id}`}>{pick(c.title)}</Link>
      </p>
      <PageHeading>{t('competitions.web.results.title', { call: pick(c.title) })}</PageHeading>
      <p className="cmp-lead">{t('competitions.web.results.lead', { applied: r.applied, selected: r.selectedCount })}</p>
      <section aria-labelledby="cmp-counts" className="cmp-section">
        <h2 id="cmp-counts">{t('competitions.web.results.counts')}</h2>
        <div className="cmp-scroll">
          <table className="cmp-table">
            <thead>
              <tr>
                <th scope="col">{t('competitions.web.call.direction')}</th>
                {stages.map((s) => (
                  <th key={s} scope="col" className="cmp-num">
                    {stageName(s)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {c.directions.map((d) => (
                <tr key={d.key}>
                  <th scope="row">{direction(d.key)}</th>
                  {stages.map((s) => (
                    <td key={s} className="cmp-num">
                      {count(d.key, s)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="cmp-selected" className="cmp-section">
        <h2 id="cmp-selected">{t('competitions.web.results.selected')}</h2>
        {r.selected.length === 0 && <p className="muted">{t('competitions.web.results.none')}</p>}
        {r.selected.map((p) => (
          <article key={p.applicationId} className="cmp-card" aria-labelledby={`cmp-p-${p.applicationId}`}>
            <h3 id={`cmp-p-${p.applicationId}`}>{p.title}</h3>
            <dl className="cmp-facts">
              <div>
                <dt>{t('competitions.web.call.direction')}</dt>
                <dd>{direction(p.directionKey)}</dd>
              </div>
              <div>
                <dt>{t('competitions.web.results.region')}</dt>
                <dd>{p.targetRegion}</dd>
              </div>
              <div>
                <dt>{t('competitions.web.results.lead_org')}</dt>
                <dd>{p.organisationName}</dd>
              </div>
              {p.partnerName && (
                <div>
                  <dt>{t('competitions.web.results.partner')}</dt>
                  <dd>{p.partnerName}</dd>
                </div>
              )}
              <div>
                <dt>{t('competitions.web.results.amount')}</dt>
                <dd>{money(p.amount)}</dd>
              </div>
            </dl>
            <p>{p.summary}</p>
            {p.exclusionReason && <p className="cmp-excluded">{t('competitions.web.results.excluded', { reason: p.exclusionReason })}</p>}
          </article>
        ))}
        <p className="cmp-total">{t('competitions.web.results.total', { amount: money(r.totalAwarded) })}</p>
      </section>
    </>
  );
}
