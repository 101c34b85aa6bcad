import { FormEvent, KeyboardEvent, ReactNode, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, toFormErrors } from '../../api/graphql-errors';
import { graphql } from '../../api/graphql.client';
import { useQuery } from '../../api/use-query.hook';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { DateField, isoToDisplayDate, readDisplayDate } from '../../ui/date-field.component';
import { Field } from '../../ui/field.component';
import { FormAlert } from '../../ui/form-alert.component';
import { PageHeading } from '../../ui/page-heading.component';
import { ErrorMessage, Loading } from '../../ui/query-status.component';
import { AMEND_BUDGET, APPROVE_VERSION, CLASSIFICATIONS, Direction, EDITOR_BUDGET, EditorBudget, PUBLISH_VERSION, SAVE_LINES, SUBMIT_VERSION } from './budget.operations';
import { ExecutionPanel } from './execution-panel.component';
import { ImportForm } from './import-form.component';
import { MonitoringNotes } from './monitoring-notes.component';
import { DIRECTION_KEY, STATUS_KEY } from './labels';
import { cleanNumberInput, minorToDecimalText, readAmountMinor } from '../../ui/number-input';
import { formatMinor, minorToInput } from './money';
import './budget.css';

interface Row {
  id: string;
  lineKey: string | null;
  direction: Direction;
  economicCode: string;
  functionalCode: string;
  nameKy: string;
  nameRu: string;
  nameKk: string;
  amount: string;
}

interface Problem {
  key: string;
  params?: Record<string, string | number>;
  row?: number;
  column?: string;
}

let rowSeq = 0;
const newRow = (direction: Direction = 'EXPENDITURE'): Row => ({ id: `r${++rowSeq}`, lineKey: null, direction, economicCode: '', functionalCode: '', nameKy: '', nameRu: '', nameKk: '', amount: '' });

/** The grid's own mapping: `input.lines.3.amount` marks a cell; the message (with its params) as every form has it. */
function problemOf(e: unknown): Problem {
  const message = toFormErrors(e, {}).general ?? { key: 'errors.INTERNAL_SERVER_ERROR' };
  const first = e instanceof ApiError ? e.errors[0] : undefined;
  const field = (first?.extensions?.field as string | undefined) ?? '';
  const m = /^input\.lines\.(\d+)\.(\w+)$/.exec(field);
  const changes = first?.extensions?.changes;
  return {
    key: message.key,
    params: { ...message.params, ...(Array.isArray(changes) ? { count: changes.length } : {}) },
    row: m ? Number(m[1]) : undefined,
    column: m ? m[2] : undefined,
  };
}

export default function BudgetEditorPage() {
  const { id = '' } = useParams();
  const { status } = useSession();
  const [reload, setReload] = useState(0);
  // Kept here: saving reloads the budget, which remounts the editor.
  const [notice, setNotice] = useState<string | null>(null);
  const { data, error, loading, retry } = useQuery(EDITOR_BUDGET, status === 'loading' ? null : { id, reload }, { scope: status });
  // While a reload after a save or an import runs, the page keeps showing what it had: the import form
  // stays mounted with its result ("Imported: 5 rows") instead of being replaced by a spinner and a stale notice.
  const last = useRef<typeof data>(null);
  if (data) last.current = data;
  const shown = data ?? (last.current?.budget.id === id ? last.current : null);
  if (error) return <ErrorMessage error={error} onRetry={retry} />;
  if ((loading && !shown) || !shown) return <Loading />;
  return <Editor budget={shown.budget} notice={notice} setNotice={setNotice} onChanged={() => setReload((n) => n + 1)} />;
}

