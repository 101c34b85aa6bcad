import { FormEvent, useEffect, useId, useState } from 'react';
import { graphql } from '../../api/graphql.client';
import { outboxSender, sendOrQueueWrite } from '../../offline/offline-runtime';
import { useQuery } from '../../api/use-query.hook';
import { useI18n } from '../../i18n/i18n.context';
import { Field, SelectField, TextAreaField } from '../../ui/field.component';
import { FormAlert } from '../../ui/form-alert.component';
import { useFormSubmit } from '../../ui/form-submit.hook';
import { ErrorMessage, Loading } from '../../ui/query-status.component';
import { CREATE_NOTE, Line, MONITORING_NOTES, MonitoringNote, NotesData, NoteStatus, REPLY_TO_NOTE, SET_NOTE_STATUS } from './budget.operations';
import { parseTarget, sortNotes } from './execution';
import { NOTE_STATUS_KEY, NOTE_STATUSES } from './labels';
import { formatMinor } from './money';
import { Describe, NoteView } from './note-view.component';

/** For the budget group: findings on a line or a record, their threads and status; resolved ones go public. */
/** `canWrite`: the budget group writes findings; the community admin reads them (the API enforces both). */
export function MonitoringNotes({ budgetId, lines, currency, canWrite }: { budgetId: string; lines: Line[]; currency: string; canWrite: boolean }) {
  const { t, pick, locale, formatDate } = useI18n();
  const [reload, setReload] = useState(0);
  const { data: fresh, error, retry } = useQuery(MONITORING_NOTES, { id: budgetId, reload });
  // While a change reloads the thread, the previous answer stays on screen (no flash of "loading", focus kept).
  const [last, setLast] = useState<NotesData | null>(null);
  useEffect(() => {
    if (fresh) setLast(fresh);
  }, [fresh]);
  const data = fresh ?? last;
  const [notice, setNotice] = useState<string | null>(null);
  const changed = (message: string) => {
    setNotice(message);
    setReload((n) => n + 1);
  };
  // Notes sent from the phone's queue appear in the list.
  useEffect(() => outboxSender.onSent(() => setReload((n) => n + 1)), []);
  const describe: Describe = {
    line: (key) => {
      const l = lines.find((x) => x.lineKey === key);
      return l ? `${l.economicCode} ${pick(l.names)}` : t('budgets.notes.unknownTarget');
    },
    record: (id) => {
      const x = data?.budget.transactions.find((r) => r.id === id);
      return x ? `${formatDate(x.occurredOn)} · ${formatMinor(x.amount, locale)} ${currency}${x.counterparty ? ` · ${x.counterparty}` : ''}` : '';
    },
  };

  return (
    <section aria-labelledby="notes-heading">
      <h2 id="notes-heading">{t('budgets.notes.title')}</h2>
      <p className="muted">{t('budgets.notes.hint')}</p>
      <p className="status" role="status">
        {notice}
      </p>
      {error ? (
        <ErrorMessage error={error} onRetry={retry} />
      ) : !data ? (
        <Loading />
      ) : (
        <>
          {data.budget.monitoringNotes.length === 0 ? (
            <p className="muted">{t('budgets.notes.none')}</p>
          ) : (
            <ul className="notes">
              {sortNotes(data.budget.monitoringNotes).map((n) =>
                canWrite ? <NoteItem key={n.id} note={n} describe={describe} onChanged={changed} /> : <NoteView key={n.id} note={n} describe={describe} />,
              )}
            </ul>
          )}
          {canWrite && <NewNoteForm budgetId={budgetId} lines={lines} records={data.budget.transactions} describe={describe} onCreated={(queued) => changed(t(queued ? 'offline.savedOnPhone' : 'budgets.notes.created'))} />}
        </>
      )}
    </section>
  );
}

