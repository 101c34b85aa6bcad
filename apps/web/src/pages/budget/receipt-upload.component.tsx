import { useRef, useState } from 'react';
import { UploadError, uploadFailureMessage, UploadProgress, uploadWithProgress } from '../../api/file-upload';
import { graphql } from '../../api/graphql.client';
import { isPhoto, prepareForUpload, PreparedFile } from '../../api/photo-shrink';
import { useI18n } from '../../i18n/i18n.context';
import { FilePicker } from '../../ui/file-picker.component';

const ACCEPT = 'application/pdf,image/jpeg,image/png,image/heic,image/heif,image/*';
/** The server's limit (it stays as it is): a photo is made smaller first, a PDF has to fit. */
const MAX_BYTES = 5 * 1024 * 1024;

type Phase = { kind: 'idle' } | { kind: 'preparing' } | { kind: 'sending'; progress: UploadProgress } | { kind: 'failed'; message: string; retry: boolean };

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const kbOrMb = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : mb(bytes));

/**
 * Attach a scanned receipt (or a phone photo of it) to a spending record. A photo is made small on the
 * phone first (longest side 1600 px, JPEG), keeping the date it was taken (sent as `takenAt`); a PDF goes
 * as it is. Progress is shown while sending, with cancel; a failed or cancelled upload can be retried
 * without choosing the file again. Success is announced by the panel (`onDone`).
 */
export function ReceiptUpload({ transactionId, attached, onDone }: { transactionId: string; attached: number; onDone: () => void }) {
  const { t } = useI18n();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [chosen, setChosen] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const prepared = useRef<PreparedFile | null>(null);
  const controller = useRef<AbortController | null>(null);
  const busy = phase.kind === 'preparing' || phase.kind === 'sending';

  async function choose(file: File) {
    setChosen(file.name);
    setNote(null);
    prepared.current = null;
    if (isPhoto(file)) setPhase({ kind: 'preparing' });
    const p = await prepareForUpload(file);
    if (p.shrunk) setNote(t('budgets.receipt.shrunk', { from: kbOrMb(file.size), to: kbOrMb(p.blob.size) }));
    // Checked here too so nobody on a slow link waits for a refusal.
    if (p.blob.size > MAX_BYTES) {
      setPhase({ kind: 'failed', message: t('errors.budgets.document.tooLarge', { max: 5 }), retry: false });
      return;
    }
    prepared.current = p;
    await send();
  }

  async function send() {
    const p = prepared.current;
    if (!p) return;
    const abort = new AbortController();
    controller.current = abort;
    setPhase({ kind: 'sending', progress: { loaded: 0, total: p.blob.size, percent: 0 } });
    const query = new URLSearchParams({ fileName: p.fileName });
    if (p.takenAt) query.set('takenAt', p.takenAt);
    try {
      await uploadWithProgress(graphql, `/api/budget-transactions/${transactionId}/documents?${query}`, p.blob, {
        contentType: p.contentType,
        signal: abort.signal,
        onProgress: (progress) => setPhase({ kind: 'sending', progress }),
      });
      prepared.current = null;
      setChosen(null);
      setPhase({ kind: 'idle' });
      // The panel announces success: this row re-renders with the new count when the list reloads.
      onDone();
    } catch (err) {
      const failure = err instanceof UploadError ? err.failure : ({ kind: 'networkLost' } as const);
      const message = failure.kind === 'cancelled' ? t('budgets.receipt.cancelled') : (() => { const m = uploadFailureMessage(failure); return t(m.key, m.params); })();
      const retry = failure.kind !== 'refused' || failure.status >= 500;
      setPhase({ kind: 'failed', message, retry });
    } finally {
      controller.current = null;
    }
  }

  return (
    <span className="receipt-upload">
      {attached > 0 && <span className="list__meta">{t('budgets.receipt.attached', { count: attached })} </span>}
      <FilePicker
        label={t('budgets.receipt.attach')}
        busyLabel={busy ? t('budgets.receipt.busy') : null}
        accept={ACCEPT}
        disabled={busy}
        fileName={chosen}
        onFile={(f) => void choose(f)}
      />
      {phase.kind === 'preparing' && <span role="status">{t('budgets.receipt.preparing')}</span>}
      {phase.kind === 'sending' && (
        <span className="upload-progress">
          <progress max={100} value={phase.progress.percent} aria-label={t('upload.percent', { percent: phase.progress.percent })} />
          <span role="status">{t('upload.percent', { percent: phase.progress.percent })}</span>
          <button type="button" className="button button--secondary" onClick={() => controller.current?.abort()}>
            {t('upload.cancel')}
          </button>
        </span>
      )}
      {note && phase.kind !== 'failed' && <span className="list__meta">{note}</span>}
      {phase.kind === 'failed' && (
        <span role="alert" className="field__error">
          {phase.message}{' '}
          {phase.retry && prepared.current && (
            <button type="button" className="button button--secondary" onClick={() => void send()}>
              {t('budgets.receipt.retry')}
            </button>
          )}
        </span>
      )}
    </span>
  );
}
