import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ApiError, errorMessageKey } from '../api/graphql-errors';
import { graphql } from '../api/graphql.client';
import { ACCEPT_INVITATION, INVITATION_PREVIEW } from '../api/invitation.operations';
import { useQuery } from '../api/use-query.hook';
import { useI18n } from '../i18n/i18n.context';
import { withNext } from '../session/next-path';
import { useSession } from '../session/session.context';
import { FormAlert } from '../ui/form-alert.component';
import { PageHeading } from '../ui/page-heading.component';
import { Loading } from '../ui/query-status.component';

/**
 * The page an invitation link opens (personal or group): which community and role it leads to, for a
 * group link how many places are left; join, after logging in or signing up if needed. A link that no
 * longer works says why (full, expired, withdrawn) before anyone signs up for nothing.
 */
export default function InvitationPage() {
  const { token = '' } = useParams();
  const { t, pick, formatDate } = useI18n();
  const preview = useQuery(INVITATION_PREVIEW, { token });
  const { status } = useSession();
  const navigate = useNavigate();
  const here = useLocation().pathname;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (status === 'loading') return <Loading />;
  const inv = preview.data?.invitation;
  const stateKey = !preview.data
    ? null
    : !inv || inv.state === 'USED'
      ? 'errors.invitation.invalid'
      : inv.state === 'FULL'
        ? 'errors.invitation.full'
        : inv.state === 'EXPIRED'
          ? 'errors.invitation.expired'
          : inv.state === 'REVOKED'
            ? 'errors.invitation.revoked'
            : null;

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
      {inv ? <p>{t('invitation.preview', { community: pick(inv.community.names), role: t(`role.${inv.role}`) })}</p> : <p>{t('invitation.intro')}</p>}
      {inv?.group && inv.state === 'VALID' && <p>{t('invitation.previewGroup', { left: inv.usesLeft ?? 0, date: formatDate(inv.expiresAt) })}</p>}
      {stateKey && !error && <p className="alert">{t(stateKey)}</p>}
      {stateKey && inv && (
        <p>
          <Link to={`/communities/${inv.community.id}`}>{t('join.title')}</Link>
        </p>
      )}
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
