import { Link } from 'react-router';
import { UnitSummary } from '../api/territory.operations';
import { useI18n } from '../i18n/i18n.context';

/** Big tappable rows: name first, then the kind of unit and where it is (for same-named villages). */
export function UnitList({ units, context }: { units: (UnitSummary & { ancestors?: UnitSummary[] })[]; context?: boolean }) {
  const { t, pick } = useI18n();
  return (
    <ul className="list">
      {units.map((u) => (
        <li key={u.code}>
          <Link to={`/places/${u.code}`} className="list__link">
            <span className="list__title">{pick(u.names)}</span>
            <span className="list__meta">
              {t(`unitLevel.${u.level}`)}
              {context && u.ancestors?.length
                ? ` · ${u.ancestors
                    .filter((a) => a.level !== 'COUNTRY')
                    .map((a) => pick(a.names))
                    .join(', ')}`
                : null}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
