import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n.context';
import { useAuthLinks } from '../session/return-here.hook';
import { useSession } from '../session/session.context';
import { PageHeading } from '../ui/page-heading.component';

export default function HomePage() {
  const { t } = useI18n();
  const { account } = useSession();
  const authLinks = useAuthLinks();
  return (
    <>
      <PageHeading>{account ? t('home.greeting', { name: account.displayName }) : t('home.title')}</PageHeading>
      <p className="lead">{t('app.tagline')}</p>
      <p>{t('home.intro')}</p>
      <p className="actions">
        <Link to="/places" className="button">
          {t('home.findVillage')}
        </Link>
        {!account && (
          <Link to={authLinks.signUp} className="button button--secondary">
            {t('nav.signUp')}
          </Link>
        )}
      </p>
    </>
  );
}