function Editor({ budget: b, onChanged, notice, setNotice }: { budget: EditorBudget; onChanged: () => void; notice: string | null; setNotice: (s: string | null) => void }) {
  const { t, pick, locale } = useI18n();
  const v = b.openVersion;
  const country = b.currency === 'KZT' ? 'KZ' : 'KG';
  const { data: cls } = useQuery(CLASSIFICATIONS, { country }, { cache: true });
  const [rows, setRows] = useState<Row[]>([]);
  const [removed, setRemoved] = useState<string[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setRows(
      v?.lines.length
        ? v.lines.map((l) => ({ id: l.lineKey, lineKey: l.lineKey, direction: l.direction, economicCode: l.economicCode, functionalCode: l.functionalCode ?? '', nameKy: l.names.ky ?? '', nameRu: l.names.ru ?? '', nameKk: l.names.kk ?? '', amount: minorToInput(l.amount) }))
        : [newRow('REVENUE'), newRow('EXPENDITURE')],
    );
    setRemoved([]);
  }, [v?.id, v?.revision]);

  const run = async (fn: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setProblem(null);
    setNotice(null);
    try {
      await fn();
      setNotice(done);
      onChanged();
    } catch (e) {
      const p = problemOf(e);
      setProblem(p);
      if (p.row !== undefined && p.column) focusCell(rows.indexOf(filled[p.row]), p.column);
    } finally {
      setBusy(false);
    }
  };

  const focusCell = (i: number, column: string) => setTimeout(() => document.getElementById(`${column === 'amount' ? 'amount' : column === 'functionalCode' ? 'fcode' : 'code'}-${i}`)?.focus(), 0);
  const update = (i: number, patch: Partial<Row>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const remove = (i: number) => {
    const r = rows[i];
    if (r.lineKey) setRemoved((k) => [...k, r.lineKey!]);
    setRows((rs) => rs.filter((_, j) => j !== i));
  };
  const filled = rows.filter((r) => r.economicCode.trim() || r.amount.trim());
  const save = () => {
    // Every amount read with the kernel's parser first: "1 234,50" is sent as 1234.50, and one that cannot be
    // read ("1,234", "12a") is said next to its box instead of being sent or dropped.
    const amounts = filled.map((r) => readAmountMinor(r.amount));
    const bad = amounts.findIndex((a) => !a.ok);
    if (bad >= 0) {
      const a = amounts[bad] as { ok: false; message: { key: string; params?: Record<string, string | number> } };
      setNotice(null);
      setProblem({ key: a.message.key, params: a.message.params, row: bad, column: 'amount' });
      focusCell(rows.indexOf(filled[bad]), 'amount');
      return Promise.resolve();
    }
    return run(
      () =>
        graphql.request(SAVE_LINES, {
          input: {
            versionId: v!.id,
            expectedRevision: v!.revision,
            lines: filled.map((r, i) => ({
              lineKey: r.lineKey,
              direction: r.direction,
              economicCode: r.economicCode.trim(),
              functionalCode: r.functionalCode.trim() || null,
              names: { ky: r.nameKy || null, ru: r.nameRu || null, kk: r.nameKk || null },
              amount: minorToDecimalText((amounts[i] as { ok: true; value: string | null }).value ?? '0'),
            })),
            removeLineKeys: removed,
          },
        }),
      t('budgets.editor.saved'),
    );
  };

  // Enter in an amount moves to the next row (adding one at the end): fast entry from a paper budget.
  const onAmountKey = (i: number) => (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    if (i === rows.length - 1) setRows((rs) => [...rs, newRow(rs[i].direction)]);
    setTimeout(() => document.getElementById(`code-${i + 1}`)?.focus(), 0);
  };

  const economic = (cls?.budgetClassifications ?? []).filter((c) => c.scheme === 'ECONOMIC');
  const functional = (cls?.budgetClassifications ?? []).filter((c) => c.scheme === 'FUNCTIONAL');
  const filledIndex = (i: number) => filled.indexOf(rows[i]);
  const invalid = (i: number, col: string) => problem?.row !== undefined && problem.row === filledIndex(i) && problem.column === col;
  // Exact, from the typed text (the server recomputes the real totals).
  const sum = (d: Direction) =>
    rows.filter((r) => r.direction === d).reduce((acc, r) => {
      const a = readAmountMinor(r.amount);
      return acc + (a.ok && a.value ? BigInt(a.value) : BigInt(0));
    }, BigInt(0));
  const cellError = (i: number, col: string) => (problem && invalid(i, col) ? t(problem.key, problem.params) : null);

  return (
    <>
      <PageHeading>{t('budgets.editor.title', { title: pick(b.title) })}</PageHeading>
      <p>
        <Link to={`/budgets/${b.id}`}>{t('budgets.editor.publicPage')}</Link>
      </p>
      {notice && (
        <p className="status" role="status">
          {notice}
        </p>
      )}
      <FormAlert text={problem ? (problem.row !== undefined && problem.column ? t('errors.BAD_USER_INPUT') : t(problem.key, problem.params)) : null}>
        {problem?.key === 'errors.budgets.staleRevision' && (
          <button type="button" className="button button--secondary" onClick={onChanged}>
            {t('budgets.editor.reload')}
          </button>
        )}
      </FormAlert>
      {v ? (
        <>
          <p className="lead">
            <span className="status-badge">{t(STATUS_KEY[v.status])}</span> {t('budgets.editor.versionInfo', { number: v.number, revision: v.revision })}
          </p>
          {v.status === 'DRAFT' && b.viewerCanEdit && (
            <form
              onSubmit={(e: FormEvent) => {
                e.preventDefault();
                void save();
              }}
            >
              <datalist id="economic-codes">
                {economic.map((c) => (
                  <option key={c.code} value={c.code} label={`${c.code} ${pick(c.names)}`} />
                ))}
              </datalist>
              <datalist id="functional-codes">
                {functional.map((c) => (
                  <option key={c.code} value={c.code} label={`${c.code} ${pick(c.names)}`} />
                ))}
              </datalist>
              <p className="muted">{t('budgets.editor.gridHint')}</p>
              {/* One card per line: two columns on a phone, one row of fields on a wide screen; never sideways scrolling. */}
              <ol className="line-cards">
                {rows.map((r, i) => (
                  <li key={r.id} className="line-card">
                    <fieldset>
                      <legend>{t('budgets.editor.lineOfRow', { row: i + 1 })}</legend>
                      <div className="line-card__fields">
                        <Cell className="line-card__direction" label={t('budgets.editor.direction')} id={`dir-${i}`}>
                          <select id={`dir-${i}`} className="grid-input" aria-label={t('budgets.editor.directionOfRow', { row: i + 1 })} value={r.direction} onChange={(e) => update(i, { direction: e.target.value as Direction })}>
                            <option value="REVENUE">{t(DIRECTION_KEY.REVENUE)}</option>
                            <option value="EXPENDITURE">{t(DIRECTION_KEY.EXPENDITURE)}</option>
                          </select>
                        </Cell>
                        <Cell label={t('budgets.editor.economicCode')} id={`code-${i}`} error={cellError(i, 'economicCode')}>
                          <input id={`code-${i}`} className="grid-input" list="economic-codes" inputMode="numeric" aria-label={t('budgets.editor.economicCodeOfRow', { row: i + 1 })} aria-invalid={invalid(i, 'economicCode') || undefined} aria-describedby={invalid(i, 'economicCode') ? `code-${i}-error` : undefined} value={r.economicCode} onChange={(e) => update(i, { economicCode: e.target.value })} />
                        </Cell>
                        <Cell label={t('budgets.editor.functionalCode')} id={`fcode-${i}`} error={cellError(i, 'functionalCode')}>
                          <input id={`fcode-${i}`} className="grid-input" list="functional-codes" inputMode="numeric" aria-label={t('budgets.editor.functionalCodeOfRow', { row: i + 1 })} aria-invalid={invalid(i, 'functionalCode') || undefined} aria-describedby={invalid(i, 'functionalCode') ? `fcode-${i}-error` : undefined} value={r.functionalCode} onChange={(e) => update(i, { functionalCode: e.target.value })} />
                        </Cell>
                        <Cell className="line-card__amount" label={t('budgets.editor.amount')} id={`amount-${i}`} error={cellError(i, 'amount')}>
                          <input id={`amount-${i}`} className="grid-input grid-input--amount" inputMode="decimal" aria-label={t('budgets.editor.amountOfRow', { row: i + 1 })} aria-invalid={invalid(i, 'amount') || undefined} aria-describedby={invalid(i, 'amount') ? `amount-${i}-error` : undefined} value={r.amount} onChange={(e) => update(i, { amount: cleanNumberInput(e.target.value) })} onKeyDown={onAmountKey(i)} />
                        </Cell>
                        <Cell className="line-card__name" label={t('budgets.editor.nameKy')} id={`nky-${i}`}>
                          <input id={`nky-${i}`} className="grid-input" lang="ky" aria-label={t('budgets.editor.nameKyOfRow', { row: i + 1 })} value={r.nameKy} onChange={(e) => update(i, { nameKy: e.target.value })} />
                        </Cell>
                        <Cell className="line-card__name" label={t('budgets.editor.nameRu')} id={`nru-${i}`}>
                          <input id={`nru-${i}`} className="grid-input" lang="ru" aria-label={t('budgets.editor.nameRuOfRow', { row: i + 1 })} value={r.nameRu} onChange={(e) => update(i, { nameRu: e.target.value })} />
                        </Cell>
                        <Cell className="line-card__name" label={t('budgets.editor.nameKk')} id={`nkk-${i}`}>
                          <input id={`nkk-${i}`} className="grid-input" lang="kk" aria-label={t('budgets.editor.nameKkOfRow', { row: i + 1 })} value={r.nameKk} onChange={(e) => update(i, { nameKk: e.target.value })} />
                        </Cell>
                      </div>
                      <button type="button" className="link-button line-card__remove" onClick={() => remove(i)}>
                        {t('budgets.editor.removeRow', { row: i + 1 })}
                      </button>
                    </fieldset>
                  </li>
                ))}
              </ol>
              {/* Always in view on a phone: both totals and the Save button. */}
              <div className="grid-totals" role="group" aria-label={t('budgets.editor.totals')}>
                <dl>
                  <div>
                    <dt>{t('budgets.editor.totalRevenue')}</dt>
                    <dd>{formatMinor(sum('REVENUE').toString(), locale)}</dd>
                  </div>
                  <div>
                    <dt>{t('budgets.editor.totalExpenditure')}</dt>
                    <dd>{formatMinor(sum('EXPENDITURE').toString(), locale)}</dd>
                  </div>
                </dl>
                <button type="submit" className="button" disabled={busy}>
                  {t('budgets.editor.save')}
                </button>
              </div>
              <div className="actions">
                <button type="button" className="button button--secondary" onClick={() => setRows((rs) => [...rs, newRow()])}>
                  {t('budgets.editor.addRow')}
                </button>
                <button type="button" className="button button--secondary" disabled={busy || !v.lines.length} onClick={() => run(() => graphql.request(SUBMIT_VERSION, { input: { versionId: v.id, expectedRevision: v.revision } }), t('budgets.editor.submitted'))}>
                  {t('budgets.editor.submit')}
                </button>
              </div>
            </form>
          )}
          {v.status === 'DRAFT' && b.viewerCanEdit && <ImportForm budgetId={b.id} kind="BUDGET" onStart={() => setNotice(null)} onDone={onChanged} />}
          {v.status === 'SUBMITTED' && b.viewerCanPublish && <PublishForm versionId={v.id} revision={v.revision} busy={busy} run={run} />}
        </>
      ) : (
        <p className="muted">{t('budgets.editor.noOpenVersion')}</p>
      )}
      {b.publicVersion && b.publicVersion.status === 'PUBLISHED' && b.viewerCanApprove && <ApproveForm versionId={b.publicVersion.id} revision={b.publicVersion.revision} busy={busy} run={run} />}
      {!v && b.publicVersion && b.viewerCanEdit && <AmendForm versionId={b.publicVersion.id} busy={busy} run={run} />}
      {b.publicVersion && b.viewerCanEdit && <ExecutionPanel budgetId={b.id} version={b.publicVersion} fiscalYear={b.fiscalYear} currency={t(b.currency === 'KGS' ? 'budgets.currency.KGS' : 'budgets.currency.KZT')} />}
      {b.viewerCanViewInternal && (b.publicVersion ?? v) && <MonitoringNotes budgetId={b.id} lines={(b.publicVersion ?? v)!.lines} currency={t(b.currency === 'KGS' ? 'budgets.currency.KGS' : 'budgets.currency.KZT')} canWrite={b.viewerCanEdit} />}
    </>
  );
}

