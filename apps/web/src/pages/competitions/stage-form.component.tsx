import { useId } from 'react';
import type { Message } from '../../api/graphql-errors';
import { useI18n } from '../../i18n/i18n.context';
import { readAmountMinor, readWhole } from '../../ui/number-input';
import { Field, SelectField, TextAreaField } from '../../ui/field.component';
import { FilePicker } from '../../ui/file-picker.component';
import { minorToInput } from '../budget/money';
import { budgetLines, budgetTotal, FormField, lineTotal } from './form';
import { CURRENCY_KEY } from './labels';
import { useMoney } from './money';

/** What the form holds while someone types: numbers as typed text, read on save. */
export interface TypedLine {
  item: string;
  quantity: string;
  unitCost: string;
}
export type TypedValue = string | TypedLine[] | { name: string; contentType: string; fileId?: string } | null;
export type TypedAnswers = Record<string, TypedValue>;

/** Answers from the API → what the boxes show. */
export function typedFromAnswers(fields: FormField[], answers: Record<string, unknown>): TypedAnswers {
  const out: TypedAnswers = {};
  for (const f of fields) {
    const v = answers[f.key];
    if (f.type === 'BUDGET') out[f.key] = budgetLines(v).map((l) => ({ item: l.item, quantity: String(l.quantity), unitCost: minorToInput(l.unitCost) }));
    else if (f.type === 'FILE') out[f.key] = v && typeof v === 'object' ? (v as { name: string; contentType: string }) : null;
    else if (f.type === 'MONEY') out[f.key] = typeof v === 'string' ? minorToInput(v) : '';
    else out[f.key] = v == null ? '' : String(v);
  }
  return out;
}

/** What the boxes show → the answers the API reads, or the boxes that cannot be read (field key → message). */
export function answersFromTyped(fields: FormField[], typed: TypedAnswers): { answers: Record<string, unknown>; problems: Record<string, Message> } {
  const answers: Record<string, unknown> = {};
  const problems: Record<string, Message> = {};
  for (const f of fields) {
    const v = typed[f.key];
    if (f.type === 'BUDGET') {
      const lines = (Array.isArray(v) ? v : []).filter((l) => l.item.trim() || l.quantity.trim() || l.unitCost.trim());
      const read = lines.map((l) => ({ item: l.item.trim(), q: readWhole(l.quantity, { required: true }), c: readAmountMinor(l.unitCost) }));
      const bad = read.find((r) => !r.q.ok || !r.c.ok || r.c.value === null);
      if (bad) problems[f.key] = !bad.q.ok ? bad.q.message : !bad.c.ok ? bad.c.message : { key: 'errors.competitions.answers.notMoney' };
      else answers[f.key] = { lines: read.map((r) => ({ item: r.item, quantity: (r.q as { value: number }).value, unitCost: (r.c as { value: string }).value })) };
    } else if (f.type === 'FILE') {
      if (v && typeof v === 'object' && !Array.isArray(v)) answers[f.key] = v;
    } else if (typeof v === 'string' && v.trim()) {
      if (f.type === 'MONEY') {
        const r = readAmountMinor(v);
        if (r.ok) answers[f.key] = r.value;
        else problems[f.key] = r.message;
      } else if (f.type === 'NUMBER') {
        const n = Number(v.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.'));
        if (Number.isFinite(n)) answers[f.key] = n;
        else problems[f.key] = { key: 'errors.competitions.answers.notNumber' };
      } else answers[f.key] = f.type === 'TEXT' ? v : v.trim();
    }
  }
  return { answers, problems };
}

/** One stage's configurable form; `readOnly` shows a frozen stage the same way. */
export function StageFields({
  fields,
  value,
  onChange,
  errorOf,
  currency,
  readOnly,
  onFile,
}: {
  fields: FormField[];
  value: TypedAnswers;
  onChange: (key: string, v: TypedValue) => void;
  errorOf: (key: string) => string | null;
  currency: string;
  readOnly?: boolean;
  /** Uploads a chosen file; resolves to the stored file's answer. */
  onFile?: (field: FormField, file: File) => void;
}) {
  const { t, pick } = useI18n();
  const currencyName = t(CURRENCY_KEY[currency] ?? currency);
  return (
    <>
      {fields.map((f) => {
        const label = pick(f.label) || f.key;
        const err = errorOf(f.key);
        const v = value[f.key];
        const req = f.required ? t('competitions.web.form.requiredMark') : undefined;
        switch (f.type) {
          case 'TEXT':
            return (
              <TextAreaField key={f.key} label={label} hint={[req, f.maxLength ? t('competitions.web.form.textLimit', { min: f.minLength ?? 0, max: f.maxLength }) : null].filter(Boolean).join(' · ') || undefined} value={typeof v === 'string' ? v : ''} onChange={(e) => onChange(f.key, e.target.value)} error={err} rows={4} maxLength={f.maxLength} readOnly={readOnly} required={f.required} />
            );
          case 'NUMBER':
          case 'MONEY':
            return (
              <Field key={f.key} label={f.type === 'MONEY' ? t('competitions.web.form.moneyLabel', { label, currency: currencyName }) : label} hint={req} inputMode="decimal" value={typeof v === 'string' ? v : ''} onChange={(e) => onChange(f.key, e.target.value)} error={err} readOnly={readOnly} required={f.required} />
            );
          case 'CHOICE':
            return (
              <SelectField key={f.key} label={label} hint={req} value={typeof v === 'string' ? v : ''} onChange={(e) => onChange(f.key, e.target.value)} error={err} disabled={readOnly} required={f.required}>
                <option value="">{t('competitions.web.form.choose')}</option>
                {(f.options ?? []).map((o) => (
                  <option key={o} value={o}>
                    {o}
                  </option>
                ))}
              </SelectField>
            );
          case 'FILE':
            return <FileField key={f.key} field={f} label={label} value={v} error={err} readOnly={readOnly} onFile={onFile} />;
          case 'BUDGET':
            return <BudgetTable key={f.key} field={f} label={label} lines={Array.isArray(v) ? v : []} onChange={(lines) => onChange(f.key, lines)} error={err} currency={currency} readOnly={readOnly} />;
        }
      })}
    </>
  );
}

function FileField({ field, label, value, error, readOnly, onFile }: { field: FormField; label: string; value: TypedValue | undefined; error: string | null; readOnly?: boolean; onFile?: (field: FormField, file: File) => void }) {
  const { t } = useI18n();
  const hintId = useId();
  const chosen = value && typeof value === 'object' && !Array.isArray(value) ? value : null;
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <p id={hintId} className="field__hint">
        {label}
        {field.required ? ` · ${t('competitions.web.form.requiredMark')}` : ''} · {t('competitions.web.form.fileTypes', { types: (field.allowedTypes ?? []).join(', ') })}
      </p>
      {error && <p className="field__error">{error}</p>}
      {readOnly || !onFile ? (
        <p>{chosen ? chosen.name : t('competitions.web.form.noFile')}</p>
      ) : (
        <FilePicker label={t('competitions.web.form.chooseFile', { label })} describedBy={hintId} accept={(field.allowedTypes ?? []).join(',')} fileName={chosen?.name ?? null} onFile={(file) => onFile(field, file)} />
      )}
    </div>
  );
}

