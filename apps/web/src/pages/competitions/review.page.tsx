import { Link, useParams } from 'react-router';
import { useQuery } from '../../api/use-query.hook';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { PageHeading } from '../../ui/page-heading.component';
import { ErrorMessage, Loading } from '../../ui/query-status.component';
import { CMP_CALL, CMP_REVIEW_ASSIGNMENTS } from './competitions.operations';
import './competitions.css';

/** An expert's assignments on a call and their progress ("12 of 20 scored"); conflicted applications never appear. */
export default function CompetitionReviewPage() {
  const { id = '' } = useParams();
  const { t, pick } = useI18n();
  const { status } = useSession();
  const call = useQuery(CMP_CALL, status === 'loading' ? null : { id }, { scope: status });
  const mine = useQuery(CMP_REVIEW_ASSIGNMENTS, status === 'loading' ? null : { callId: id }, { scope: status });
  const error = call.error ?? mine.error;
  if (error) return <ErrorMessage error={error} onRetry={() => (call.retry(), mine.retry())} />;
  if (!call.data || !mine.data) return <Loading />;
  const c = call.data.competitionCall;
  const r = mine.data.reviewAssignments;
  const direction = (key: string) => pick(c.directions.find((d) => d.key === key)?.name) || key;
  return (
    <>
      <p className="back-link">
        <Link to={`/competitions/${c.id}`}>{pick(c.title)}</Link>
      </p>
      <PageHeading>{t('competitions.web.review.title')}</PageHeading>
      <p className="cmp-lead">{t('competitions.web.review.progress', { scored: r.scored, total: r.total })}</p>
      <progress max={Math.max(r.total, 1)} value={r.scored} aria-label={t('competitions.web.review.progress', { scored: r.scored, total: r.total })} />
      <p className="muted">{t('competitions.web.review.blind')}</p>
      {r.items.length === 0 ? (
        <p className="muted">{t('competitions.web.review.empty')}</p>
      ) : (
        <ul className="list">
          {r.items.map((i) => (
            <li key={i.applicationId}>
              <Link className="list__link" to={`/competitions/${c.id}/review/${i.applicationId}`}>
                <span className="list__title">{i.title}</span>
                <span className="list__meta">
                  {direction(i.directionKey)} · {i.outdated ? t('competitions.web.review.outdated') : i.scored ? t('competitions.web.review.scored') : t('competitions.web.review.toScore')}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
