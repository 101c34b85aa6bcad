import { Link, useParams } from 'react-router';
import { COMMUNITY, COMMUNITY_MEMBERS } from '../api/territory.operations';
import { useQuery } from '../api/use-query.hook';
import { useI18n } from '../i18n/i18n.context';
import { useSession } from '../session/session.context';
import { Breadcrumbs } from '../ui/breadcrumbs.component';
import { PageHeading } from '../ui/page-heading.component';
import { ErrorMessage, Loading } from '../ui/query-status.component';
import { CommunityBudgetLinks } from './budget/budget-links.component';
import { CommunityJoin } from './community-join.component';
import { InviteForm } from './invite-form.component';
import { JoinCommunity } from './join-community.component';

export default function CommunityPage() {
  const { id = '' } = useParams();
  const { t, pick } = useI18n();
  const { status } = useSession();
  // Not cached: roles change with the session. Waits for the session so myRoles is right.
  const { data, error, loading, retry } = useQuery(
    COMMUNITY,
    status === 'loading' ? null : { id },
    { scope: status },
  );
  if (error) return <ErrorMessage error={error} onRetry={retry} />;
  if (loading || !data) return <Loading />;
  const c = data.community;
  const unit = c.unit;

  return (
    <>
      <Breadcrumbs units={[...unit.ancestors.filter((a) => a.level !== 'COUNTRY'), unit]} />
      <PageHeading>{pick(c.names)}</PageHeading>
      <dl className="facts">
        <div>
          <dt>{t('community.kind')}</dt>
          <dd>{t(`communityKind.${c.kind}`)}</dd>
        </div>
        <div>
          <dt>{t('community.unit')}</dt>
          <dd>
            <Link to={`/places/${unit.code}`}>{pick(unit.names)}</Link>
          </dd>
        </div>
        {c.myRoles.length > 0 && (
          <div>
            <dt>{t('me.roles')}</dt>
            <dd>{c.myRoles.map((r) => t(`role.${r}`)).join(', ')}</dd>
          </div>
        )}
      </dl>
      {/* The public side, for everybody: its budgets (drafts too for its budget group). */}
      <section aria-labelledby="budgets-heading">
        <h2 id="budgets-heading">{t('wayfinding.budgets')}</h2>
        <CommunityBudgetLinks communityId={c.id} />
      </section>
      {/* Participatory budgeting: its processes on a page of their own (a lazy chunk). */}
      <section aria-labelledby="participation-heading">
        <h2 id="participation-heading">{t('participation.title')}</h2>
        <p>
          <Link to={`/communities/${c.id}/participation`}>{t('participation.communityLink')}</Link>
        </p>
      </section>
      {/* Field surveys: organised by the community's admins (the API checks; the link is for them only). */}
      {c.myRoles.includes('COMMUNITY_ADMIN') && (
        <section aria-labelledby="surveys-heading">
          <h2 id="surveys-heading">{t('surveys.organiser.title')}</h2>
          <p>
            <Link to={`/communities/${c.id}/surveys`}>{t('surveys.organiser.communityLink')}</Link>
          </p>
        </section>
      )}
      {c.myRoles.length > 0 ? (
        <Members id={c.id} />
      ) : (
        // JOIN_REQUEST_SLOT: pass the join-request button as `joinAction` once requests to join exist.
        <CommunityJoin joinAction={undefined} />
      )}
      {c.myRoles.includes('COMMUNITY_ADMIN') && <InviteForm communityId={c.id} />}
      {status === 'authenticated' && c.myRoles.length === 0 && <JoinCommunity communityId={c.id} />}
    </>
  );
}

/** Only members may see the member list (the API answers FORBIDDEN otherwise), so it is a separate request. */
function Members({ id }: { id: string }) {
  const { t } = useI18n();
  const { data, error, loading, retry } = useQuery(COMMUNITY_MEMBERS, { id });
  if (error) return <ErrorMessage error={error} onRetry={retry} />;
  if (loading || !data) return <Loading />;
  const members = data.community.members;
  return (
    <section aria-labelledby="members-heading">
      <h2 id="members-heading">
        {t('community.members')} <span className="count">({t('community.membersCount', { count: members.length })})</span>
      </h2>
      <ul className="list list--plain">
        {members.map((m) => (
          <li key={m.id}>
            <span className="list__title">{m.member.displayName}</span>
            <span className="list__meta">{t(`role.${m.role}`)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