/** Cost lines item × quantity × unit cost, each line's total and the table's total (exact, minor units). */
function BudgetTable({ field, label, lines, onChange, error, currency, readOnly }: { field: FormField; label: string; lines: TypedLine[]; onChange: (l: TypedLine[]) => void; error: string | null; currency: string; readOnly?: boolean }) {
  const { t } = useI18n();
  const money = useMoney(currency);
  const currencyName = t(CURRENCY_KEY[currency] ?? currency);
  const read = lines.map((l) => {
    const q = readWhole(l.quantity);
    const c = readAmountMinor(l.unitCost);
    return { item: l.item, quantity: q.ok && q.value ? q.value : 0, unitCost: c.ok && c.value ? c.value : '0' };
  });
  const set = (i: number, k: keyof TypedLine, v: string) => onChange(lines.map((l, j) => (j === i ? { ...l, [k]: v } : l)));
  const max = field.maxLines ?? 50;
  const headingId = useId();
  const errorId = `${headingId}-error`;
  return (
    <fieldset className={error ? 'cmp-budget field field--error' : 'cmp-budget field'} aria-labelledby={headingId} aria-describedby={error ? errorId : undefined}>
      <legend id={headingId}>
        {label}
        {field.required ? ` · ${t('competitions.web.form.requiredMark')}` : ''}
      </legend>
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
      {lines.map((l, i) => (
        <fieldset key={i} className="cmp-budget-line">
          <legend>{t('competitions.web.budget.line', { n: i + 1 })}</legend>
          <Field label={t('competitions.web.budget.item')} value={l.item} onChange={(e) => set(i, 'item', e.target.value)} readOnly={readOnly} maxLength={300} />
          <Field label={t('competitions.web.budget.quantity')} inputMode="numeric" value={l.quantity} onChange={(e) => set(i, 'quantity', e.target.value)} readOnly={readOnly} />
          <Field label={t('competitions.web.budget.unitCost', { currency: currencyName })} inputMode="decimal" value={l.unitCost} onChange={(e) => set(i, 'unitCost', e.target.value)} readOnly={readOnly} />
          <p>{t('competitions.web.budget.lineTotal', { amount: money(lineTotal(read[i]).toString()) })}</p>
          {!readOnly && (
            <button type="button" className="button button--secondary" onClick={() => onChange(lines.filter((_, j) => j !== i))}>
              {t('competitions.web.budget.remove', { n: i + 1 })}
            </button>
          )}
        </fieldset>
      ))}
      {!readOnly && lines.length < max && (
        <button type="button" className="button button--secondary" onClick={() => onChange([...lines, { item: '', quantity: '1', unitCost: '' }])}>
          {t('competitions.web.budget.add')}
        </button>
      )}
      <p className="cmp-total" aria-live="polite">
        {t('competitions.web.budget.total', { amount: money(budgetTotal(read).toString()) })}
      </p>
    </fieldset>
  );
}