/** A box of a line card: its visible label, the control, and the error about that box right under it. */
function Cell({ label, id, error, className, children }: { label: string; id: string; error?: string | null; className?: string; children: ReactNode }) {
  return (
    <div className={`line-card__cell ${className ?? ''}${error ? ' field--error' : ''}`}>
      <label htmlFor={id} aria-hidden="true">
        {label}
      </label>
      {children}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

type Run = (fn: () => Promise<unknown>, done: string) => Promise<void>;

function PublishForm({ versionId, revision, busy, run }: { versionId: string; revision: number; busy: boolean; run: Run }) {
  const { t } = useI18n();
  const [until, setUntil] = useState(() => isoToDisplayDate(new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10)));
  const [bad, setBad] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const iso = readDisplayDate(until);
    setBad(!iso);
    if (iso) void run(() => graphql.request(PUBLISH_VERSION, { input: { versionId, expectedRevision: revision, commentsUntil: iso } }), t('budgets.editor.published'));
  };
  return (
    <form className="form" onSubmit={submit}>
      <h2>{t('budgets.editor.publishTitle')}</h2>
      <p className="muted">{t('budgets.editor.publishHint')}</p>
      <DateField label={t('budgets.editor.commentsUntil')} value={until} onChange={(e) => setUntil(e.target.value)} error={bad ? t('errors.date.invalid') : null} required />
      <button type="submit" className="button" disabled={busy}>
        {t('budgets.editor.publish')}
      </button>
    </form>
  );
}

