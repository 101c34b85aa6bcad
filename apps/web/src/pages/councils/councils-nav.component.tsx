import { NavLink } from 'react-router';
import { useI18n } from '../../i18n/i18n.context';

/** The three public ways into councils: the directory, decision search, the recommendation tracker. */
export function CouncilsNav() {
  const { t } = useI18n();
  return (
    <nav aria-label={t('councils.web.nav.label')}>
      <ul className="nav cw-nav">
        <li>
          <NavLink to="/councils" end>
            {t('councils.web.nav.directory')}
          </NavLink>
        </li>
        <li>
          <NavLink to="/councils/search">{t('councils.web.nav.search')}</NavLink>
        </li>
        <li>
          <NavLink to="/councils/tracker">{t('councils.web.nav.tracker')}</NavLink>
        </li>
      </ul>
    </nav>
  );
}
