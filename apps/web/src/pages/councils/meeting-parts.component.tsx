import { FormEvent, useState } from 'react';
import { graphql } from '../../api/graphql.client';
import { useI18n } from '../../i18n/i18n.context';
import { Field, SelectField, TextAreaField } from '../../ui/field.component';
import { FormAlert } from '../../ui/form-alert.component';
import { useFormSubmit } from '../../ui/form-submit.hook';
import { CouncilDocumentOwnerKind, CouncilVoteChoice, CW_ATTACH_DOCUMENT, CW_ATTENDANCE, CW_CAST_VOTE, CW_SAVE_MINUTES, CwBodyBrief, CwMeeting } from './councils.operations';
import { MINUTES_KEY, VOTE_KEY } from './labels';

type Item = CwMeeting['agenda'][number];
const OWN_CHOICES: readonly CouncilVoteChoice[] = ['FOR', 'AGAINST', 'ABSTAIN'];

/** A current member's own vote on an undecided item of an open meeting: three big choices, thumb-sized. */
export function OwnVoteForm({ item, membershipId, onDone }: { item: Item; membershipId: string; onDone: () => void }) {
  const { t } = useI18n();
  const mine = item.votes.find((v) => v.membershipId === membershipId)?.choice;
  const [choice, setChoice] = useState<CouncilVoteChoice | ''>(mine && mine !== 'ABSENT' ? mine : '');
  const form = useFormSubmit<'choice'>({ choice: 'choice' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!choice) return form.setErrors({ fields: { choice: { key: 'errors.validation.required' } }, general: { key: 'errors.BAD_USER_INPUT' } });
    void form.submit(async () => {
      await graphql.request(CW_CAST_VOTE, { agendaItemId: item.id, choice });
      onDone();
    });
  };
  const legend = t('councils.web.ownVote.title', { item: item.title });
  return (
    <form className="form cw-form cw-own-vote" onSubmit={submit} noValidate aria-label={legend}>
      <FormAlert text={form.general} />
      <fieldset aria-describedby={form.fieldError('choice') ? `own-${item.id}-error` : undefined}>
        <legend>{legend}</legend>
        {form.fieldError('choice') && (
          <p className="field__error" id={`own-${item.id}-error`}>
            {form.fieldError('choice')}
          </p>
        )}
        {OWN_CHOICES.map((c) => (
          <label key={c} className="checkbox cw-choice">
            <input type="radio" name={`own-${item.id}`} value={c} checked={choice === c} onChange={() => setChoice(c)} />
            {t(VOTE_KEY[c])}
          </label>
        ))}
      </fieldset>
      {mine && (
        <p className="muted" role="status">
          {t('councils.web.ownVote.recorded', { choice: t(VOTE_KEY[mine]) })}
        </p>
      )}
      <button type="submit" className="button" disabled={form.busy}>
        {mine ? t('councils.web.ownVote.change') : t('councils.web.ownVote.submit')}
      </button>
    </form>
  );
}

