import { FormEvent, useEffect, useState } from 'react';
import { useQuery } from '../../api/use-query.hook';
import { useI18n } from '../../i18n/i18n.context';
import { outboxSender, sendOrQueueWrite } from '../../offline/offline-runtime';
import { DateField, isoToDisplayDate, readDisplayDate } from '../../ui/date-field.component';
import { Field, SelectField } from '../../ui/field.component';
import { FormAlert } from '../../ui/form-alert.component';
import { useFormSubmit } from '../../ui/form-submit.hook';
import { ErrorMessage, Loading } from '../../ui/query-status.component';
import { EXECUTION, RECORD_TRANSACTION, Version } from './budget.operations';
import { ImportForm } from './import-form.component';
import { FLAG_KEY } from './labels';
import { cleanNumberInput, minorToDecimalText, readAmountMinor } from '../../ui/number-input';
import { formatMinor } from './money';
import { MonthlyExecution } from './monthly-execution.component';
import { ReceiptUpload } from './receipt-upload.component';

/** For the budget group: flags to look at, and fast entry of spending records and receipts (phone-friendly). */
export function ExecutionPanel({ budgetId, version, fiscalYear, currency }: { budgetId: string; version: Version; fiscalYear: number; currency: string }) {
  const { t, pick, locale, formatDate } = useI18n();
  const [reload, setReload] = useState(0);
  const { data, error, loading, retry } = useQuery(EXECUTION, { id: budgetId, reload });
  const [lineKey, setLineKey] = useState(version.lines.find((l) => l.direction === 'EXPENDITURE')?.lineKey ?? version.lines[0]?.lineKey ?? '');
  // Typed as dd.mm.yyyy in our own box (the browser's date box speaks the browser's language).
  const [date, setDate] = useState(() => {
    const today = new Date().toISOString().slice(0, 10);
    return isoToDisplayDate(today.startsWith(`${fiscalYear}-`) ? today : `${fiscalYear}-01-01`);
  });
  const [boxErrors, setBoxErrors] = useState<{ date?: string; amount?: string }>({});
  const [amount, setAmount] = useState('');
  const [counterparty, setCounterparty] = useState('');
  const [purpose, setPurpose] = useState('');
  const [documentNumber, setDocumentNumber] = useState('');
  const form = useFormSubmit({
    'input.lineKey': 'lineKey',
    'input.occurredOn': 'occurredOn',
    'input.amount': 'amount',
    'input.counterparty': 'counterparty',
    'input.purpose': 'purpose',
    'input.documentNumber': 'documentNumber',
  });
  const [notice, setNotice] = useState<string | null>(null);
  // Records sent from the phone's queue appear in the list and the flags.
  useEffect(() => outboxSender.onSent(() => setReload((n) => n + 1)), []);
  const lineName = (key: string | null) => {
    const l = version.lines.find((x) => x.lineKey === key);
    return l ? `${l.economicCode} ${pick(l.names)}` : '';
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    // Read here, so a date or amount the API could not read is said at its box before anything is sent or queued.
    const occurredOn = readDisplayDate(date);
    const minor = readAmountMinor(amount);
    const problems = {
      date: occurredOn ? undefined : t('errors.date.invalid'),
      amount: !minor.ok ? t(minor.message.key, minor.message.params) : minor.value === null ? t('errors.validation.required') : undefined,
    };
    setBoxErrors(problems);
    if (problems.date || problems.amount || !minor.ok || minor.value === null || !occurredOn) return;
    const amountText = minorToDecimalText(minor.value);
    void form.submit(async () => {
      // Without a connection the record waits in the outbox (with its id made here, so a re-send is stored once).
      const input = { budgetId, lineKey, occurredOn, amount: amountText, counterparty: counterparty || null, purpose: purpose || null, documentNumber: documentNumber || null, attachments: [] };
      const r = await sendOrQueueWrite(RECORD_TRANSACTION, { input }, { key: 'offline.op.record', params: { amount: `${lineName(lineKey)} · ${amount} ${currency}` } });
      setNotice(t(r.queued ? 'offline.savedOnPhone' : 'budgets.execution.recorded'));
      setAmount('');
      setPurpose('');
      setDocumentNumber('');
      setReload((n) => n + 1);
    });
  };
  const fieldError = form.fieldError;

  return (
    <section aria-labelledby="execution-panel-heading">
      <h2 id="execution-panel-heading">{t('budgets.execution.title')}</h2>
      {error ? (
        <ErrorMessage error={error} onRetry={retry} />
      ) : loading || !data ? (
        <Loading />
      ) : (
        <>
          <h3>{t('budgets.execution.flagsTitle')}</h3>
          {data.budget.flags.length === 0 ? (
            <p className="muted">{t('budgets.execution.noFlags')}</p>
          ) : (
            <ul className="list list--plain">
              {data.budget.flags.map((f, i) => (
                <li key={`${f.kind}-${f.lineKey}-${f.transactionId}-${i}`}>
                  <span className="list__title">{t(FLAG_KEY[f.kind])}</span>
                  <span className="list__meta">
                    {lineName(f.lineKey)}
                    {f.amount ? ` · ${formatMinor(f.amount, locale)} ${currency}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <MonthlyExecution lines={version.lines} monthly={data.budget.publicVersion?.lines ?? []} flags={data.budget.flags} currency={currency} />
        </>
      )}
      <form className="form" onSubmit={submit}>
        <h3>{t('budgets.execution.recordTitle')}</h3>
        {notice && (
          <p className="status" role="status">
            {notice}
          </p>
        )}
        <FormAlert text={form.general} />
        <SelectField label={t('budgets.execution.line')} id="record-line" className="grid-input" value={lineKey} onChange={(e) => setLineKey(e.target.value)} error={fieldError('lineKey')}>
          {version.lines.map((l) => (
            <option key={l.lineKey} value={l.lineKey}>
              {lineName(l.lineKey)}
            </option>
          ))}
        </SelectField>
        <DateField label={t('budgets.execution.date')} value={date} onChange={(e) => setDate(e.target.value)} error={boxErrors.date ?? fieldError('occurredOn')} required />
        <Field label={t('budgets.execution.amount')} inputMode="decimal" value={amount} onChange={(e) => setAmount(cleanNumberInput(e.target.value))} error={boxErrors.amount ?? fieldError('amount')} required />
        <Field label={t('budgets.execution.counterparty')} value={counterparty} onChange={(e) => setCounterparty(e.target.value)} error={fieldError('counterparty')} />
        <Field label={t('budgets.execution.purpose')} value={purpose} onChange={(e) => setPurpose(e.target.value)} error={fieldError('purpose')} />
        <Field label={t('budgets.execution.documentNumber')} value={documentNumber} onChange={(e) => setDocumentNumber(e.target.value)} error={fieldError('documentNumber')} />
        <button type="submit" className="button" disabled={form.busy || !lineKey}>
          {t('budgets.execution.record')}
        </button>
      </form>
      <ImportForm budgetId={budgetId} kind="LEDGER" onDone={() => setReload((n) => n + 1)} />
      <ImportForm budgetId={budgetId} kind="TREASURY" onDone={() => setReload((n) => n + 1)} />
      {data && (
        <>
          <h3>{t('budgets.execution.recentTitle')}</h3>
          {data.budget.transactions.length === 0 ? (
            <p className="muted">{t('budgets.execution.noRecords')}</p>
          ) : (
            <ul className="list list--plain">
              {data.budget.transactions.map((x) => (
                <li key={x.id}>
                  <span className="list__title">
                    {formatMinor(x.amount, locale)} {currency} · {formatDate(x.occurredOn)}
                  </span>
                  <span className="list__meta">
                    {lineName(x.lineKey)}
                    {x.counterparty ? ` · ${x.counterparty}` : ''}
                    {x.documentNumber ? ` · ${x.documentNumber}` : ''}
                  </span>
                  {x.kind === 'SPENDING' && <ReceiptUpload transactionId={x.id} attached={x.attachments.length} onDone={() => (setNotice(t('budgets.receipt.done')), setReload((n) => n + 1))} />}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
