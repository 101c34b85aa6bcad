import { useEffect, useId, useRef, useState } from 'react';
import { UploadError, uploadFailureMessage, UploadProgress } from '../../api/file-upload';
import type { BudgetImportKind, BudgetImportUnit } from '../../api/generated/graphql';
import { ApiError, Message, toFormErrors } from '../../api/graphql-errors';
import { graphql } from '../../api/graphql.client';
import { useI18n } from '../../i18n/i18n.context';
import { FilePicker } from '../../ui/file-picker.component';
import { FormAlert } from '../../ui/form-alert.component';
import { IMPORT_STATUS, ImportPreview, ImportState, PREVIEW_IMPORT } from './budget.operations';
import { checkImportFile, fileBase64, MAX_IMPORT_MB, PREVIEW_MAX_BYTES, uploadImport } from './import-upload';
import { formatMinor } from './money';

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
 * Upload a CSV/XLSX (lines of the draft, or a spending ledger). A file up to PREVIEW_MAX_BYTES is first
 * previewed (`previewBudgetImport`: nothing written): how it was read, the unit (which can be changed),
 * line count and totals per side, the first rows as they will be stored, the rows left out and why, the
 * errors and warnings; the person confirms, and the file goes over HTTP with a progress bar and a cancel
 * button (import-upload.ts) with that unit. Bigger files go directly. Then follows the import job and
 * lists every bad row.
 */
