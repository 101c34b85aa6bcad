import { Link, useParams } from 'react-router';
import { TERRITORIAL_UNIT } from '../api/territory.operations';
import { useQuery } from '../api/use-query.hook';
import { useI18n } from '../i18n/i18n.context';
import { Breadcrumbs } from '../ui/breadcrumbs.component';
import { PageHeading } from '../ui/page-heading.component';
import { ErrorMessage, Loading } from '../ui/query-status.component';
import { UnitList } from '../ui/unit-list.component';
import type { CommunitySummary } from '../api/territory.operations';
import { CommunityBudgetLinks } from './budget/budget-links.component';
import { municipalRole } from './municipalities/municipal-role';

/** Each community with its budgets right under it, so a published budget is one tap from its place. */
function CommunityList({ communities, place }: { communities: readonly CommunitySummary[]; place?: { code: string; names: CommunitySummary['names'] } }) {
  const { t, pick } = useI18n();
  return (
    <ul className="list">
      {communities.map((c) => (
        <li key={c.id}>
          <Link to={`/communities/${c.id}`} className="list__link">
            <span className="list__title">{pick(c.names)}</span>
            <span className="list__meta">
              {t(`communityKind.${c.kind}`)}
              {place ? ` · ${pick(place.names)}` : ''}
            </span>
          </Link>
          <CommunityBudgetLinks communityId={c.id} communityName={pick(c.names)} />
        </li>
      ))}
    </ul>
  );
}

/** One territorial unit (oblast … village): where it sits, what it contains, its communities (or the ones above it) and their budgets. */
export default function UnitPage() {
  const { code = '' } = useParams();
  const { t, pick, formatDate } = useI18n();
  const { data, error, loading, retry } = useQuery(
    TERRITORIAL_UNIT,
    { code },
    { cache: true },
  );
  if (error) return <ErrorMessage error={error} onRetry={retry} />;
  if (loading || !data) return <Loading />;
  const unit = data.territorialUnit;
  const name = pick(unit.names);
  // The nearest unit above this one that has communities (ancestors come root first).
  const above = [...unit.ancestors].reverse().find((a) => a.communities.length > 0);

  return (
    <>
      <Breadcrumbs units={unit.ancestors.filter((a) => a.level !== 'COUNTRY')} current={name} />
      <PageHeading>{name}</PageHeading>
      <dl className="facts">
        <div>
          <dt>{t('unit.level')}</dt>
          <dd>{t(`unitLevel.${unit.level}`)}</dd>
        </div>
        <div>
          <dt>{t('unit.code')}</dt>
          <dd className="code">{unit.code}</dd>
        </div>
      </dl>
      {unit.validFrom && <p className="muted">{t('unit.validFrom', { date: formatDate(unit.validFrom) })}</p>}
      {unit.validTo && <p className="muted">{t('unit.validTo', { date: formatDate(unit.validTo) })}</p>}
      {/* Municipality indicators: a raion or an oblast compares its municipalities; an aiyl okrug or a city has its own page. */}
      {municipalRole(unit.level, unit.kind) === 'area' && (
        <p>
          <Link to={`/municipalities/area/${unit.id}`}>{t('municipal.web.unitLink.compare')}</Link>
        </p>
      )}
      {municipalRole(unit.level, unit.kind) === 'municipality' && (
        <p>
          <Link to={`/municipalities/${unit.id}`}>{t('municipal.web.unitLink.indicators')}</Link>
        </p>
      )}
      {unit.successor && (
        <p>
          {t('unit.successor')} <Link to={`/places/${unit.successor.code}`}>{pick(unit.successor.names)}</Link>
        </p>
      )}

      <section aria-labelledby="communities-heading">
        <h2 id="communities-heading">{t('unit.communities')}</h2>
        {unit.communities.length ? (
          <CommunityList communities={unit.communities} />
        ) : above ? (
          // A village's community usually sits on its aiyl okrug one level up: show that instead of a dead end.
          <>
            <p>{t('wayfinding.belongsTo', { place: pick(above.names), level: t(`unitLevel.${above.level}`) })}</p>
            <CommunityList communities={above.communities} place={above} />
          </>
        ) : (
          <p className="muted">{t('unit.noCommunities')}</p>
        )}
      </section>

      {unit.children.length > 0 && (
        <section aria-labelledby="children-heading">
          <h2 id="children-heading">
            {t('unit.children')} <span className="count">({t('places.count', { count: unit.children.length })})</span>
          </h2>
          <UnitList units={unit.children} />
        </section>
      )}
    </>
  );
}
