import { useSyncExternalStore } from 'react';
import { useI18n } from '../i18n/i18n.context';
import { dateTimeFormatter } from '../i18n/intl-format';
import { offlineAsOf, onOfflineStatus } from './offline-status';

/** "Offline: shown as of …" while what the page shows came from this phone's cache. */
export function OfflineMarker() {
  const { t, locale } = useI18n();
  // An external store: an answer noted between this component's render and its subscription is not missed.
  const asOf = useSyncExternalStore(onOfflineStatus, offlineAsOf, () => null);
  return (
    <p className="offline-marker" role="status">
      {asOf ? t('offline.shownAsOf', { time: dateTimeFormatter(locale).format(new Date(asOf)) }) : ''}
    </p>
  );
}
