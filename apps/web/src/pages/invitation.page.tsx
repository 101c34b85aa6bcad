import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ApiError, errorMessageKey } from '../api/graphql-errors';
import { graphql } from '../api/graphql.client';
import { ACCEPT_INVITATION } from '../api/invitation.operations';
import { useI18n } from '../i18n/i18n.context';
import { withNext } from '../session/next-path';
import { useSession } from '../session/session.context';
import { FormAlert } from '../ui/form-alert.component';
import { PageHeading } from '../ui/page-heading.component';
import { Loading } from '../ui/query-status.component';

/** The page an invitation link opens: join the community, after logging in or signing up if needed. */
export default function InvitationPage() {
  const { token = '' } = useParams();
  const { t } = useI18n();
  const { status } = useSession();
  const navigate = useNavigate();
  const here = useLocation().pathname;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (status === 'loading') return <Loading />;

  async function accept() {
    setBusy(true);
    setError(null);
    try {
      const r = await graphql.request(ACCEPT_INVITATION, { token });
      navigate(`/communities/${r.acceptInvitation.community.id}`);
    } catch (e) {
      setError(t(errorMessageKey(e instanceof ApiError ? e.errors[0] : undefined)));
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeading>{t('invitation.title')}</PageHeading>
      <p>{t('invitation.intro')}</p>
      {status === 'authenticated' ? (
        <>
          <FormAlert text={error} />
          <button type="button" className="button" onClick={() => void accept()} disabled={busy}>
            {busy ? t('auth.busy') : t('invitation.accept')}
          </button>
        </>
      ) : (
        <>
          <p>{t('invitation.needAccount')}</p>
          <p>
            <Link className="button" to={withNext('/signup', here)}>
              {t('nav.signUp')}
            </Link>{' '}
            <Link to={withNext('/login', here)}>{t('nav.logIn')}</Link>
          </p>
        </>
      )}
    </>
  );
}