function NoteItem({ note, describe, onChanged }: { note: MonitoringNote; describe: Describe; onChanged: (message: string) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [body, setBody] = useState('');
  const [replying, setReplying] = useState(false);
  const [status, setStatus] = useState<NoteStatus>(note.status);
  const form = useFormSubmit({ body: 'body', status: 'status' });
  const busy = form.busy;

  const act = (fn: () => Promise<unknown>, done: string) =>
    form.submit(async () => {
      await fn();
      onChanged(done);
    });
  const reply = (e: FormEvent) => {
    e.preventDefault();
    void act(async () => {
      await graphql.request(REPLY_TO_NOTE, { noteId: note.id, body });
      setBody('');
    }, t('budgets.notes.replied'));
  };
  const changeStatus = (e: FormEvent) => {
    e.preventDefault();
    void act(() => graphql.request(SET_NOTE_STATUS, { noteId: note.id, status }), t('budgets.notes.statusChanged'));
  };

  return (
    <NoteView note={note} describe={describe}>
      <FormAlert text={form.general} />
      <form className="note-actions" onSubmit={changeStatus}>
        <SelectField label={t('budgets.notes.newStatus')} id={`${id}-status`} className="grid-input" value={status} onChange={(e) => setStatus(e.target.value as NoteStatus)} error={form.fieldError('status')}>
          {NOTE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(NOTE_STATUS_KEY[s])}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button button--secondary" disabled={busy || status === note.status}>
          {t('budgets.notes.changeStatus')}
        </button>
      </form>
      <button type="button" className="link-button" aria-expanded={replying} aria-controls={`${id}-reply-form`} onClick={() => setReplying((r) => !r)}>
        {t('budgets.notes.openReply')}
      </button>
      {replying && (
        <form className="form" id={`${id}-reply-form`} onSubmit={reply}>
          <TextAreaField label={t('budgets.notes.reply')} id={`${id}-reply`} className="grid-input" rows={3} maxLength={8000} value={body} onChange={(e) => setBody(e.target.value)} error={form.fieldError('body')} required autoFocus />
          <button type="submit" className="button" disabled={busy || !body.trim()}>
            {t('budgets.notes.sendReply')}
          </button>
        </form>
      )}
    </NoteView>
  );
}

/** Errors shown next to their field (the target box answers for the line and the record); any other goes to the alert at the top. */
const NOTE_FIELDS = { 'input.title': 'title', 'input.body': 'body', 'input.lineKey': 'target', 'input.transactionId': 'target', 'input.status': 'status' } as const;

function NewNoteForm({ budgetId, lines, records, describe, onCreated }: { budgetId: string; lines: Line[]; records: NotesData['budget']['transactions']; describe: Describe; onCreated: (queued: boolean) => void }) {
  const { t } = useI18n();
  const id = useId();
  // An explicit choice: a note silently filed under the first line was a misfiled finding (issue 9).
  const [target, setTarget] = useState('');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [status, setStatus] = useState<NoteStatus>('QUESTION');
  const form = useFormSubmit<(typeof NOTE_FIELDS)[keyof typeof NOTE_FIELDS]>(NOTE_FIELDS);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    // Checked here too: a note queued offline would otherwise learn only later that it lacked these.
    const missing = { ...(target ? {} : { target: { key: 'errors.budgets.noteTarget' } }), ...(title.trim() ? {} : { title: { key: 'errors.validation.required' } }) };
    if (Object.keys(missing).length) return form.setErrors({ fields: missing, general: { key: 'errors.BAD_USER_INPUT' } });
    void form.submit(async () => {
      const r = await sendOrQueueWrite(CREATE_NOTE, { input: { budgetId, ...parseTarget(target), title, body, status } }, { key: 'offline.op.note', params: { title } });
      setTarget('');
      setTitle('');
      setBody('');
      setStatus('QUESTION');
      onCreated(r.queued);
    });
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      <h3>{t('budgets.notes.newTitle')}</h3>
      <FormAlert text={form.general} />
      <SelectField label={t('budgets.notes.target')} id={`${id}-target`} className="grid-input" value={target} onChange={(e) => setTarget(e.target.value)} error={form.fieldError('target')} required>
        <option value="">{t('budgets.notes.chooseTarget')}</option>
        <optgroup label={t('budgets.notes.targetLines')}>
          {lines.map((l) => (
            <option key={l.lineKey} value={`line:${l.lineKey}`}>
              {describe.line(l.lineKey)}
            </option>
          ))}
        </optgroup>
        {records.length > 0 && (
          <optgroup label={t('budgets.notes.targetRecords')}>
            {records.map((r) => (
              <option key={r.id} value={`tx:${r.id}`}>
                {describe.record(r.id)}
              </option>
            ))}
          </optgroup>
        )}
      </SelectField>
      <SelectField label={t('budgets.notes.status')} id={`${id}-status`} className="grid-input" value={status} onChange={(e) => setStatus(e.target.value as NoteStatus)} error={form.fieldError('status')}>
        {NOTE_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(NOTE_STATUS_KEY[s])}
          </option>
        ))}
      </SelectField>
      <Field label={t('budgets.notes.noteTitle')} value={title} onChange={(e) => setTitle(e.target.value)} error={form.fieldError('title')} maxLength={200} required />
      <TextAreaField label={t('budgets.notes.body')} id={`${id}-body`} className="grid-input" rows={4} maxLength={8000} value={body} onChange={(e) => setBody(e.target.value)} error={form.fieldError('body')} required />
      <button type="submit" className="button" disabled={form.busy}>
        {t('budgets.notes.create')}
      </button>
    </form>
  );
}