export function ImportForm({ budgetId, kind, onDone, onStart }: { budgetId: string; kind: BudgetImportKind; onDone: () => void; onStart?: () => void }) {
  const { t, locale } = useI18n();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [upload, setUpload] = useState<{ name: string; progress: UploadProgress } | null>(null);
  const [announced, setAnnounced] = useState<number | null>(null);
  const [state, setState] = useState<ImportState | null>(null);
  const [problem, setProblem] = useState<Message | null>(null);
  const [notice, setNotice] = useState<Message | null>(null);
  const [preview, setPreview] = useState<{ file: File; data: ImportPreview; unit: BudgetImportUnit | null } | null>(null);
  const [checking, setChecking] = useState(false);
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

  const runPreview = async (file: File, unit: BudgetImportUnit | null) => {
    setChecking(true);
    try {
      const contentBase64 = await fileBase64(file);
      const data = (await graphql.request(PREVIEW_IMPORT, { input: { budgetId, kind, fileName: file.name, contentBase64, unit } })).previewBudgetImport;
      if (gone.current) return;
      setPreview({ file, data, unit });
    } catch (err) {
      if (gone.current) return;
      setPreview(null);
      setProblem(messageOf(err));
    } finally {
      setChecking(false);
      if (inputRef.current) inputRef.current.value = '';
    }
  };

  const pick = async (file: File) => {
    setProblem(null);
    setNotice(null);
    setState(null);
    setPreview(null);
    // An older "Draft saved" on the page says nothing about this file: the page clears it.
    onStart?.();
    if (file.size <= PREVIEW_MAX_BYTES) {
      try {
        await checkImportFile(file);
      } catch (err) {
        setProblem(messageOf(err));
        if (inputRef.current) inputRef.current.value = '';
        return;
      }
      await runPreview(file, null);
      return;
    }
    await send(file, null);
  };

  const confirm = async () => {
    if (!preview) return;
    const { file, unit, data } = preview;
    setPreview(null);
    await send(file, unit ?? (data.unitSource === 'DEFAULT' ? null : data.unit));
  };

  const send = async (file: File, unit: BudgetImportUnit | null) => {
    const controller = new AbortController();
    uploadAbort.current = controller;
    setUpload({ name: file.name, progress: { loaded: 0, total: file.size, percent: 0 } });
    setAnnounced(0);
    try {
      const started = await uploadImport(budgetId, kind, file, {
        signal: controller.signal,
        unit,
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
        <FilePicker id={id} inputRef={inputRef} describedBy={`${id}-hint`} label={t('ui.file.choose')} accept=".csv,.xlsx,text/csv" disabled={!!upload || running || checking} fileName={upload?.name ?? preview?.file.name ?? null} onFile={(file) => void pick(file)} />
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
      {checking && (
        <p className="status" role="status">
          {t('budgets.import.preview.checking')}
        </p>
      )}
      {preview && (
        <PreviewPanel
          id={id}
          kind={kind}
          preview={preview.data}
          fileName={preview.file.name}
          busy={checking}
          onUnit={(unit) => void runPreview(preview.file, unit)}
          onConfirm={() => void confirm()}
          onCancel={() => setPreview(null)}
          formatAmount={(a) => formatMinor(a, locale)}
        />
      )}
      {state?.status === 'FAILED' && <RowErrors errors={state.errors} />}
    </div>
  );
}

/** The catalogue's name of each field of a budget file. */
const FIELD_LABEL: Record<string, string> = {
  direction: 'budgets.import.column.direction',
  kind: 'budgets.import.column.kind',
  date: 'budgets.import.column.date',
  economic_code: 'budgets.import.column.economic_code',
  functional_code: 'budgets.import.column.functional_code',
  name_ky: 'budgets.import.column.name_ky',
  name_ru: 'budgets.import.column.name_ru',
  name_kk: 'budgets.import.column.name_kk',
  name_en: 'budgets.import.column.name_en',
  amount: 'budgets.import.column.amount',
  counterparty: 'budgets.import.column.counterparty',
  purpose: 'budgets.import.column.purpose',
  document_number: 'budgets.import.column.document_number',
};

type ShownError = { line: number; column: string | null; messageKey: string; value?: string | null };

/** Every bad cell: row and column as the file numbers and names them, and the message. */
function RowErrors({ errors }: { errors: readonly ShownError[] }) {
  const { t } = useI18n();
  return (
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
            {errors.map((er, i) => (
              <tr key={`${er.line}-${er.column}-${i}`}>
                <td>{er.line}</td>
                <td>{er.column ?? '—'}</td>
                <td>
                  {t(er.messageKey, { value: er.value ?? '' })}
                  {er.value && er.messageKey !== 'errors.budgets.import.impossibleDate' ? ` (${er.value})` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** What the import would store, before anything is written; the unit can be changed, then confirmed. */
function PreviewPanel(props: {
  id: string;
  kind: BudgetImportKind;
  preview: ImportPreview;
  fileName: string;
  busy: boolean;
  onUnit: (unit: BudgetImportUnit) => void;
  onConfirm: () => void;
  onCancel: () => void;
  formatAmount: (minor: string) => string;
}) {
  const { t } = useI18n();
  const { id, preview: p } = props;
  const heading = `${id}-preview`;
  return (
    <section className="import-preview" aria-labelledby={heading}>
      <h3 id={heading}>{t('budgets.import.preview.title', { name: props.fileName })}</h3>
      <dl className="import-preview__facts">
        {p.encoding && (
          <>
            <dt>{t('budgets.import.preview.encoding')}</dt>
            <dd>{p.encoding === 'WINDOWS-1251' ? 'CP1251' : 'UTF-8'}</dd>
          </>
        )}
        <dt>{t('budgets.import.preview.headerLine')}</dt>
        <dd>{p.headerLine}</dd>
        <dt>{t('budgets.import.preview.lines')}</dt>
        <dd>{p.lineCount}</dd>
        <dt>{t(props.kind === 'LEDGER' ? 'budgets.import.preview.receipts' : 'budgets.import.preview.revenue')}</dt>
        <dd>{props.formatAmount(p.revenueTotal)}</dd>
        <dt>{t(props.kind === 'LEDGER' ? 'budgets.import.preview.spending' : 'budgets.import.preview.expenditure')}</dt>
        <dd>{props.formatAmount(p.expenditureTotal)}</dd>
      </dl>
      {p.columns.length > 0 && (
        <p>
          {t('budgets.import.preview.columns')} {p.columns.map((c) => `${FIELD_LABEL[c.field] ? t(FIELD_LABEL[c.field]) : c.field}: «${c.header}»`).join('; ')}
        </p>
      )}
      <div className="field">
        <label htmlFor={`${id}-unit`}>{t('budgets.import.preview.unit')}</label>
        <select id={`${id}-unit`} value={p.unit} disabled={props.busy} onChange={(e) => props.onUnit(e.target.value as BudgetImportUnit)}>
          <option value="ONE">{t('budgets.import.preview.unitOne')}</option>
          <option value="THOUSAND">{t('budgets.import.preview.unitThousand')}</option>
        </select>
      </div>
      {p.warnings.map((w) => (
        <p key={w.messageKey} className="alert" role="alert">
          {t(w.messageKey, Object.fromEntries(w.params.map((x) => [x.name, x.value])))}
        </p>
      ))}
      {p.rows.length > 0 && (
        <div className="table-scroll">
          <table className="budget-table">
            <caption>{t('budgets.import.preview.firstRows')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('budgets.import.row')}</th>
                <th scope="col">{t('budgets.import.preview.code')}</th>
                <th scope="col">{t('budgets.import.preview.name')}</th>
                <th scope="col">{t('budgets.import.preview.amount')}</th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((r) => (
                <tr key={r.line}>
                  <td>{r.line}</td>
                  <td>{r.economicCode ?? '—'}</td>
                  <td>{r.label ?? (r.date || '—')}</td>
                  <td>{props.formatAmount(r.amount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {p.skipped.length > 0 && (
        <>
          <p>{t('budgets.import.preview.skipped', { count: p.skipped.length })}</p>
          <ul>
            {p.skipped.map((k) => (
              <li key={k.line}>
                {t('budgets.import.row')} {k.line}: {t(k.reasonKey)}
              </li>
            ))}
          </ul>
        </>
      )}
      {p.errors.length > 0 && <RowErrors errors={p.errors} />}
      <div className="actions">
        <button type="button" className="button" disabled={props.busy || p.errorCount > 0 || p.lineCount === 0} onClick={props.onConfirm}>
          {t('budgets.import.preview.confirm', { rows: p.lineCount })}
        </button>
        <button type="button" className="button button--secondary" onClick={props.onCancel}>
          {t('budgets.import.preview.cancel')}
        </button>
      </div>
    </section>
  );
}
