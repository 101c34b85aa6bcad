import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '../../api/use-query.hook';
import { useI18n } from '../../i18n/i18n.context';
import { ErrorMessage, Loading } from '../../ui/query-status.component';
import { countedCost } from './ballot';
import { explainOutcome } from './explanation';
import { useMoney } from './money.hook';
import { ParticipationStats } from './participation-stats.component';
import { PB_OUTCOME, PbProcess } from './participation.operations';

/**
 * The count once the vote has closed: the winners with their cost, the ballots counted, the rule told in
 * plain words from the engine's explanation, and the ballot set itself (.pb) with its SHA-256, to recount.
 */
export function Results({ process: p }: { process: PbProcess }) {
  const { t, locale } = useI18n();
  const money = useMoney(p.currency);
  const [reload, setReload] = useState(0);
  const { data, error, retry } = useQuery(PB_OUTCOME, { id: p.id, lang: locale, reload });
  const outcome = data?.participatoryProcess.outcome ?? null;
  const title = useMemo(() => new Map(p.proposals.map((x) => [x.id, x])), [p.proposals]);
  const explained = useMemo(
    () => (outcome ? explainOutcome(outcome.explanation, { t, money: (m) => money(m), name: (id) => title.get(id)?.title ?? id }) : null),
    [outcome, t, title],
  );
  // A Blob URL of the published file (same bytes as the API gave), released when the page goes.
  const [href, setHref] = useState<string | null>(null);
  useEffect(() => {
    if (!outcome) return;
    const url = URL.createObjectURL(new Blob([outcome.ballotSet], { type: 'text/plain;charset=utf-8' }));
    setHref(url);
    return () => URL.revokeObjectURL(url);
  }, [outcome?.ballotSet]);

  return (
    <section aria-labelledby="pb-results-heading" className="pb-results">
      <h2 id="pb-results-heading">{t('participation.results.title')}</h2>
      {error ? (
        <ErrorMessage error={error} onRetry={retry} />
      ) : !data ? (
        <Loading />
      ) : !outcome ? (
        <div className="pb-note">
          <p>{t('participation.results.counting')}</p>
          <button type="button" className="button button--secondary" onClick={() => setReload((n) => n + 1)}>
            {t('participation.results.refresh')}
          </button>
        </div>
      ) : (
        <>
          <h3>{t('participation.results.winners')}</h3>
          {outcome.selected.length === 0 ? (
            <p>{t('participation.results.noWinners')}</p>
          ) : (
            <ol className="pb-winners">
              {outcome.selected.map((id) => {
                const x = title.get(id);
                return (
                  <li key={id}>
                    <span className="list__title">{x?.title ?? id}</span> <span className="list__meta">{x ? money(countedCost(x)) : ''}</span>
                  </li>
                );
              })}
            </ol>
          )}
          <p>{t('participation.results.total', { total: money(outcome.totalCost), envelope: money(p.envelope) })}</p>
          <p>{t('participation.results.ballots', { count: outcome.ballotCount })}</p>

          <ParticipationStats stats={outcome.participation} />

          <h3>{t('participation.results.how')}</h3>
          {explained ? (
            <div className="pb-explanation">
              {explained.lead.map((s, i) => (
                <p key={i}>{s}</p>
              ))}
              <ul className="pb-steps">
                {explained.steps.map((s, i) => (
                  <li key={i}>{s}</li>
                ))}
              </ul>
              {explained.rest.map((r, i) => (
                <div key={i}>
                  {r.heading && <p>{r.heading}</p>}
                  <ul className="pb-steps">
                    {r.lines.map((s, j) => (
                      <li key={j}>{s}</li>
                    ))}
                  </ul>
                </div>
              ))}
              <p>{explained.summary}</p>
            </div>
          ) : (
            <p className="muted">{t('participation.explain.unreadable')}</p>
          )}

          <h3>{t('participation.results.checkTitle')}</h3>
          <p>{t('participation.results.checkHelp')}</p>
          {href && (
            <p>
              <a className="button button--secondary pb-download" href={href} download={`ashar-${p.id}.pb`}>
                {t('participation.results.download')}
              </a>
            </p>
          )}
          <p className="pb-sha">{t('participation.results.sha', { hash: outcome.ballotSetSha256 })}</p>
          <p>
            <Link className="button pb-download" to={`/participation/${p.id}/recount`}>
              {t('participation.results.recountLink')}
            </Link>
          </p>
        </>
      )}
    </section>
  );
}