function ApproveForm({ versionId, revision, busy, run }: { versionId: string; revision: number; busy: boolean; run: Run }) {
  const { t } = useI18n();
  const [date, setDate] = useState(() => isoToDisplayDate(new Date().toISOString().slice(0, 10)));
  const [bad, setBad] = useState(false);
  const [number, setNumber] = useState('');
  const [url, setUrl] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const iso = readDisplayDate(date);
    setBad(!iso);
    if (iso) void run(() => graphql.request(APPROVE_VERSION, { input: { versionId, expectedRevision: revision, decisionDate: iso, decisionNumber: number, decisionFileUrl: url || null } }), t('budgets.editor.approved'));
  };
  return (
    <form className="form" onSubmit={submit}>
      <h2>{t('budgets.editor.approveTitle')}</h2>
      <DateField label={t('budgets.editor.decisionDate')} value={date} onChange={(e) => setDate(e.target.value)} error={bad ? t('errors.date.invalid') : null} required />
      <Field label={t('budgets.editor.decisionNumber')} value={number} onChange={(e) => setNumber(e.target.value)} required />
      <Field label={t('budgets.editor.decisionFileUrl')} type="url" value={url} onChange={(e) => setUrl(e.target.value)} />
      <button type="submit" className="button" disabled={busy}>
        {t('budgets.editor.approve')}
      </button>
    </form>
  );
}

function AmendForm({ versionId, busy, run }: { versionId: string; busy: boolean; run: Run }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  return (
    <form className="form" onSubmit={(e) => (e.preventDefault(), void run(() => graphql.request(AMEND_BUDGET, { input: { versionId, reason } }), t('budgets.editor.amended')))}>
      <h2>{t('budgets.editor.amendTitle')}</h2>
      <Field label={t('budgets.editor.amendReason')} value={reason} onChange={(e) => setReason(e.target.value)} required minLength={3} />
      <button type="submit" className="button" disabled={busy}>
        {t('budgets.editor.amend')}
      </button>
    </form>
  );
}
