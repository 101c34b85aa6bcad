import { FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { graphql } from '../../api/graphql.client';
import { useQuery } from '../../api/use-query.hook';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { Field, SelectField, TextAreaField } from '../../ui/field.component';
import { FormAlert } from '../../ui/form-alert.component';
import { useFormSubmit } from '../../ui/form-submit.hook';
import { PageHeading } from '../../ui/page-heading.component';
import { ErrorMessage, Loading } from '../../ui/query-status.component';
import { CW_ADD_AGENDA_ITEM, CW_BODY_BRIEF, CW_CLOSE_MEETING, CW_DECIDE, CW_MEETING, CW_PUBLISH_MEETING, CW_ROLL_CALL, CouncilVoteChoice, CwBodyBrief, CwMeeting } from './councils.operations';
import { AttachDocumentForm, AttendanceForm, DocumentList, DocumentsSection, MinutesSection, OwnVoteForm } from './meeting-parts.component';
import { CouncilsNav } from './councils-nav.component';
import { ACCESS_KEY, MEETING_STATUS_KEY, meetingTime, OUTCOME_KEY, VOTE_CHOICES, VOTE_KEY } from './labels';
import './councils.css';

type Item = CwMeeting['agenda'][number];

/**
 * A meeting: quorum, agenda, decisions with the roll call, minutes, documents. The body's secretary runs it
 * from here (attendance, agenda, roll call, decide, minutes, documents, close, publish); a current member
 * casts their own vote on each undecided item while the meeting is open.
 */
export default function CouncilMeetingPage() {
  const { id = '' } = useParams();
  const { t, pick, locale } = useI18n();
  const { status } = useSession();
  const [reload, setReload] = useState(0);
  const meeting = useQuery(CW_MEETING, status === 'loading' ? null : { id, reload }, { scope: status });
  const bodyId = meeting.data?.councilMeeting.bodyId;
  const body = useQuery(CW_BODY_BRIEF, bodyId ? { id: bodyId, reload } : null, { scope: status });
  const error = meeting.error ?? body.error;
  if (error) return <ErrorMessage error={error} onRetry={() => (meeting.retry(), body.retry())} />;
  if (!meeting.data || !body.data) return <Loading />;
  const m = meeting.data.councilMeeting;
  const b = body.data.councilBody;
  const secretary = b.viewerIsSecretary;
  const open = m.status === 'SCHEDULED';
  const changed = () => setReload((r) => r + 1);

  return (
    <>
      <CouncilsNav />
      <p className="back-link">
        <Link to={`/councils/${b.id}`}>{pick(b.name)}</Link>
      </p>
      <PageHeading>{m.title}</PageHeading>
      <p className="muted">
        {meetingTime(m.startsAt, m.timeZone, locale)} ({m.timeZone}){m.place ? ` · ${m.place}` : ''} · {t(MEETING_STATUS_KEY[m.status])} · {t(ACCESS_KEY[m.access])}
      </p>
      {m.onlineUrl && (
        <p>
          <a href={m.onlineUrl}>{t('councils.web.meeting.online')}</a>
        </p>
      )}
      <p className="muted">{m.publishedAt ? t('councils.web.meeting.published') : t('councils.web.meeting.notPublished')}</p>

      <p className="muted" data-quorum={m.quorum.met ? 'met' : 'not-met'}>
        {t(m.quorum.met ? 'councils.web.meeting.quorumMet' : 'councils.web.meeting.quorumNotMet', { present: m.quorum.present, members: m.quorum.members, needed: m.quorum.needed })}
      </p>
      {secretary && open && <AttendanceForm meeting={m} body={b} onDone={changed} />}

      <section aria-labelledby="cw-agenda">
        <h2 id="cw-agenda">{t('councils.web.meeting.agenda')}</h2>
        {m.agenda.length === 0 ? (
          <p className="muted">{t('councils.web.meeting.noAgenda')}</p>
        ) : (
          <ol className="cw-agenda">
            {m.agenda.map((item) => (
              <AgendaItemView key={item.id} item={item} body={b} secretary={secretary} editable={secretary && open} myMembership={open ? m.viewerMembershipId ?? null : null} onChange={changed} />
            ))}
          </ol>
        )}
        {secretary && open && <AddAgendaItemForm meetingId={m.id} body={b} onDone={changed} />}
      </section>

      <MinutesSection meeting={m} secretary={secretary} onDone={changed} />
      <DocumentsSection meeting={m} secretary={secretary} onDone={changed} />

      {secretary && <MeetingControls meeting={m} onDone={changed} />}
    </>
  );
}

function AgendaItemView({ item, body, secretary, editable, myMembership, onChange }: { item: Item; body: CwBodyBrief; secretary: boolean; editable: boolean; myMembership: string | null; onChange: () => void }) {
  const { t } = useI18n();
  const d = item.decision;
  const minutesOf = item.linkKind === 'MINUTES' ? body.meetings.find((x) => x.id === item.linkId) : undefined;
  return (
    <li id={`item-${item.id}`} className="cw-item">
      <h3>{item.title}</h3>
      {item.description && <p>{item.description}</p>}
      {minutesOf && (
        <p className="muted">
          <Link to={`/councils/meetings/${minutesOf.id}`}>{t('councils.web.agenda.approvesMinutes', { title: minutesOf.title })}</Link>
        </p>
      )}
      {d && (
        <div className="cw-decision">
          <p>
            <strong className={`cw-outcome cw-outcome--${d.outcome.toLowerCase()}`}>{t(OUTCOME_KEY[d.outcome])}</strong>: {d.text}
          </p>
          <p className="muted">{t('councils.web.counts', { for: d.votesFor, against: d.votesAgainst, abstain: d.abstentions })}</p>
        </div>
      )}
      {item.votes.length > 0 && (
        <table className="cw-votes">
          <caption>{t('councils.web.meeting.rollCall')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('councils.web.meeting.member')}</th>
              <th scope="col">{t('councils.web.meeting.vote')}</th>
            </tr>
          </thead>
          <tbody>
            {item.votes.map((v) => (
              <tr key={v.membershipId}>
                <th scope="row">{v.memberName}</th>
                <td>{t(VOTE_KEY[v.choice])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {item.documents.length > 0 && <DocumentList documents={item.documents} label={t('councils.web.documents.ofItem', { item: item.title })} />}
      {secretary && <AttachDocumentForm ownerKind="AGENDA_ITEM" ownerId={item.id} title={t('councils.web.documents.attachToItem', { item: item.title })} onDone={onChange} folded />}
      {myMembership && !d && <OwnVoteForm item={item} membershipId={myMembership} onDone={onChange} />}
      {editable && !d && <RollCallForm item={item} body={body} onDone={onChange} />}
      {editable && !d && item.votes.length > 0 && <DecideForm itemId={item.id} onDone={onChange} />}
    </li>
  );
}

function AddAgendaItemForm({ meetingId, body, onDone }: { meetingId: string; body: CwBodyBrief; onDone: () => void }) {
  const { t } = useI18n();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [minutesOf, setMinutesOf] = useState('');
  // Only drafted minutes can be approved (the server says CONFLICT otherwise).
  const drafts = body.meetings.filter((x) => x.minutesStatus === 'DRAFT');
  const form = useFormSubmit<'title' | 'description'>({ 'input.title': 'title', 'input.description': 'description' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) return form.setErrors({ fields: { title: { key: 'errors.validation.required' } }, general: { key: 'errors.BAD_USER_INPUT' } });
    void form.submit(async () => {
      await graphql.request(CW_ADD_AGENDA_ITEM, { input: { meetingId, title: title.trim(), description: description.trim() || null, ...(minutesOf ? { linkKind: 'MINUTES' as const, linkId: minutesOf } : {}) } });
      setTitle('');
      setDescription('');
      setMinutesOf('');
      onDone();
    });
  };
  return (
    <form className="form cw-form" onSubmit={submit} noValidate aria-labelledby="cw-add-item">
      <h3 id="cw-add-item">{t('councils.web.agenda.add')}</h3>
      <FormAlert text={form.general} />
      <Field label={t('councils.web.agenda.fieldTitle')} value={title} onChange={(e) => setTitle(e.target.value)} error={form.fieldError('title')} required maxLength={300} />
      <TextAreaField label={t('councils.web.agenda.fieldDescription')} value={description} onChange={(e) => setDescription(e.target.value)} error={form.fieldError('description')} rows={2} maxLength={5000} />
      {drafts.length > 0 && (
        <SelectField label={t('councils.web.agenda.minutesLink')} hint={t('councils.web.agenda.minutesHint')} value={minutesOf} onChange={(e) => setMinutesOf(e.target.value)}>
          <option value="">{t('councils.web.agenda.noLink')}</option>
          {drafts.map((x) => (
            <option key={x.id} value={x.id}>
              {x.title}
            </option>
          ))}
        </SelectField>
      )}
      <button type="submit" className="button" disabled={form.busy}>
        {t('councils.web.agenda.submit')}
      </button>
    </form>
  );
}

/** The secretary enters every current member's vote at once (members without an account too). */
function RollCallForm({ item, body, onDone }: { item: Item; body: CwBodyBrief; onDone: () => void }) {
  const { t } = useI18n();
  const members = body.members.filter((m) => m.current);
  const recorded = new Map(item.votes.map((v) => [v.membershipId, v.choice]));
  const [choices, setChoices] = useState<Record<string, CouncilVoteChoice>>(() => Object.fromEntries(members.map((m) => [m.id, recorded.get(m.id) ?? 'ABSENT'])));
  const form = useFormSubmit();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.submit(async () => {
      await graphql.request(CW_ROLL_CALL, { input: { agendaItemId: item.id, votes: members.map((m) => ({ membershipId: m.id, choice: choices[m.id] ?? 'ABSENT' })) } });
      onDone();
    });
  };
  return (
    <form className="form cw-form" onSubmit={submit} noValidate aria-label={t('councils.web.rollCall.title', { item: item.title })}>
      <FormAlert text={form.general} />
      <fieldset>
        <legend>{t('councils.web.rollCall.title', { item: item.title })}</legend>
        {members.map((m) => (
          <SelectField key={m.id} label={m.fullName} value={choices[m.id]} onChange={(e) => setChoices((c) => ({ ...c, [m.id]: e.target.value as CouncilVoteChoice }))}>
            {VOTE_CHOICES.map((c) => (
              <option key={c} value={c}>
                {t(VOTE_KEY[c])}
              </option>
            ))}
          </SelectField>
        ))}
      </fieldset>
      <button type="submit" className="button button--secondary" disabled={form.busy}>
        {t('councils.web.rollCall.submit')}
      </button>
    </form>
  );
}

function DecideForm({ itemId, onDone }: { itemId: string; onDone: () => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const form = useFormSubmit<'text'>({ 'input.text': 'text' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return form.setErrors({ fields: { text: { key: 'errors.validation.required' } }, general: { key: 'errors.BAD_USER_INPUT' } });
    void form.submit(async () => {
      await graphql.request(CW_DECIDE, { input: { agendaItemId: itemId, text: text.trim() } });
      onDone();
    });
  };
  return (
    <form className="form cw-form" onSubmit={submit} noValidate>
      <FormAlert text={form.general} />
      <TextAreaField label={t('councils.web.decide.text')} hint={t('councils.web.decide.hint')} value={text} onChange={(e) => setText(e.target.value)} error={form.fieldError('text')} rows={2} maxLength={5000} required />
      <button type="submit" className="button" disabled={form.busy}>
        {t('councils.web.decide.submit')}
      </button>
    </form>
  );
}

function MeetingControls({ meeting, onDone }: { meeting: CwMeeting; onDone: () => void }) {
  const { t } = useI18n();
  const form = useFormSubmit();
  const run = (fn: () => Promise<unknown>) => void form.submit(async () => (await fn(), onDone()));
  return (
    <section aria-labelledby="cw-controls" className="cw-form">
      <h2 id="cw-controls">{t('councils.web.meeting.controls')}</h2>
      <FormAlert text={form.general} />
      {meeting.status === 'SCHEDULED' && (
        <button type="button" className="button button--secondary" disabled={form.busy} onClick={() => run(() => graphql.request(CW_CLOSE_MEETING, { meetingId: meeting.id }))}>
          {t('councils.web.meeting.close')}
        </button>
      )}{' '}
      {!meeting.publishedAt && (
        <button type="button" className="button" disabled={form.busy} onClick={() => run(() => graphql.request(CW_PUBLISH_MEETING, { meetingId: meeting.id }))}>
          {t('councils.web.meeting.publish')}
        </button>
      )}
    </section>
  );
}
