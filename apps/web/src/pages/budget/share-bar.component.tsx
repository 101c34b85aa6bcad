import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.context';

/**
 * Share the page: the phone's own share sheet (Web Share API: WhatsApp, Telegram …) where there is one,
 * else copy the link, saying so; if even the clipboard is refused, the address is shown selected to copy by hand.
 */
export function ShareBar({ title, path }: { title: string; path: string }) {
  const { t } = useI18n();
  const [state, setState] = useState<'idle' | 'copied' | 'manual'>('idle');
  // Rendered on the server too (src/server/render-page.tsx): there the address is shown without the host.
  const url = `${typeof window === 'undefined' ? '' : window.location.origin}${path}`;
  const canShare = typeof navigator !== 'undefined' && typeof navigator.share === 'function';

  const share = async () => {
    if (canShare) {
      try {
        await navigator.share({ title, url });
        return;
      } catch (e) {
        // Closing the share sheet is a choice, not a failure; anything else falls back to copying.
        if ((e as Error)?.name === 'AbortError') return;
      }
    }
    try {
      await navigator.clipboard.writeText(url);
      setState('copied');
    } catch {
      setState('manual');
    }
  };

  return (
    <div className="share-bar">
      <button type="button" className="button button--secondary" onClick={() => void share()}>
        {canShare ? t('budgets.share.share') : t('budgets.share.copyLink')}
      </button>
      <span className="share-bar__address">{url.replace(/^https?:\/\//, '')}</span>
      <p role="status" className="share-bar__status">
        {state === 'copied' ? t('budgets.share.copied') : ''}
      </p>
      {state === 'manual' && (
        <label className="share-bar__manual">
          {t('budgets.share.copyManually')}
          <input readOnly value={url} onFocus={(e) => e.currentTarget.select()} autoFocus />
        </label>
      )}
    </div>
  );
}