/** The secretary's attendance register (the meeting's quorum line reads it). */
export function AttendanceForm({ meeting, body, onDone }: { meeting: CwMeeting; body: CwBodyBrief; onDone: () => void }) {
  const { t } = useI18n();
  const members = body.members.filter((m) => m.current);
  const [present, setPresent] = useState<Record<string, boolean>>({});
  const form = useFormSubmit();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.submit(async () => {
      await graphql.request(CW_ATTENDANCE, { input: { meetingId: meeting.id, attendees: members.map((m) => ({ membershipId: m.id, present: !!present[m.id] })) } });
      onDone();
    });
  };
  if (members.length === 0) return null;
  return (
    <details className="cw-tools">
      <summary>{t('councils.web.attendance.title')}</summary>
      <form className="form cw-form" onSubmit={submit} noValidate aria-label={t('councils.web.attendance.title')}>
        <FormAlert text={form.general} />
        <fieldset>
          <legend>{t('councils.web.attendance.legend')}</legend>
          {members.map((m) => (
            <label key={m.id} className="checkbox">
              <input type="checkbox" checked={!!present[m.id]} onChange={(e) => setPresent((p) => ({ ...p, [m.id]: e.target.checked }))} />
              {m.fullName}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button button--secondary" disabled={form.busy}>
          {t('councils.web.attendance.submit')}
        </button>
      </form>
    </details>
  );
}

/** Minutes: drafted by the secretary (members read drafts), approved by an agenda item of a later meeting; frozen once approved. */
export function MinutesSection({ meeting, secretary, onDone }: { meeting: CwMeeting; secretary: boolean; onDone: () => void }) {
  const { t, formatDate } = useI18n();
  const [text, setText] = useState(meeting.minutes ?? '');
  const form = useFormSubmit<'text'>({ 'input.text': 'text' });
  const editable = secretary && meeting.minutesStatus !== 'APPROVED';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return form.setErrors({ fields: { text: { key: 'errors.validation.required' } }, general: { key: 'errors.BAD_USER_INPUT' } });
    void form.submit(async () => {
      await graphql.request(CW_SAVE_MINUTES, { input: { meetingId: meeting.id, text: text.trim() } });
      onDone();
    });
  };
  return (
    <section aria-labelledby="cw-minutes">
      <h2 id="cw-minutes">{t('councils.web.minutes.title')}</h2>
      <p className="muted" data-minutes={meeting.minutesStatus}>
        {t(MINUTES_KEY[meeting.minutesStatus])}
        {meeting.minutesApprovedAt ? ` · ${formatDate(meeting.minutesApprovedAt.slice(0, 10))}` : ''}
      </p>
      {meeting.minutes && !editable && <p className="cw-minutes-text">{meeting.minutes}</p>}
      {editable && (
        <form className="form cw-form" onSubmit={submit} noValidate aria-label={t('councils.web.minutes.title')}>
          <FormAlert text={form.general} />
          <TextAreaField label={t('councils.web.minutes.text')} hint={t('councils.web.minutes.hint')} value={text} onChange={(e) => setText(e.target.value)} error={form.fieldError('text')} rows={6} maxLength={100000} />
          <button type="submit" className="button" disabled={form.busy}>
            {t('councils.web.minutes.save')}
          </button>
        </form>
      )}
    </section>
  );
}

const MIME: Record<string, string> = { pdf: 'application/pdf', doc: 'application/msword', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', jpg: 'image/jpeg', png: 'image/png' };

/** Papers attached to the meeting (links); the secretary attaches more. */
export function DocumentsSection({ meeting, secretary, onDone }: { meeting: CwMeeting; secretary: boolean; onDone: () => void }) {
  const { t } = useI18n();
  if (!secretary && meeting.documents.length === 0) return null;
  return (
    <section aria-labelledby="cw-documents">
      <h2 id="cw-documents">{t('councils.web.documents.title')}</h2>
      {meeting.documents.length === 0 ? <p className="muted">{t('councils.web.documents.none')}</p> : <DocumentList documents={meeting.documents} />}
      {secretary && <AttachDocumentForm ownerKind="MEETING" ownerId={meeting.id} title={t('councils.web.documents.attach')} onDone={onDone} />}
    </section>
  );
}

/** Links to attached papers (a meeting's, one agenda item's, one action item's). */
export function DocumentList({ documents, label }: { documents: ReadonlyArray<{ id: string; name: string; url: string }>; label?: string }) {
  return (
    <ul className="list cw-documents" aria-label={label}>
      {documents.map((d) => (
        <li key={d.id} className="cw-row">
          <a href={d.url}>{d.name}</a>
        </li>
      ))}
    </ul>
  );
}

/**
 * The secretary attaches a paper (a link with its name and type) to a meeting, one agenda item or one
 * action item; `folded`: behind a disclosure, for the per-item forms that would otherwise fill a phone screen.
 */
export function AttachDocumentForm({ ownerKind, ownerId, title, onDone, folded = false }: { ownerKind: CouncilDocumentOwnerKind; ownerId: string; title: string; onDone: () => void; folded?: boolean }) {
  const { t } = useI18n();
  const [v, setV] = useState({ name: '', url: '', kind: 'pdf' });
  const [unfolded, setUnfolded] = useState(false);
  const form = useFormSubmit<'name' | 'url'>({ 'input.name': 'name', 'input.url': 'url' });
  const headingId = `cw-attach-${ownerId}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const fields: Partial<Record<'name' | 'url', { key: string }>> = {};
    if (!v.name.trim()) fields.name = { key: 'errors.validation.required' };
    if (!/^https?:\/\/\S+$/.test(v.url.trim())) fields.url = { key: 'errors.validation.invalid' };
    if (Object.keys(fields).length) return form.setErrors({ fields, general: { key: 'errors.BAD_USER_INPUT' } });
    void form.submit(async () => {
      await graphql.request(CW_ATTACH_DOCUMENT, { input: { ownerKind, ownerId, name: v.name.trim(), url: v.url.trim(), mimeType: MIME[v.kind] ?? 'application/pdf' } });
      setV({ name: '', url: '', kind: 'pdf' });
      onDone();
    });
  };
  const body = (
    <form className="form cw-form" onSubmit={submit} noValidate {...(folded ? { 'aria-label': title } : { 'aria-labelledby': headingId })}>
      {!folded && <h3 id={headingId}>{title}</h3>}
      <FormAlert text={form.general} />
      <Field label={t('councils.web.documents.name')} value={v.name} onChange={(e) => setV({ ...v, name: e.target.value })} error={form.fieldError('name')} required maxLength={300} />
      <Field label={t('councils.web.documents.url')} type="url" inputMode="url" value={v.url} onChange={(e) => setV({ ...v, url: e.target.value })} error={form.fieldError('url')} required />
      <SelectField label={t('councils.web.documents.kind')} value={v.kind} onChange={(e) => setV({ ...v, kind: e.target.value })}>
        {Object.keys(MIME).map((k) => (
          <option key={k} value={k}>
            {k.toUpperCase()}
          </option>
        ))}
      </SelectField>
      <button type="submit" className="button" disabled={form.busy}>
        {t('councils.web.documents.attachSubmit')}
      </button>
    </form>
  );
  // Folded, the form is rendered only once opened: one per item would otherwise fill the page with hidden controls.
  return folded ? (
    <details className="cw-tools" onToggle={(e) => setUnfolded(e.currentTarget.open)}>
      <summary>{title}</summary>
      {unfolded && body}
    </details>
  ) : (
    body
  );
}
