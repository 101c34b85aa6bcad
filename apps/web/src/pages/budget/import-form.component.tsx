import { useEffect, useId, useRef, useState } from 'react';
import { UploadError, uploadFailureMessage, UploadProgress } from '../../api/file-upload';
import type { BudgetImportKind, BudgetImportSideFrom, BudgetImportUnit } from '../../api/generated/graphql';
import { ApiError, Message, toFormErrors } from '../../api/graphql-errors';
import { graphql } from '../../api/graphql.client';
import { useI18n } from '../../i18n/i18n.context';
import { FilePicker } from '../../ui/file-picker.component';
import { FormAlert } from '../../ui/form-alert.component';
import { IMPORT_STATUS, ImportState } from './budget.operations';
import { CONFIRM_IMPORT_UPLOAD, PREVIEW_IMPORT_UPLOAD, UploadPreview } from './import-preview.operations';
import { choicesOf, PreviewChoices, settingsOf } from './import-settings';
import { MAX_IMPORT_MB, stageImport } from './import-upload';
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
 * Upload a CSV/XLSX (lines of the draft, or a spending ledger), of any size up to the upload limit. The
 * file goes over HTTP once, with a progress bar and a cancel button, to be stored for its preview
 * (import-upload.ts `stageImport`: nothing imported yet): how it was read, every column of the file with
 * the field it is read as (a choice per column), where the side comes from, the unit, line count and
 * totals per side, the first rows as they will be stored, the rows left out and why, the errors and
 * warnings. A changed choice runs the preview again on the stored file (`previewBudgetImportUpload`);
 * the person confirms, and the import runs from that same upload with exactly those settings
 * (`confirmBudgetImportUpload`, which also saves the columns for the community, offered next time).
 * Then follows the import job and lists every bad row.
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
  const [preview, setPreview] = useState<{ data: UploadPreview; choices: PreviewChoices; dirty: boolean } | null>(null);
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

  /** The stored upload previewed again with these choices. */
  const rerun = async (data: UploadPreview, choices: PreviewChoices) => {
    setChecking(true);
    setProblem(null);
    try {
      const next = (await graphql.request(PREVIEW_IMPORT_UPLOAD, { input: settingsOf(data, choices) })).previewBudgetImportUpload;
      if (gone.current) return;
      setPreview({ data: next, choices: choicesOf(next, choices.unit, choices.save, choices.cleared, choices.asOf), dirty: false });
    } catch (err) {
      if (gone.current) return;
      setProblem(messageOf(err));
    } finally {
      setChecking(false);
    }
  };

  const pick = async (file: File) => {
    setProblem(null);
    setNotice(null);
    setState(null);
    setPreview(null);
    // An older "Draft saved" on the page says nothing about this file: the page clears it.
    onStart?.();
    const controller = new AbortController();
    uploadAbort.current = controller;
    setUpload({ name: file.name, progress: { loaded: 0, total: file.size, percent: 0 } });
    setAnnounced(0);
    try {
      const data = await stageImport<UploadPreview>(budgetId, kind, file, {
        signal: controller.signal,
        onProgress: (progress) => {
          setUpload({ name: file.name, progress });
          setAnnounced((a) => (progress.percent >= (a ?? 0) + ANNOUNCE_EVERY || progress.percent === 100 ? progress.percent - (progress.percent % ANNOUNCE_EVERY) : a));
        },
      });
      if (gone.current) return;
      setUpload(null);
      setPreview({ data, choices: choicesOf(data, null), dirty: false });
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

  const confirm = async () => {
    if (!preview || preview.dirty) return;
    const { data, choices } = preview;
    setChecking(true);
    try {
      const started = (await graphql.request(CONFIRM_IMPORT_UPLOAD, { input: { ...settingsOf(data, choices), unit: choices.unit ?? data.unit, saveMapping: choices.save } })).confirmBudgetImportUpload;
      if (gone.current) return;
      setPreview(null);
      setChecking(false);
      await follow(started);
    } catch (err) {
      if (gone.current) return;
      setChecking(false);
      setProblem(messageOf(err));
    }
  };

  const cancel = () => uploadAbort.current?.abort();

  const running = state?.status === 'QUEUED' || state?.status === 'RUNNING';
  const pct = upload?.progress.percent ?? 0;
  return (
    <div className="form">
      <div className="field">
        <label htmlFor={id}>{t(kind === 'BUDGET' ? 'budgets.import.linesLabel' : kind === 'TREASURY' ? 'budgets.import.treasuryLabel' : 'budgets.import.ledgerLabel')}</label>
        <p className="field__hint" id={`${id}-hint`}>
          {t(kind === 'BUDGET' ? 'budgets.import.linesHint' : kind === 'TREASURY' ? 'budgets.import.treasuryHint' : 'budgets.import.ledgerHint')} {t('upload.limitHint', { max: MAX_IMPORT_MB })}
        </p>
        <FilePicker id={id} inputRef={inputRef} describedBy={`${id}-hint`} label={t('ui.file.choose')} accept=".csv,.xlsx,text/csv" disabled={!!upload || running || checking} fileName={upload?.name ?? preview?.data.fileName ?? null} onFile={(file) => void pick(file)} />
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
          choices={preview.choices}
          dirty={preview.dirty}
          busy={checking}
          onChoices={(choices, runNow) => {
            setPreview({ ...preview, choices, dirty: !runNow });
            if (runNow) void rerun(preview.data, choices);
          }}
          onRerun={() => void rerun(preview.data, preview.choices)}
          onSave={(save) => setPreview({ ...preview, choices: { ...preview.choices, save } })}
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
  approved_plan: 'budgets.import.column.approved_plan',
  revised_plan: 'budgets.import.column.revised_plan',
  cumulative_actual: 'budgets.import.column.cumulative_actual',
};

type ShownError = { line: number; column: string | null; messageKey: string; value?: string | null };

/** Every bad cell: row and column as the file numbers and names them, and the message. */
function RowErrors({ errors }: { errors: readonly ShownError[] }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="alert" role="alert">
      <p id={id}>{t('budgets.import.failed')}</p>
      {/* A table wider than a phone scrolls: keyboard users reach it (tabIndex), screen readers hear its name. */}
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={id}>
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

const SIDE_CHOICES: ReadonlyArray<BudgetImportSideFrom | ''> = ['', 'COLUMN', 'CODE', 'REVENUE', 'EXPENDITURE'];
/** The catalogue's words for each side rule ('' = the side column if any, else the code). */
const SIDE_LABEL: Record<string, string> = {
  '': 'budgets.import.preview.side.AUTO',
  COLUMN: 'budgets.import.preview.side.COLUMN',
  CODE: 'budgets.import.preview.side.CODE',
  REVENUE: 'budgets.import.preview.side.REVENUE',
  EXPENDITURE: 'budgets.import.preview.side.EXPENDITURE',
};

/**
 * What the import would store, before anything is written: every column of the file with a choice of
 * the field it is read as, where the side comes from, the unit (which runs the preview again at once),
 * then the figures; a changed column or side is checked again before it can be confirmed.
 */
function PreviewPanel(props: {
  id: string;
  kind: BudgetImportKind;
  preview: UploadPreview;
  choices: PreviewChoices;
  dirty: boolean;
  busy: boolean;
  onChoices: (c: PreviewChoices, runNow: boolean) => void;
  onRerun: () => void;
  onSave: (save: boolean) => void;
  onConfirm: () => void;
  onCancel: () => void;
  formatAmount: (minor: string) => string;
}) {
  const { t, formatDate } = useI18n();
  const { id, preview: p, choices: c } = props;
  const heading = `${id}-preview`;
  // A treasury report's side follows its codes: no side choice; it has an as-of date instead.
  const treasury = props.kind === 'TREASURY';
  const fieldName = (f: string) => (FIELD_LABEL[f] ? t(FIELD_LABEL[f]) : f);
  const assign = (index: number, field: string) => {
    // A field is read from one column: choosing it here takes it from any other.
    const next = Object.fromEntries(Object.entries(c.assign).map(([k, v]) => [k, field && v === field ? '' : v]));
    const before = c.assign[index];
    const cleared = [...c.cleared.filter((f) => f !== field), ...(before && before !== field ? [before] : [])];
    props.onChoices({ ...c, assign: { ...next, [index]: field }, cleared }, false);
  };
  const side = (patch: Partial<PreviewChoices['side']>) => props.onChoices({ ...c, side: { ...c.side, ...patch } }, false);
  const sideLabel = (from: string) => t(SIDE_LABEL[from] ?? SIDE_LABEL['']);
  return (
    <section className="import-preview" aria-labelledby={heading}>
      <h3 id={heading}>{t('budgets.import.preview.title', { name: p.fileName ?? '' })}</h3>
      <dl className="import-preview__facts">
        {p.encoding && (
          <>
            <dt>{t('budgets.import.preview.encoding')}</dt>
            <dd>{p.encoding === 'WINDOWS-1251' ? 'CP1251' : 'UTF-8'}</dd>
          </>
        )}
        <dt>{t('budgets.import.preview.headerLine')}</dt>
        <dd>{p.headerLine}</dd>
        <dt>{t('budgets.import.preview.unit')}</dt>
        <dd>{t(p.unit === 'THOUSAND' ? 'budgets.import.preview.unitThousand' : 'budgets.import.preview.unitOne')}</dd>
        {treasury && (
          <>
            <dt>{t('budgets.import.preview.asOf')}</dt>
            <dd>{p.asOf ? formatDate(p.asOf) : '—'}</dd>
          </>
        )}
        <dt>{t('budgets.import.preview.lines')}</dt>
        <dd>{p.lineCount}</dd>
        <dt>{t(props.kind === 'LEDGER' ? 'budgets.import.preview.receipts' : 'budgets.import.preview.revenue')}</dt>
        <dd>{props.formatAmount(p.revenueTotal)}</dd>
        <dt>{t(props.kind === 'LEDGER' ? 'budgets.import.preview.spending' : 'budgets.import.preview.expenditure')}</dt>
        <dd>{props.formatAmount(p.expenditureTotal)}</dd>
      </dl>
      {p.sideFrom && <p>{t('budgets.import.preview.sideFromUsed', { from: sideLabel(p.sideFrom) })}</p>}
      {p.mappingSource === 'SAVED' && <p>{t('budgets.import.preview.mappingSaved')}</p>}
      <fieldset className="import-preview__mapping" disabled={props.busy}>
        <legend>{t('budgets.import.preview.mapping')}</legend>
        <p className="field__hint">{t('budgets.import.preview.mappingHint')}</p>
        {p.fileColumns.map((col) => (
          <div className="field" key={col.index}>
            <label htmlFor={`${id}-col-${col.index}`}>{col.header.trim() ? t('budgets.import.preview.columnLabel', { header: col.header }) : t('budgets.import.preview.columnEmpty', { number: col.index + 1 })}</label>
            {col.sample && (
              <p className="field__hint" id={`${id}-col-${col.index}-hint`}>
                {t('budgets.import.preview.sample', { sample: col.sample })}
              </p>
            )}
            <select id={`${id}-col-${col.index}`} aria-describedby={col.sample ? `${id}-col-${col.index}-hint` : undefined} value={c.assign[col.index] ?? ''} disabled={!col.header.trim()} onChange={(e) => assign(col.index, e.target.value)}>
              <option value="">{t('budgets.import.preview.fieldNone')}</option>
              {p.fields.map((f) => (
                <option key={f.field} value={f.field}>
                  {f.required ? t('budgets.import.preview.required', { field: fieldName(f.field) }) : fieldName(f.field)}
                </option>
              ))}
            </select>
          </div>
        ))}
        {!treasury && (
        <div className="field">
          <label htmlFor={`${id}-side`}>{t('budgets.import.preview.sideFrom')}</label>
          <select id={`${id}-side`} value={c.side.from} onChange={(e) => side({ from: e.target.value as BudgetImportSideFrom | '' })}>
            {SIDE_CHOICES.map((s) => (
              <option key={s || 'AUTO'} value={s}>
                {sideLabel(s)}
              </option>
            ))}
          </select>
        </div>
        )}
        {!treasury && (c.side.from === '' || c.side.from === 'COLUMN') && (
          <>
            <div className="field">
              <label htmlFor={`${id}-side-rev`}>{t('budgets.import.preview.revenueWord')}</label>
              <input id={`${id}-side-rev`} maxLength={40} value={c.side.revenue} onChange={(e) => side({ revenue: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-side-exp`}>{t('budgets.import.preview.expenditureWord')}</label>
              <input id={`${id}-side-exp`} maxLength={40} value={c.side.expenditure} onChange={(e) => side({ expenditure: e.target.value })} />
            </div>
          </>
        )}
        <button type="button" className="button button--secondary" onClick={props.onRerun}>
          {t('budgets.import.preview.apply')}
        </button>
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-unit`}>{t('budgets.import.preview.unit')}</label>
        <select id={`${id}-unit`} value={c.unit ?? p.unit} disabled={props.busy} onChange={(e) => props.onChoices({ ...c, unit: e.target.value as BudgetImportUnit }, true)}>
          <option value="ONE">{t('budgets.import.preview.unitOne')}</option>
          <option value="THOUSAND">{t('budgets.import.preview.unitThousand')}</option>
        </select>
      </div>
      {treasury && (
        <div className="field">
          <label htmlFor={`${id}-as-of`}>{t('budgets.import.preview.asOfChoose')}</label>
          <p className="field__hint" id={`${id}-as-of-hint`}>
            {t('budgets.import.preview.asOfHint')}
          </p>
          <input id={`${id}-as-of`} type="date" aria-describedby={`${id}-as-of-hint`} value={c.asOf || p.asOf || ''} disabled={props.busy} onChange={(e) => props.onChoices({ ...c, asOf: e.target.value }, true)} />
        </div>
      )}
      {p.warnings.map((w) => (
        <p key={w.messageKey} className="alert" role="alert">
          {t(w.messageKey, Object.fromEntries(w.params.map((x) => [x.name, x.value])))}
        </p>
      ))}
      {p.rows.length > 0 && (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={`${id}-first-rows`}>
          <table className="budget-table">
            <caption id={`${id}-first-rows`}>{t('budgets.import.preview.firstRows')}</caption>
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
          <ul className="import-preview__skipped">
            {p.skipped.map((k) => (
              <li key={k.line}>
                {t('budgets.import.row')} {k.line}: {t(k.reasonKey)}
              </li>
            ))}
          </ul>
        </>
      )}
      {p.errors.length > 0 && <RowErrors errors={p.errors} />}
      <label className="checkbox">
        <input type="checkbox" checked={c.save} onChange={(e) => props.onSave(e.target.checked)} />
        {t('budgets.import.preview.saveMapping')}
      </label>
      <div className="actions">
        <button type="button" className="button" disabled={props.busy || props.dirty || p.errorCount > 0 || p.lineCount === 0} onClick={props.onConfirm}>
          {t('budgets.import.preview.confirm', { rows: p.lineCount })}
        </button>
        <button type="button" className="button button--secondary" onClick={props.onCancel}>
          {t('budgets.import.preview.cancel')}
        </button>
      </div>
    </section>
  );
}
