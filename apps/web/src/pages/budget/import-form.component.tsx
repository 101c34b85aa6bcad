import { useEffect, useId, useRef, useState } from 'react';
import { UploadError, uploadFailureMessage, UploadProgress } from '../../api/file-upload';
import type { BudgetImportKind } from '../../api/generated/graphql';
import { ApiError, Message, toFormErrors } from '../../api/graphql-errors';
import { graphql } from '../../api/graphql.client';
import { useI18n } from '../../i18n/i18n.context';
import { FilePicker } from '../../ui/file-picker.component';
import { FormAlert } from '../../ui/form-alert.component';
import { IMPORT_STATUS, ImportState } from './budget.operations';
import { MAX_IMPORT_MB, uploadImport } from './import-upload';

/** Screen readers hear the upload at these steps, not at every percent. */
const ANNOUNCE_EVERY = 25;
const POLL_MS = 500;
/** A poll lost on a flaky link is tried again (the job runs on regardless), slower, this many times in a row. */
const POLL_RETRIES = 10;
const RETRY_MS = 2000;

function messageOf(err: unknown): Message {
  if (err instanceof UploadError) return uploadFailureMessage(err.failure);
  return toFormErrors(err, {}).general ?? { key: 'errors.INTERNAL_SERVER_ERROR' };
}

/**
 * Upload a CSV/XLSX (lines of the draft, or a spending ledger) over HTTP with a progress bar and a
 * cancel button (import-upload.ts); then follows the import job and lists every bad row.
 */
export function ImportForm({ budgetId, kind, onDone, onStart }: { budgetId: string; kind: BudgetImportKind; onDone: () => void; onStart?: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [upload, setUpload] = useState<{ name: string; progress: UploadProgress } | null>(null);
  const [announced, setAnnounced] = useState<number | null>(null);
  const [state, setState] = useState<ImportState | null>(null);
  const [problem, setProblem] = useState<Message | null>(null);
  const [notice, setNotice] = useState<Message | null>(null);
  const uploadAbort = useRef<AbortController | null>(null);
  // Set when the form goes away: stops the upload and the polling.
  const gone = useRef(false);
  useEffect(() => {
    gone.current = false;
    return () => {
      gone.current = true;
      uploadAbort.current?.abort();
    };
  }, []);

  const follow = async (first: ImportState) => {
    let cur = first;
    let misses = 0;
    setState(cur);
    while (cur.status === 'QUEUED' || cur.status === 'RUNNING') {
      await new Promise((r) => setTimeout(r, misses ? RETRY_MS : POLL_MS));
      if (gone.current) return;
      try {
        cur = (await graphql.request(IMPORT_STATUS, { id: cur.id })).budgetImport;
        misses = 0;
      } catch (err) {
        if (!(err instanceof ApiError && err.network) || ++misses > POLL_RETRIES) throw err;
        continue;
      }
      if (gone.current) return;
      setState(cur);
    }
    if (cur.status === 'DONE') onDone();
  };

  const pick = async (file: File) => {
    setProblem(null);
    setNotice(null);
    setState(null);
    // An older "Draft saved" on the page says nothing about this file: the page clears it.
    onStart?.();
    const controller = new AbortController();
    uploadAbort.current = controller;
    setUpload({ name: file.name, progress: { loaded: 0, total: file.size, percent: 0 } });
    setAnnounced(0);
    try {
      const started = await uploadImport(budgetId, kind, file, {
        signal: controller.signal,
        onProgress: (progress) => {
          setUpload({ name: file.name, progress });
          setAnnounced((a) => (progress.percent >= (a ?? 0) + ANNOUNCE_EVERY || progress.percent === 100 ? progress.percent - (progress.percent % ANNOUNCE_EVERY) : a));
        },
      });
      if (gone.current) return;
      setUpload(null);
      await follow({ id: started.id, status: started.status, progress: 0, importedRows: null, errors: [] });
    } catch (err) {
      if (gone.current) return;
      setUpload(null);
      const m = messageOf(err);
      if (err instanceof UploadError && err.failure.kind === 'cancelled') {
        setNotice(m);
        // The cancel button went away with the bar: the keyboard goes back to the file chooser.
        requestAnimationFrame(() => inputRef.current?.focus());
      } else setProblem(m);
    } finally {
      uploadAbort.current = null;
      if (inputRef.current) inputRef.current.value = '';
    }
  };

  const cancel = () => uploadAbort.current?.abort();

  const running = state?.status === 'QUEUED' || state?.status === 'RUNNING';
  const pct = upload?.progress.percent ?? 0;
  return (
    <div className="form">
      <div className="field">
        <label htmlFor={id}>{t(kind === 'BUDGET' ? 'budgets.import.linesLabel' : 'budgets.import.ledgerLabel')}</label>
        <p className="field__hint" id={`${id}-hint`}>
          {t(kind === 'BUDGET' ? 'budgets.import.linesHint' : 'budgets.import.ledgerHint')} {t('upload.limitHint', { max: MAX_IMPORT_MB })}
        </p>
        <FilePicker id={id} inputRef={inputRef} describedBy={`${id}-hint`} label={t('ui.file.choose')} accept=".csv,.xlsx,text/csv" disabled={!!upload || running} fileName={upload?.name ?? null} onFile={(file) => void pick(file)} />
      </div>
      <FormAlert text={problem ? t(problem.key, problem.params) : null} />
      {upload && (
        <div className="upload">
          <p id={`${id}-upload`}>{pct < 100 ? t('upload.sending', { name: upload.name }) : t('upload.sent', { name: upload.name })}</p>
          <div className="upload__bar" role="progressbar" aria-labelledby={`${id}-upload`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-valuetext={t('upload.percent', { percent: pct })}>
            <progress max={100} value={pct} aria-hidden="true" />
            <span aria-hidden="true">{t('upload.percent', { percent: pct })}</span>
          </div>
          <button type="button" className="button button--secondary" onClick={cancel}>
            {t('upload.cancel')}
          </button>
        </div>
      )}
      {/* The bar's steps for screen readers (every 25 %), kept out of sight: the bar shows the percentage. */}
      <p className="visually-hidden" role="status">
        {upload && announced !== null ? t('upload.percent', { percent: announced }) : null}
      </p>
      <p className="status" role="status">
        {notice && t(notice.key, notice.params)}
        {/* From the upload's bar to the job: "stored, starting" while queued, then the job's own percentage. */}
        {state?.status === 'QUEUED' && t('budgets.import.queued')}
        {state?.status === 'RUNNING' && (
          <>
            {t('budgets.import.progress', { progress: state.progress })} <progress max={100} value={state.progress} aria-hidden="true" />
          </>
        )}
        {state?.status === 'DONE' && t('budgets.import.done', { rows: state.importedRows ?? 0 })}
      </p>
      {state?.status === 'FAILED' && (
        <div className="alert" role="alert">
          <p>{t('budgets.import.failed')}</p>
          <div className="table-scroll">
            <table className="budget-table">
              <thead>
                <tr>
                  <th scope="col">{t('budgets.import.row')}</th>
                  <th scope="col">{t('budgets.import.column')}</th>
                  <th scope="col">{t('budgets.import.problem')}</th>
                </tr>
              </thead>
              <tbody>
                {state.errors.map((er, i) => (
                  <tr key={`${er.line}-${er.column}-${i}`}>
                    <td>{er.line}</td>
                    <td>{er.column ?? '—'}</td>
                    <td>
                      {t(er.messageKey)}
                      {er.value ? ` (${er.value})` : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </div>
  );
}
