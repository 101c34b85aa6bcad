import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { UNLOCK_SIGN_IN } from '../api/auth.operations';
import { ApiError, errorMessageKey } from '../api/graphql-errors';
import { graphql } from '../api/graphql.client';
import { useI18n } from '../i18n/i18n.context';
import { FormAlert } from '../ui/form-alert.component';
import { PageHeading } from '../ui/page-heading.component';

/**
 * The page the one-time unlock link opens (sent when a login reached its failed-password ceiling).
 * A button, not an automatic call: link previews in messengers must not spend the code.
 */
export default function UnlockSignInPage() {
  const { token = '' } = useParams();
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function unlock() {
    setBusy(true);
    setError(null);
    try {
      await graphql.request(UNLOCK_SIGN_IN, { token });
      setDone(true);
    } catch (e) {
      setError(t(errorMessageKey(e instanceof ApiError ? e.errors[0] : undefined)));
    }
    setBusy(false);
  }

  return (
    <>
      <PageHeading>{t('unlockSignIn.title')}</PageHeading>
      {done ? (
        <>
          <p role="status">{t('unlockSignIn.done')}</p>
          <p>
            <Link className="button" to="/login">
              {t('nav.logIn')}
            </Link>
          </p>
        </>
      ) : (
        <>
          <p>{t('unlockSignIn.intro')}</p>
          <FormAlert text={error} />
          <button type="button" className="button" onClick={() => void unlock()} disabled={busy}>
            {busy ? t('auth.busy') : t('unlockSignIn.submit')}
          </button>
        </>
      )}
    </>
  );
}
