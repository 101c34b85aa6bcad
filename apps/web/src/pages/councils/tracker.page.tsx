import { useState } from 'react';
import { useQuery } from '../../api/use-query.hook';
import { useI18n } from '../../i18n/i18n.context';
import { SelectField } from '../../ui/field.component';
import { PageHeading } from '../../ui/page-heading.component';
import { ErrorMessage, Loading } from '../../ui/query-status.component';
import { CW_TRACKER } from './councils.operations';
import { CouncilsNav } from './councils-nav.component';
import { TRACKER_COLUMNS } from './labels';
import './councils.css';

const COLUMNS = Object.keys(TRACKER_COLUMNS) as Array<keyof typeof TRACKER_COLUMNS>;

/** What became of the recommendations each state body received: a table per addressee. */
export default function RecommendationTrackerPage() {
  const { t, pick, formatNumber } = useI18n();
  const [country, setCountry] = useState<'KG' | 'KZ' | ''>('');
  const rows = useQuery(CW_TRACKER, { country: country || null });
  return (
    <>
      <CouncilsNav />
      <PageHeading>{t('councils.web.tracker.title')}</PageHeading>
      <p className="muted">{t('councils.web.tracker.hint')}</p>
      <form className="form" onSubmit={(e) => e.preventDefault()}>
        <SelectField label={t('councils.web.tracker.country')} value={country} onChange={(e) => setCountry(e.target.value as 'KG' | 'KZ' | '')}>
          <option value="">{t('councils.web.tracker.allCountries')}</option>
          <option value="KG">{t('councils.web.country.KG')}</option>
          <option value="KZ">{t('councils.web.country.KZ')}</option>
        </SelectField>
      </form>
      {rows.error ? (
        <ErrorMessage error={rows.error} onRetry={rows.retry} />
      ) : !rows.data ? (
        <Loading />
      ) : rows.data.recommendationTracker.length === 0 ? (
        <p className="muted">{t('councils.web.tracker.empty')}</p>
      ) : (
        <ul className="list">
          {rows.data.recommendationTracker.map((r) => (
            <li key={r.addressee.id} className="cw-row">
              <h2 className="list__title">{pick(r.addressee.name)}</h2>
              <dl className="cw-counts">
                {COLUMNS.map((c) => (
                  <div key={c} className={r[c] && c === 'overdue' ? 'cw-counts__alert' : undefined}>
                    <dt>{t(TRACKER_COLUMNS[c])}</dt>
                    <dd data-count={c}>{formatNumber(r[c])}</dd>
                  </div>
                ))}
              </dl>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
