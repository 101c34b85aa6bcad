import { FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { graphql } from '../../api/graphql.client';
import { useQuery } from '../../api/use-query.hook';
import { useI18n } from '../../i18n/i18n.context';
import { DateField, isoToDisplayDate, readDisplayDate } from '../../ui/date-field.component';
import { Field, SelectField, TextAreaField } from '../../ui/field.component';
import { FormAlert } from '../../ui/form-alert.component';
import { useFormSubmit } from '../../ui/form-submit.hook';
import { CW_ANSWER_RECOMMENDATION, CW_ASSESS_RECOMMENDATION, CW_RECOMMENDATION_IMPLEMENTED, CW_SEND_RECOMMENDATION, CW_STATE_BODIES, CwBody, CwRecommendation, RecommendationAssessment } from './councils.operations';
import { ASSESSMENT_KEY, RECOMMENDATION_KEY, todayIso } from './labels';

type Props = { b: CwBody; onChange: () => void };

/** Recommendations with their follow-up (sent, answered with the document, assessed, implemented, overdue); the secretary records each step. */
export function RecommendationsSection({ b, onChange }: Props) {
  const { t, pick, formatDate } = useI18n();
  const addressees = useQuery(CW_STATE_BODIES, { country: b.country }, { cache: true });
  const name = new Map((addressees.data?.stateBodies ?? []).map((s) => [s.id, pick(s.name)]));
  return (
    <section aria-labelledby="cw-recommendations">
      <h2 id="cw-recommendations">{t('councils.web.body.recommendations')}</h2>
      <p>
        <Link to="/councils/tracker">{t('councils.web.recommendations.tracker')}</Link>
      </p>
      {b.recommendations.length === 0 ? (
        <p className="muted">{t('councils.web.body.noRecommendations')}</p>
      ) : (
        <ul className="list">
          {b.recommendations.map((r) => (
            <li key={r.id} className="cw-row cw-recommendation" data-status={r.status}>
              <span className="list__title">{r.title}</span>
              <span className="list__meta">
                {name.get(r.addresseeId) ?? ''} · {t('councils.web.recommendations.sentOn', { date: formatDate(r.sentOn) })}
              </span>
              <span className="list__meta">
                <span className={`cw-status cw-status--${r.status.toLowerCase()}`}>{t(RECOMMENDATION_KEY[r.status])}</span> · {t('councils.web.body.deadline', { date: formatDate(r.deadline) })}
              </span>
              <details className="cw-votes-details">
                <summary>{t('councils.web.recommendations.details')}</summary>
                <p>{r.text}</p>
                {r.answerText && (
                  <p>
                    <strong>{t('councils.web.recommendations.answer', { date: r.answeredOn ? formatDate(r.answeredOn) : '' })}</strong> {r.answerText}
                  </p>
                )}
                {r.answerDocumentUrl && (
                  <p>
                    <a href={r.answerDocumentUrl}>{r.answerDocumentName || t('councils.web.recommendations.answerDocument')}</a>
                  </p>
                )}
                {r.assessment && <p>{t('councils.web.recommendations.assessmentNote', { note: r.assessment })}</p>}
                {r.implementedOn && <p>{t('councils.web.recommendations.implementedOn', { date: formatDate(r.implementedOn) })}</p>}
                {b.viewerIsSecretary && <FollowUpForms r={r} onChange={onChange} />}
              </details>
            </li>
          ))}
        </ul>
      )}
      {b.viewerIsSecretary && <SendForm b={b} addressees={addressees.data?.stateBodies ?? []} onChange={onChange} />}
    </section>
  );
}

/** The next step the follow-up allows (the server's state machine refuses anything else). */
function FollowUpForms({ r, onChange }: { r: CwRecommendation; onChange: () => void }) {
  if (r.status === 'SENT' || r.status === 'OVERDUE') return <AnswerForm r={r} onChange={onChange} />;
  if (r.status === 'ANSWERED') return <AssessForm r={r} onChange={onChange} />;
  if (r.status === 'ACCEPTED' || r.status === 'PARTLY_ACCEPTED') return <ImplementedForm r={r} onChange={onChange} />;
  return null;
}

function AnswerForm({ r, onChange }: { r: CwRecommendation; onChange: () => void }) {
  const { t } = useI18n();
  const [v, setV] = useState({ text: '', on: isoToDisplayDate(todayIso()), docName: '', docUrl: '' });
  const form = useFormSubmit<'text' | 'on' | 'docUrl'>({ 'input.answerText': 'text', 'input.answeredOn': 'on', 'input.documentUrl': 'docUrl', 'input.documentName': 'docUrl' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const on = readDisplayDate(v.on);
    const fields: Partial<Record<'text' | 'on', { key: string }>> = {};
    if (!v.text.trim()) fields.text = { key: 'errors.validation.required' };
    if (!on) fields.on = { key: 'errors.validation.invalid' };
    if (Object.keys(fields).length) return form.setErrors({ fields, general: { key: 'errors.BAD_USER_INPUT' } });
    const url = v.docUrl.trim();
    void form.submit(async () => {
      await graphql.request(CW_ANSWER_RECOMMENDATION, {
        input: { recommendationId: r.id, answerText: v.text.trim(), answeredOn: on!, documentUrl: url || null, documentName: url ? v.docName.trim() || url : null, documentMimeType: url ? (url.toLowerCase().endsWith('.pdf') ? 'application/pdf' : 'text/html') : null },
      });
      onChange();
    });
  };
  return (
    <form className="form cw-form" onSubmit={submit} noValidate aria-label={t('councils.web.recommendations.recordAnswer', { title: r.title })}>
      <h3>{t('councils.web.recommendations.recordAnswer', { title: r.title })}</h3>
      <FormAlert text={form.general} />
      <TextAreaField label={t('councils.web.recommendations.answerText')} value={v.text} onChange={(e) => setV({ ...v, text: e.target.value })} error={form.fieldError('text')} rows={3} maxLength={10000} required />
      <DateField label={t('councils.web.recommendations.answeredOn')} value={v.on} onChange={(e) => setV({ ...v, on: e.target.value })} error={form.fieldError('on')} />
      <Field label={t('councils.web.documents.name')} value={v.docName} onChange={(e) => setV({ ...v, docName: e.target.value })} maxLength={300} />
      <Field label={t('councils.web.documents.url')} type="url" inputMode="url" value={v.docUrl} onChange={(e) => setV({ ...v, docUrl: e.target.value })} error={form.fieldError('docUrl')} />
      <button type="submit" className="button" disabled={form.busy}>
        {t('councils.web.recommendations.answerSubmit')}
      </button>
    </form>
  );
}

function AssessForm({ r, onChange }: { r: CwRecommendation; onChange: () => void }) {
  const { t } = useI18n();
  const [assessment, setAssessment] = useState<RecommendationAssessment>('ACCEPTED');
  const [note, setNote] = useState('');
  const form = useFormSubmit<'note'>({ 'input.note': 'note' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.submit(async () => {
      await graphql.request(CW_ASSESS_RECOMMENDATION, { input: { recommendationId: r.id, assessment, note: note.trim() || null } });
      onChange();
    });
  };
  return (
    <form className="form cw-form" onSubmit={submit} noValidate aria-label={t('councils.web.recommendations.assess', { title: r.title })}>
      <h3>{t('councils.web.recommendations.assess', { title: r.title })}</h3>
      <FormAlert text={form.general} />
      <SelectField label={t('councils.web.recommendations.assessment')} value={assessment} onChange={(e) => setAssessment(e.target.value as RecommendationAssessment)}>
        {(['ACCEPTED', 'PARTLY_ACCEPTED', 'REJECTED'] as const).map((a) => (
          <option key={a} value={a}>
            {t(ASSESSMENT_KEY[a])}
          </option>
        ))}
      </SelectField>
      <Field label={t('councils.web.recommendations.note')} value={note} onChange={(e) => setNote(e.target.value)} error={form.fieldError('note')} maxLength={2000} />
      <button type="submit" className="button" disabled={form.busy}>
        {t('councils.web.save')}
      </button>
    </form>
  );
}

function ImplementedForm({ r, onChange }: { r: CwRecommendation; onChange: () => void }) {
  const { t } = useI18n();
  const [on, setOn] = useState(isoToDisplayDate(todayIso()));
  const form = useFormSubmit<'on'>({ implementedOn: 'on' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const iso = readDisplayDate(on);
    if (!iso) return form.setErrors({ fields: { on: { key: 'errors.validation.invalid' } }, general: { key: 'errors.BAD_USER_INPUT' } });
    void form.submit(async () => {
      await graphql.request(CW_RECOMMENDATION_IMPLEMENTED, { recommendationId: r.id, implementedOn: iso });
      onChange();
    });
  };
  return (
    <form className="form cw-form" onSubmit={submit} noValidate aria-label={t('councils.web.recommendations.markImplemented', { title: r.title })}>
      <FormAlert text={form.general} />
      <DateField label={t('councils.web.recommendations.implementedDate')} value={on} onChange={(e) => setOn(e.target.value)} error={form.fieldError('on')} />
      <button type="submit" className="button" disabled={form.busy}>
        {t('councils.web.recommendations.markImplemented', { title: r.title })}
      </button>
    </form>
  );
}

type SendField = 'addressee' | 'title' | 'text' | 'sentOn' | 'deadline';

function SendForm({ b, addressees, onChange }: Props & { addressees: Array<{ id: string; name: { ky?: string | null; ru?: string | null; en?: string | null; kk?: string | null } }> }) {
  const { t, pick } = useI18n();
  const decisions = b.meetings.flatMap((m) => m.agenda.flatMap((i) => (i.decision?.outcome === 'ADOPTED' ? [i.decision] : [])));
  const empty = { addresseeId: '', decisionId: '', title: '', text: '', sentOn: isoToDisplayDate(todayIso()), deadline: '' };
  const [v, setV] = useState(empty);
  const form = useFormSubmit<SendField>({ 'input.addresseeId': 'addressee', 'input.title': 'title', 'input.text': 'text', 'input.sentOn': 'sentOn', 'input.deadline': 'deadline' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const sentOn = readDisplayDate(v.sentOn);
    const deadline = readDisplayDate(v.deadline);
    const fields: Partial<Record<SendField, { key: string }>> = {};
    if (!v.addresseeId) fields.addressee = { key: 'errors.validation.required' };
    if (!v.title.trim()) fields.title = { key: 'errors.validation.required' };
    if (!v.text.trim()) fields.text = { key: 'errors.validation.required' };
    if (!sentOn) fields.sentOn = { key: 'errors.validation.invalid' };
    if (!deadline) fields.deadline = { key: 'errors.validation.invalid' };
    else if (sentOn && deadline < sentOn) fields.deadline = { key: 'errors.councils.deadlineBeforeSending' };
    if (Object.keys(fields).length) return form.setErrors({ fields, general: { key: 'errors.BAD_USER_INPUT' } });
    void form.submit(async () => {
      await graphql.request(CW_SEND_RECOMMENDATION, { input: { bodyId: b.id, addresseeId: v.addresseeId, decisionId: v.decisionId || null, title: v.title.trim(), text: v.text.trim(), sentOn: sentOn!, deadline: deadline! } });
      setV(empty);
      onChange();
    });
  };
  return (
    <form className="form cw-form" onSubmit={submit} noValidate aria-labelledby="cw-send-rec">
      <h3 id="cw-send-rec">{t('councils.web.recommendations.send')}</h3>
      <FormAlert text={form.general} />
      <SelectField label={t('councils.web.recommendations.addressee')} value={v.addresseeId} onChange={(e) => setV({ ...v, addresseeId: e.target.value })} error={form.fieldError('addressee')}>
        <option value="">{t('councils.web.choose')}</option>
        {addressees.map((s) => (
          <option key={s.id} value={s.id}>
            {pick(s.name)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('councils.web.recommendations.decision')} value={v.decisionId} onChange={(e) => setV({ ...v, decisionId: e.target.value })}>
        <option value="">{t('councils.web.recommendations.noDecision')}</option>
        {decisions.map((d) => (
          <option key={d.id} value={d.id}>
            {d.text.length > 80 ? `${d.text.slice(0, 80)}…` : d.text}
          </option>
        ))}
      </SelectField>
      <Field label={t('councils.web.recommendations.title')} value={v.title} onChange={(e) => setV({ ...v, title: e.target.value })} error={form.fieldError('title')} required maxLength={300} />
      <TextAreaField label={t('councils.web.recommendations.text')} value={v.text} onChange={(e) => setV({ ...v, text: e.target.value })} error={form.fieldError('text')} rows={3} required maxLength={10000} />
      <DateField label={t('councils.web.recommendations.sentOnField')} value={v.sentOn} onChange={(e) => setV({ ...v, sentOn: e.target.value })} error={form.fieldError('sentOn')} />
      <DateField label={t('councils.web.recommendations.deadline')} value={v.deadline} onChange={(e) => setV({ ...v, deadline: e.target.value })} error={form.fieldError('deadline')} />
      <button type="submit" className="button" disabled={form.busy}>
        {t('councils.web.recommendations.sendSubmit')}
      </button>
    </form>
  );
}
