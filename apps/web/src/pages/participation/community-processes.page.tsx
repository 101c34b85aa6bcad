import { Link, useParams } from 'react-router';
import { useQuery } from '../../api/use-query.hook';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { PageHeading } from '../../ui/page-heading.component';
import { ErrorMessage, Loading } from '../../ui/query-status.component';
import { formatMinor } from '../budget/money';
import { CURRENCY_KEY, PHASE_KEY } from './labels';
import { PB_COMMUNITY, PB_PROCESSES } from './participation.operations';
import './participation.css';

/** A community's participatory-budgeting processes, newest first, each with its stage and the money set aside. */
export default function CommunityProcessesPage() {
  const { id = '' } = useParams();
  const { t, pick, locale } = useI18n();
  const { status } = useSession();
  // Waits for the session: the organisers also see their drafts.
  const vars = status === 'loading' ? null : { id };
  const community = useQuery(PB_COMMUNITY, vars, { scope: status });
  const processes = useQuery(PB_PROCESSES, vars && { communityId: id }, { scope: status });
  const error = community.error ?? processes.error;
  if (error) return <ErrorMessage error={error} onRetry={() => (community.retry(), processes.retry())} />;
  if (!community.data || !processes.data) return <Loading />;
  const list = processes.data.participatoryProcesses;
  // The same roles as the API's participation.manage (it checks again when the form is sent).
  const organiser = community.data.community.myRoles.some((r) => r === 'COMMUNITY_ADMIN' || r === 'BUDGET_GROUP_MEMBER');
  return (
    <>
      <p className="back-link">
        <Link to={`/communities/${id}`}>{pick(community.data.community.names)}</Link>
      </p>
      <PageHeading>{t('participation.list.title', { name: pick(community.data.community.names) })}</PageHeading>
      {organiser && (
        <p>
          <Link className="button button--secondary" to={`/communities/${id}/participation/new`}>
            {t('participation.create.link')}
          </Link>
        </p>
      )}
      {list.length === 0 ? (
        <p className="muted">{t('participation.list.empty')}</p>
      ) : (
        <ul className="list">
          {list.map((p) => (
            <li key={p.id}>
              <Link className="list__link" to={`/participation/${p.id}`}>
                <span className="list__title">{pick(p.title)}</span>
                <span className="list__meta">
                  {t('participation.list.meta', {
                    phase: t(PHASE_KEY[p.phase]),
                    envelope: t('participation.money', { amount: formatMinor(p.envelope, locale), currency: t(CURRENCY_KEY[p.currency] ?? CURRENCY_KEY.KGS) }),
                  })}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
