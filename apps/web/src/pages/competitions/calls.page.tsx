import { Link } from 'react-router';
import { useQuery } from '../../api/use-query.hook';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { PageHeading } from '../../ui/page-heading.component';
import { ErrorMessage, Loading } from '../../ui/query-status.component';
import { CMP_CALLS } from './competitions.operations';
import { CALL_STATUS_KEY } from './labels';
import { useMoneyIn } from './money';
import './competitions.css';

/** Every open call (and every call with published results) on the platform: the way in for applicants. */
export default function CompetitionCallsPage() {
  const { t, pick } = useI18n();
  const calls = useQuery(CMP_CALLS, {});
  const money = useMoneyIn();
  const { status } = useSession();
  return (
    <>
      <PageHeading>{t('competitions.web.calls.title')}</PageHeading>
      <p className="muted">{t('competitions.web.calls.intro')}</p>
      {/* Offered to everyone signed in; the editor lists only the communities the viewer runs, the server checks again. */}
      {status === 'authenticated' && (
        <p className="cmp-links">
          <Link to="/competitions/new">{t('competitions.web.calls.new')}</Link>
        </p>
      )}
      {calls.error ? (
        <ErrorMessage error={calls.error} onRetry={calls.retry} />
      ) : !calls.data ? (
        <Loading />
      ) : calls.data.publicCompetitionCalls.length === 0 ? (
        <p className="muted">{t('competitions.web.calls.empty')}</p>
      ) : (
        <ul className="list">
          {calls.data.publicCompetitionCalls.map((c) => (
            <li key={c.id}>
              <Link className="list__link" to={`/competitions/${c.id}`}>
                <span className="list__title">{pick(c.title)}</span>
                <span className="list__meta">
                  {t(CALL_STATUS_KEY[c.status])} · {t('competitions.web.call.capShort', { amount: money(c.grantCap, c.currency) })}
                  {c.status === 'OPEN' && c.stages[0] ? ` · ${t('competitions.web.call.deadline', { deadline: c.stages[0].deadlineLocal })}` : ''}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
