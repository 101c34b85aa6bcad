import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n.context';
import { useAuthLinks } from '../session/return-here.hook';
import { useSession } from '../session/session.context';

/**
 * How a non-member joins. Today: ask the community's admin for an invitation link (and have an account
 * to accept it with). `joinAction` is the slot for the join-request button, which is built separately
 * (requests to join); when given it is shown above the invitation text.
 */
export function CommunityJoin({ joinAction }: { joinAction?: ReactNode }) {
  const { t } = useI18n();
  const { status } = useSession();
  const authLinks = useAuthLinks();
  return (
    <section aria-labelledby="join-heading">
      <h2 id="join-heading">{t('community.join.title')}</h2>
      <p className="muted">{t('community.notMember')}</p>
      {joinAction}
      <p>{t('community.join.askAdmin')}</p>
      {status === 'anonymous' && (
        <>
          <p>{t('community.join.needAccount')}</p>
          <p className="actions">
            <Link to={authLinks.signUp} className="button">
              {t('nav.signUp')}
            </Link>
            <Link to={authLinks.logIn} className="button button--secondary">
              {t('nav.logIn')}
            </Link>
          </p>
        </>
      )}
    </section>
  );
}
