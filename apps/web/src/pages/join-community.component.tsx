import { useState } from 'react';
import { ApiError, errorMessageKey } from '../api/graphql-errors';
import { graphql } from '../api/graphql.client';
import { MY_MEMBERSHIP_REQUEST, REQUEST_MEMBERSHIP } from '../api/membership-request.operations';
import { useQuery } from '../api/use-query.hook';
import { useI18n } from '../i18n/i18n.context';
import { Field } from '../ui/field.component';
import { FormAlert } from '../ui/form-alert.component';

/**
 * For a signed-in non-member on a community page: how to join. Ask the admins (a join request, with an
 * optional message), or open an invitation link; a pending request is shown as such.
 */
export function JoinCommunity({ communityId }: { communityId: string }) {
  const { t } = useI18n();
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const mine = useQuery(MY_MEMBERSHIP_REQUEST, { id: communityId, reload });
  const status = mine.data?.community?.myMembershipRequest?.status ?? null;

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await graphql.request(REQUEST_MEMBERSHIP, { input: { communityId, message: message.trim() || null } });
      setReload((n) => n + 1);
    } catch (err) {
      setError(t(errorMessageKey(err instanceof ApiError ? err.errors[0] : undefined)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="join-heading">
      <h2 id="join-heading">{t('join.title')}</h2>
      {status === 'PENDING' ? (
        <p role="status">{t('join.pending')}</p>
      ) : (
        <>
          <p>{t('join.intro')}</p>
          {status === 'DECLINED' && <p>{t('join.declined')}</p>}
          <form className="form" onSubmit={(e) => void submit(e)}>
            <FormAlert text={error} />
            <Field label={t('join.message')} value={message} maxLength={500} autoComplete="off" onChange={(e) => setMessage(e.target.value)} />
            <button type="submit" className="button" disabled={busy}>
              {busy ? t('auth.busy') : t('join.submit')}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
