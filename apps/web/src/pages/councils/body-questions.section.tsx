import { FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { graphql } from '../../api/graphql.client';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { SelectField, TextAreaField } from '../../ui/field.component';
import { FormAlert } from '../../ui/form-alert.component';
import { useFormSubmit } from '../../ui/form-submit.hook';
import { CW_ANSWER_QUESTION, CW_ASK, CW_QUESTION_ON_AGENDA, CwBody, CwQuestion } from './councils.operations';
import { meetingTime, QUESTION_KEY } from './labels';

type Props = { b: CwBody; onChange: () => void };

/**
 * Residents' questions: a signed-in resident asks and sees their own; the secretary sees all and answers
 * one or puts it on a scheduled meeting's agenda (the sender gets a message either way, on the server).
 */
export function QuestionsSection({ b, onChange }: Props) {
  const { t, formatDate } = useI18n();
  const { status } = useSession();
  const meetings = b.meetings.filter((m) => m.status === 'SCHEDULED');
  return (
    <section aria-labelledby="cw-questions">
      <h2 id="cw-questions">{t('councils.web.questions.title')}</h2>
      {b.questions.length > 0 && (
        <ul className="list">
          {b.questions.map((q) => (
            <li key={q.id} className="cw-row cw-question" data-status={q.status}>
              <span className="list__title">{q.text}</span>
              <span className="list__meta">
                {formatDate(q.createdAt.slice(0, 10))} · <span className="cw-status">{t(QUESTION_KEY[q.status])}</span>
              </span>
              {q.answerText && <p>{t('councils.web.questions.answerShown', { answer: q.answerText })}</p>}
              {b.viewerIsSecretary && q.status === 'OPEN' && <HandleQuestion q={q} meetings={meetings} onChange={onChange} />}
            </li>
          ))}
        </ul>
      )}
      {status === 'authenticated' ? (
        <AskForm bodyId={b.id} onChange={onChange} />
      ) : (
        status === 'anonymous' && (
          <p>
            <Link to={`/login?next=${encodeURIComponent(`/councils/${b.id}`)}`}>{t('councils.web.questions.signIn')}</Link>
          </p>
        )
      )}
    </section>
  );
}

function AskForm({ bodyId, onChange }: { bodyId: string; onChange: () => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [sent, setSent] = useState(false);
  const form = useFormSubmit<'text'>({ 'input.text': 'text' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSent(false);
    if (!text.trim()) return form.setErrors({ fields: { text: { key: 'errors.validation.required' } }, general: { key: 'errors.BAD_USER_INPUT' } });
    void form.submit(async () => {
      await graphql.request(CW_ASK, { input: { bodyId, text: text.trim() } });
      setText('');
      setSent(true);
      onChange();
    });
  };
  return (
    <form className="form cw-form" onSubmit={submit} noValidate aria-labelledby="cw-ask">
      <h3 id="cw-ask">{t('councils.web.questions.ask')}</h3>
      <FormAlert text={form.general} />
      <TextAreaField label={t('councils.web.questions.text')} hint={t('councils.web.questions.hint')} value={text} onChange={(e) => setText(e.target.value)} error={form.fieldError('text')} rows={3} maxLength={5000} required />
      <button type="submit" className="button" disabled={form.busy}>
        {t('councils.web.questions.submit')}
      </button>
      {sent && <p role="status">{t('councils.web.questions.sent')}</p>}
    </form>
  );
}

function HandleQuestion({ q, meetings, onChange }: { q: CwQuestion; meetings: CwBody['meetings']; onChange: () => void }) {
  const { t, locale } = useI18n();
  const [answer, setAnswer] = useState('');
  const [meetingId, setMeetingId] = useState(meetings[0]?.id ?? '');
  const form = useFormSubmit<'answer' | 'meeting'>({ 'input.answer': 'answer', meetingId: 'meeting' });
  const answerIt = (e: FormEvent) => {
    e.preventDefault();
    if (!answer.trim()) return form.setErrors({ fields: { answer: { key: 'errors.validation.required' } }, general: { key: 'errors.BAD_USER_INPUT' } });
    void form.submit(async () => (await graphql.request(CW_ANSWER_QUESTION, { input: { questionId: q.id, answer: answer.trim() } }), onChange()));
  };
  const toAgenda = () => void form.submit(async () => (await graphql.request(CW_QUESTION_ON_AGENDA, { questionId: q.id, meetingId }), onChange()));
  return (
    <details className="cw-tools">
      <summary>{t('councils.web.questions.handle')}</summary>
      <form className="form cw-form" onSubmit={answerIt} noValidate aria-label={t('councils.web.questions.handle')}>
        <FormAlert text={form.general} />
        <TextAreaField label={t('councils.web.questions.answer')} value={answer} onChange={(e) => setAnswer(e.target.value)} error={form.fieldError('answer')} rows={3} maxLength={10000} />
        <button type="submit" className="button" disabled={form.busy}>
          {t('councils.web.questions.answerSubmit')}
        </button>
        {meetings.length > 0 && (
          <>
            <SelectField label={t('councils.web.questions.meeting')} value={meetingId} onChange={(e) => setMeetingId(e.target.value)} error={form.fieldError('meeting')}>
              {meetings.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.title} · {meetingTime(m.startsAt, m.timeZone, locale)}
                </option>
              ))}
            </SelectField>
            <button type="button" className="button button--secondary" disabled={form.busy || !meetingId} onClick={toAgenda}>
              {t('councils.web.questions.toAgenda')}
            </button>
          </>
        )}
      </form>
    </details>
  );
}
