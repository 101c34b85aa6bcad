import { ChangeEvent, useId, useState } from 'react';
import { ApiError, errorMessageKey } from '../../api/graphql-errors';
import { graphql } from '../../api/graphql.client';
import { useI18n } from '../../i18n/i18n.context';

const ACCEPT = 'application/pdf,image/jpeg,image/png';
const MAX_BYTES = 5 * 1024 * 1024;

/**
 * Attach a scanned receipt (or a phone photo of it) to a spending record. The file goes to the API as
 * raw bytes; the server checks what it really is and keeps it for the budget group only. Refusals show
 * next to the button; success is announced by the panel (`onDone`).
 */
export function ReceiptUpload({ transactionId, attached, onDone }: { transactionId: string; attached: number; onDone: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  async function choose(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    // Checked here too so nobody on a slow link waits for a refusal.
    if (file.size > MAX_BYTES) {
      setMessage(t('errors.budgets.document.tooLarge', { max: 5 }));
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      await graphql.upload(`/api/budget-transactions/${transactionId}/documents?fileName=${encodeURIComponent(file.name)}`, file);
      // The panel announces success: this row re-renders with the new count when the list reloads.
      onDone();
    } catch (err) {
      const first = err instanceof ApiError ? err.errors[0] : undefined;
      const params = (first?.extensions?.params ?? {}) as Record<string, string | number>;
      setMessage(t(errorMessageKey(first), params));
    } finally {
      setBusy(false);
    }
  }

  return (
    <span className="receipt-upload">
      {attached > 0 && <span className="list__meta">{t('budgets.receipt.attached', { count: attached })} </span>}
      <label htmlFor={id} className="button button--secondary">
        {busy ? t('budgets.receipt.busy') : t('budgets.receipt.attach')}
      </label>
      <input id={id} className="visually-hidden" type="file" accept={ACCEPT} disabled={busy} onChange={(e) => void choose(e)} />
      {message && (
        <span role="alert" className="field__error">
          {message}
        </span>
      )}
    </span>
  );
}
