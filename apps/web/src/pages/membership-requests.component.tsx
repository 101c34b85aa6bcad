import { useState } from 'react';
import { ApiError, errorMessageKey } from '../api/graphql-errors';
import { graphql } from '../api/graphql.client';
import { APPROVE_MEMBERSHIP_REQUEST, DECLINE_MEMBERSHIP_REQUEST, MEMBERSHIP_REQUESTS, PendingRequest } from '../api/membership-request.operations';
import { useQuery } from '../api/use-query.hook';
import { useI18n } from '../i18n/i18n.context';

/** Community admins: who asked to join, with accept and decline (each answer is audited by the API). */
export function MembershipRequests({ communityId }: { communityId: string }) {
  const { t, formatDate } = useI18n();
  const [reload, setReload] = useState(0);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const requests = useQuery(MEMBERSHIP_REQUESTS, { id: communityId, reload });

  async function answer(r: PendingRequest, approve: boolean) {
    setBusy(r.id);
    setNote(null);
    try {
      if (approve) await graphql.request(APPROVE_MEMBERSHIP_REQUEST, { id: r.id });
      else await graphql.request(DECLINE_MEMBERSHIP_REQUEST, { id: r.id });
      setNote(t(approve ? 'join.requests.approved' : 'join.requests.declined', { name: r.member.displayName }));
      setReload((n) => n + 1);
    } catch (err) {
      setNote(t(errorMessageKey(err instanceof ApiError ? err.errors[0] : undefined)));
    } finally {
      setBusy(null);
    }
  }

  const pending = requests.data?.community?.membershipRequests ?? [];
  return (
    <>
      <h3 id="join-requests-heading">{t('join.requests.title')}</h3>
      <p role="status">{note}</p>
      {pending.length === 0 ? (
        <p className="list__meta">{t('join.requests.none')}</p>
      ) : (
        <ul className="list" aria-labelledby="join-requests-heading">
          {pending.map((r) => (
            <li key={r.id}>
              <strong>{r.member.displayName}</strong> <span className="list__meta">{formatDate(r.createdAt)}</span>
              {r.message && <p>{r.message}</p>}
              <p>
                <button type="button" className="button" disabled={busy === r.id} onClick={() => void answer(r, true)}>
                  {t('join.requests.approve')}
                </button>{' '}
                <button type="button" className="button button--secondary" disabled={busy === r.id} onClick={() => void answer(r, false)}>
                  {t('join.requests.decline')}
                </button>
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
