import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n.context';
import { dateTimeFormatter } from '../i18n/intl-format';
import { useSession } from '../session/session.context';
import type { OutboxItem } from './outbox';
import { newClientId, outbox, outboxSender } from './offline-runtime';

/**
 * The queue on this phone: how many writes wait and since when, each one listed; a conflict or a
 * refusal stays with its reason until the person keeps it (as a new entry) or discards it.
 */
export function OutboxIndicator() {
  const { t, locale } = useI18n();
  const { account } = useSession();
  const scope = account?.id ?? null;
  const [items, setItems] = useState<OutboxItem[]>([]);
  const [sending, setSending] = useState(false);
  const [allSent, setAllSent] = useState(false);

  useEffect(() => {
    if (!scope) return setItems([]);
    let live = true;
    const load = () => void outbox.list(scope).then((list) => live && setItems(list));
    load();
    const offChange = outbox.subscribe(load);
    const offSent = outboxSender.onSent(() => setAllSent(true));
    return () => {
      live = false;
      offChange();
      offSent();
    };
  }, [scope]);

  const pending = items.filter((i) => i.state === 'pending');
  useEffect(() => {
    if (pending.length) setAllSent(false);
  }, [pending.length]);
  // Leaving the page while writes wait (or wait for a decision) asks first: in a private window, or
  // when the browser clears this site's storage, what is on this phone only would be gone.
  const unsent = items.filter((i) => i.state !== 'refused').length;
  useEffect(() => {
    if (!unsent) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsent]);
  const when = (iso: string) => dateTimeFormatter(locale).format(new Date(iso));
  const sendNow = () => {
    setSending(true);
    void outboxSender.flush().finally(() => setSending(false));
  };

  if (!items.length) {
    return allSent ? (
      <p className="status outbox__done" role="status">
        {t('offline.queue.allSent')}
      </p>
    ) : null;
  }
  return (
    <aside className="outbox" aria-labelledby="outbox-title">
      <p className="outbox__title" id="outbox-title">
        {t('offline.queue.title')}
      </p>
      <p role="status">{pending.length ? t('offline.queue.summary', { count: pending.length, time: when(pending[0].createdAt) }) : ''}</p>
      <ul className="outbox__list">
        {items.map((i) => (
          <li key={i.id} className={`outbox__item outbox__item--${i.state}`}>
            <span>{t(i.summary.key, i.summary.params)}</span>
            <span className="muted"> · {t('offline.queue.madeAt', { time: when(i.createdAt) })}</span>
            {i.state !== 'pending' && i.error && (
              <>
                <p role="alert">{t(i.state === 'conflict' ? 'offline.queue.conflict' : 'offline.queue.refused', { reason: t(i.error.key, i.error.params) })}</p>
                <div className="outbox__actions">
                  {i.state === 'conflict' && (
                    <button type="button" className="button button--secondary" onClick={() => void outbox.keepAsNew(i, newClientId()).then(() => outboxSender.flush())}>
                      {t('offline.queue.keep')}
                    </button>
                  )}
                  <button type="button" className="button button--secondary" onClick={() => void outbox.remove(i.id)}>
                    {t('offline.queue.discard')}
                  </button>
                </div>
              </>
            )}
          </li>
        ))}
      </ul>
      {pending.length > 0 && (
        <button type="button" className="button" onClick={sendNow} disabled={sending}>
          {sending ? t('offline.queue.sending') : t('offline.queue.sendNow')}
        </button>
      )}
    </aside>
  );
}
