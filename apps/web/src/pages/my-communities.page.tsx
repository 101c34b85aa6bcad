import { Link } from 'react-router';
import { groupMemberships } from '../api/memberships.util';
import { MY_MEMBERSHIPS } from '../api/territory.operations';
import { useQuery } from '../api/use-query.hook';
import { useI18n } from '../i18n/i18n.context';
import { useAuthLinks } from '../session/return-here.hook';
import { useSession } from '../session/session.context';
import { PageHeading } from '../ui/page-heading.component';
import { CommunityBudgetLinks } from './budget/budget-links.component';
import { ErrorMessage, Loading } from '../ui/query-status.component';

export default function MyCommunitiesPage() {
  const { t, pick } = useI18n();
  const { status, account } = useSession();
  const authLinks = useAuthLinks();
  const { data, error, loading, retry } = useQuery(
    MY_MEMBERSHIPS,
    status === 'authenticated' ? {} : null,
    { scope: account?.id },
  );

  if (status === 'loading') return <Loading />;
  if (status === 'anonymous') {
    return (
      <>
        <PageHeading>{t('nav.myCommunities')}</PageHeading>
        <p>{t('me.needLogin')}</p>
        <p className="actions">
          <Link to={authLinks.logIn} className="button">
            {t('nav.logIn')}
          </Link>
          <Link to={authLinks.signUp} className="button button--secondary">
            {t('nav.signUp')}
          </Link>
        </p>
      </>
    );
  }
  if (error) return <ErrorMessage error={error} onRetry={retry} />;
  if (loading || !data) return <Loading />;
  const groups = groupMemberships(data.me?.memberships ?? []);

  return (
    <>
      <PageHeading>{t('nav.myCommunities')}</PageHeading>
      {groups.some((g) => g.roles.includes('INTERVIEWER')) && (
        <p className="actions">
          <Link to="/surveys/field" className="button">
            {t('surveys.field.link')}
          </Link>
        </p>
      )}
      {groups.length === 0 ? (
        <>
          <p>{t('me.empty')}</p>
          <p>
            <Link to="/places" className="button">
              {t('home.findVillage')}
            </Link>
          </p>
        </>
      ) : (
        <ul className="list">
          {groups.map(({ community, roles }) => (
            <li key={community.id}>
              <Link to={`/communities/${community.id}`} className="list__link">
                <span className="list__title">{pick(community.names)}</span>
                <span className="list__meta">
                  {t(`communityKind.${community.kind}`)} · {pick(community.unit.names)}
                </span>
                <span className="list__meta">
                  {t('me.roles')}: {roles.map((r) => t(`role.${r}`)).join(', ')}
                </span>
              </Link>
              <CommunityBudgetLinks communityId={community.id} communityName={pick(community.names)} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
