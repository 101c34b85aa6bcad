import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n.context';
import { PageHeading } from '../ui/page-heading.component';

export default function NotFoundPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeading>{t('notFound.title')}</PageHeading>
      <p>
        <Link to="/">{t('notFound.back')}</Link>
      </p>
    </>
  );
}
