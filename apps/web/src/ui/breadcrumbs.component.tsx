import { Link } from 'react-router';
import { UnitSummary } from '../api/territory.operations';
import { useI18n } from '../i18n/i18n.context';

export function Breadcrumbs({ units, current }: { units: UnitSummary[]; current?: string }) {
  const { t, pick } = useI18n();
  return (
    <nav aria-label={t('breadcrumbs.label')} className="breadcrumbs">
      <ol>
        <li>
          <Link to="/places">{t('nav.places')}</Link>
        </li>
        {units.map((u) => (
          <li key={u.code}>
            <Link to={`/places/${u.code}`}>{pick(u.names)}</Link>
          </li>
        ))}
        {current && <li aria-current="page">{current}</li>}
      </ol>
    </nav>
  );
}
