import { Link, useParams } from 'react-router';
import { useQuery } from '../../api/use-query.hook';
import { useI18n } from '../../i18n/i18n.context';
import { PageHeading } from '../../ui/page-heading.component';
import { ErrorMessage, Loading } from '../../ui/query-status.component';
import { MiObservation, MI_INDICATORS } from './municipalities.operations';
import { ObservationForm } from './observation-form.component';
import { ScoreBar } from './score-bar.component';
import './municipalities.css';

/** One municipality: its current observation, every earlier one, and the entry form for those who may record. */
export default function MunicipalityPage() {
  const { unitId = '' } = useParams();
  const { t, pick, formatDate } = useI18n();
  const { data, error, retry } = useQuery(MI_INDICATORS, { unitId });
  if (error) return <ErrorMessage error={error} onRetry={retry} />;
  if (!data) return <Loading />;
  const m = data.municipalityIndicators;
  const parent = m.unit.parent;
  return (
    <>
      {parent && (
        <p>
          <Link to={`/municipalities/area/${parent.id}`}>{t('municipal.web.compareIn', { area: pick(parent.names) })}</Link>
        </p>
      )}
      <PageHeading>{pick(m.unit.names)}</PageHeading>
      <p className="muted">
        <Link to={`/places/${m.unit.code}`}>{m.unit.code}</Link>
      </p>
      <section aria-labelledby="mi-current">
        <h2 id="mi-current">{t('municipal.web.current.title')}</h2>
        {m.current ? <ObservationFacts o={m.current} max={m.maxScore} /> : <p className="muted">{t('municipal.web.notObserved')}</p>}
      </section>
      {m.canRecord && <ObservationForm unitId={m.unit.id} onSaved={retry} />}
      <section aria-labelledby="mi-history">
        <h2 id="mi-history">{t('municipal.web.history.title')}</h2>
        {m.history.length === 0 ? (
          <p className="muted">{t('municipal.web.history.empty')}</p>
        ) : (
          <ol className="list mi-history">
            {m.history.map((o) => (
              <li key={o.id} data-observed={o.observedOn}>
                <span className="list__title">{formatDate(o.observedOn)}</span>
                <span className="list__meta">
                  {t('municipal.web.scoreOf', { score: o.score.total, max: m.maxScore })} · {t(`municipal.tunduk.${o.tunduk}`)} · {t(`municipal.source.${o.source}`)}
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}

function ObservationFacts({ o, max }: { o: MiObservation; max: number }) {
  const { t, formatDate } = useI18n();
  const yesNo = (v: boolean | null) => (v === null ? t('municipal.web.notChecked') : t(v ? 'municipal.yes' : 'municipal.no'));
  return (
    <>
      <ScoreBar score={o.score.total} max={max} />
      <dl className="facts">
        <div>
          <dt>{t('municipal.export.observedOn')}</dt>
          <dd>{formatDate(o.observedOn)}</dd>
        </div>
        <div>
          <dt>{t('municipal.export.websiteUrl')}</dt>
          <dd>{o.websiteUrl ? <a href={o.websiteUrl} rel="noopener noreferrer nofollow">{o.websiteUrl}</a> : t('municipal.web.none')}</dd>
        </div>
        {o.websiteUrl && (
          <div>
            <dt>{t('municipal.export.websiteAnswered')}</dt>
            <dd>{yesNo(o.websiteAnswered)}</dd>
          </div>
        )}
        <div>
          <dt>{t('municipal.export.eServices')}</dt>
          <dd>{o.eServices.length ? o.eServices.map((c) => t(`municipal.eservice.${c}`)).join(', ') : t('municipal.web.none')}</dd>
        </div>
        {o.eServicesOther && (
          <div>
            <dt>{t('municipal.export.eServicesOther')}</dt>
            <dd>{o.eServicesOther}</dd>
          </div>
        )}
        <div>
          <dt>{t('municipal.export.tunduk')}</dt>
          <dd>
            {t(`municipal.tunduk.${o.tunduk}`)}
            {o.tundukSince ? ` · ${formatDate(o.tundukSince)}` : ''}
          </dd>
        </div>
        <div>
          <dt>{t('municipal.export.socialAccounts')}</dt>
          <dd>
            {o.socialAccounts.length === 0
              ? t('municipal.web.none')
              : o.socialAccounts.map((a) => (
                  <span key={a.url} className="mi-meta">
                    <a href={a.url} rel="noopener noreferrer nofollow">{t(`municipal.platform.${a.platform}`)}</a> · {a.active ? t('municipal.web.active') : t('municipal.web.inactive')}
                    {a.lastPostOn ? ` · ${formatDate(a.lastPostOn)}` : ''}
                  </span>
                ))}
          </dd>
        </div>
        <div>
          <dt>{t('municipal.web.contact')}</dt>
          <dd>
            {[o.contactPhone, o.contactEmail].filter(Boolean).join(' · ') || t('municipal.web.none')}
            {(o.contactPhone || o.contactEmail) && <span className="mi-meta">{t('municipal.web.contactAnswered', { answer: yesNo(o.contactAnswered) })}</span>}
          </dd>
        </div>
      </dl>
    </>
  );
}
