import { FormEvent, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { graphql } from '../../api/graphql.client';
import { useQuery } from '../../api/use-query.hook';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { Field, SelectField } from '../../ui/field.component';
import { FormAlert } from '../../ui/form-alert.component';
import { useFormSubmit } from '../../ui/form-submit.hook';
import { PageHeading } from '../../ui/page-heading.component';
import { ErrorMessage, Loading } from '../../ui/query-status.component';
import { CW_BODY, CW_COMMUNITY, CW_SCHEDULE_MEETING } from './councils.operations';
import { CouncilsNav } from './councils-nav.component';
import { MembersSection, RulesSection } from './body-members.section';
import { PlansSection } from './body-plans.section';
import { QuestionsSection } from './body-questions.section';
import { RecommendationsSection } from './body-recommendations.section';
import { SeatsSection } from './body-seats.section';
import { KIND_KEY, MEETING_STATUS_KEY, meetingTime, OUTCOME_KEY, VOTE_KEY, zonedToUtc } from './labels';
import './councils.css';

/**
 * One body: rules, members and their history, the meetings calendar, decisions, recommendations and their
 * follow-up, action plans, seats, residents' questions, the open data and the annual report. Organiser tools
 * show only to those the server lets use them (it checks again).
 */
export default function CouncilBodyPage() {
  const { id = '' } = useParams();
  const { t, pick, locale, formatDate } = useI18n();
  const { status } = useSession();
  const [reload, setReload] = useState(0);
  const body = useQuery(CW_BODY, status === 'loading' ? null : { id, reload }, { scope: status });
  // After a change the page keeps showing the body while it reloads: forms keep their state (a "sent" line), nothing flashes on a slow link.
  const last = useRef<typeof body.data>(null);
  if (body.data) last.current = body.data;
  const data = body.data ?? (last.current?.councilBody.id === id ? last.current : null);
  const communityId = data?.councilBody.communityId;
  // Only the name: a failure leaves the generic link, the page does not depend on it.
  const community = useQuery(CW_COMMUNITY, communityId ? { id: communityId } : null, { cache: true });
  if (body.error) return <ErrorMessage error={body.error} onRetry={body.retry} />;
  if (!data) return <Loading />;
  const b = data.councilBody;
  const changed = () => setReload((r) => r + 1);
  const now = Date.now();
  const upcoming = b.meetings.filter((m) => m.status === 'SCHEDULED' && Date.parse(m.startsAt) >= now);
  const past = b.meetings.filter((m) => !upcoming.includes(m)).reverse();
  // Newest first, each with its meeting and the roll call.
  const decisions = [...b.meetings].reverse().flatMap((m) => m.agenda.flatMap((item) => (item.decision ? [{ meeting: m, item, d: item.decision }] : [])));

  const meetingList = (list: typeof b.meetings) =>
    list.length === 0 ? (
      <p className="muted">{t('councils.web.body.noMeetings')}</p>
    ) : (
      <ul className="list">
        {list.map((m) => (
          <li key={m.id}>
            <Link className="list__link" to={`/councils/meetings/${m.id}`}>
              <span className="list__title">{m.title}</span>
              <span className="list__meta">
                {meetingTime(m.startsAt, m.timeZone, locale)}
                {m.place ? ` · ${m.place}` : ''} · {t(MEETING_STATUS_KEY[m.status])}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    );

  return (
    <>
      <CouncilsNav />
      <PageHeading>{pick(b.name)}</PageHeading>
      <p className="muted">
        {b.kind === 'CUSTOM' && b.customLabel ? b.customLabel : t(KIND_KEY[b.kind])} ·{' '}
        {b.stateBody && t('councils.web.attachedState', { name: pick(b.stateBody.name) })}
        {b.communityId && <Link to={`/communities/${b.communityId}`}>{community.data ? pick(community.data.community.names) : t('councils.web.body.community')}</Link>}
      </p>
      {b.mandate && <p>{b.mandate}</p>}
      <p>
        <a href={`/api/public/councils/${b.id}/open-data.json`} download>
          {t('councils.web.body.openData')}
        </a>
      </p>
      <AnnualReportLinks bodyId={b.id} />

      <RulesSection b={b} onChange={changed} />
      <MembersSection b={b} onChange={changed} />

      <section aria-labelledby="cw-meetings">
        <h2 id="cw-meetings">{t('councils.web.body.meetings')}</h2>
        <h3>{t('councils.web.body.upcoming')}</h3>
        {meetingList(upcoming)}
        <h3>{t('councils.web.body.past')}</h3>
        {meetingList(past)}
        {b.viewerIsSecretary && <ScheduleMeetingForm bodyId={b.id} country={b.country} onDone={changed} />}
      </section>

      <section aria-labelledby="cw-decisions">
        <h2 id="cw-decisions">{t('councils.web.body.decisions')}</h2>
        {decisions.length === 0 ? (
          <p className="muted">{t('councils.web.body.noDecisions')}</p>
        ) : (
          <ul className="list">
            {decisions.map(({ meeting, item, d }) => (
              <li key={d.id} className="cw-row">
                <Link to={`/councils/meetings/${meeting.id}#item-${item.id}`}>{d.text}</Link>
                <span className="list__meta">
                  <span className={`cw-outcome cw-outcome--${d.outcome.toLowerCase()}`}>{t(OUTCOME_KEY[d.outcome])}</span> · {formatDate(d.decidedOn)} · {meeting.title} ·{' '}
                  {t('councils.web.counts', { for: d.votesFor, against: d.votesAgainst, abstain: d.abstentions })}
                </span>
                {item.votes.length > 0 && (
                  <details className="cw-votes-details">
                    <summary>{t('councils.web.body.votes')}</summary>
                    <ul className="cw-vote-list">
                      {item.votes.map((v) => (
                        <li key={v.membershipId}>
                          {v.memberName}: {t(VOTE_KEY[v.choice])}
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <RecommendationsSection b={b} onChange={changed} />
      <PlansSection b={b} onChange={changed} />
      <SeatsSection b={b} onChange={changed} />
      <QuestionsSection b={b} onChange={changed} />
    </>
  );
}

/** The annual report of a chosen year, as PDF and as open data, in the page's language. */
function AnnualReportLinks({ bodyId }: { bodyId: string }) {
  const { t, locale } = useI18n();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const base = `/api/public/councils/${bodyId}/annual-report/${year}`;
  return (
    <section aria-labelledby="cw-report" className="cw-report">
      <h2 id="cw-report">{t('councils.web.report.title')}</h2>
      <SelectField label={t('councils.web.report.year')} value={String(year)} onChange={(e) => setYear(Number(e.target.value))}>
        {[0, 1, 2, 3, 4].map((back) => (
          <option key={back} value={thisYear - back}>
            {thisYear - back}
          </option>
        ))}
      </SelectField>
      <ul className="list">
        <li className="cw-row">
          <a href={`${base}.pdf?lang=${locale}`}>{t('councils.web.report.pdf', { year })}</a>
        </li>
        <li className="cw-row">
          <a href={`${base}.json?lang=${locale}`}>{t('councils.web.report.json', { year })}</a>
        </li>
      </ul>
    </section>
  );
}

type F = 'title' | 'startsAt' | 'place';

function ScheduleMeetingForm({ bodyId, country, onDone }: { bodyId: string; country: string; onDone: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [place, setPlace] = useState('');
  const [access, setAccess] = useState<'OPEN' | 'CLOSED'>('OPEN');
  const timeZone = country === 'KZ' ? 'Asia/Almaty' : 'Asia/Bishkek';
  const form = useFormSubmit<F>({ 'input.title': 'title', 'input.startsAt': 'startsAt', 'input.place': 'place', input: 'place' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const at = zonedToUtc(startsAt, timeZone);
    const fields: Partial<Record<F, { key: string }>> = {};
    if (!title.trim()) fields.title = { key: 'errors.validation.required' };
    if (!at) fields.startsAt = { key: 'errors.validation.invalid' };
    if (!place.trim()) fields.place = { key: 'errors.validation.required' };
    if (Object.keys(fields).length) return form.setErrors({ fields, general: { key: 'errors.BAD_USER_INPUT' } });
    void form.submit(async () => {
      const r = await graphql.request(CW_SCHEDULE_MEETING, { input: { bodyId, title: title.trim(), startsAt: at!, timeZone, place: place.trim(), access } });
      onDone();
      navigate(`/councils/meetings/${r.scheduleCouncilMeeting.id}`);
    });
  };
  return (
    <form className="form cw-form" onSubmit={submit} noValidate aria-labelledby="cw-schedule">
      <h3 id="cw-schedule">{t('councils.web.schedule.title')}</h3>
      <FormAlert text={form.general} />
      <Field label={t('councils.web.schedule.fieldTitle')} value={title} onChange={(e) => setTitle(e.target.value)} error={form.fieldError('title')} required maxLength={300} />
      <Field label={t('councils.web.schedule.startsAt')} hint={t('councils.web.schedule.zone', { zone: timeZone })} type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} error={form.fieldError('startsAt')} required />
      <Field label={t('councils.web.schedule.place')} value={place} onChange={(e) => setPlace(e.target.value)} error={form.fieldError('place')} required maxLength={300} />
      <SelectField label={t('councils.web.schedule.access')} value={access} onChange={(e) => setAccess(e.target.value as 'OPEN' | 'CLOSED')}>
        <option value="OPEN">{t('councils.web.access.OPEN')}</option>
        <option value="CLOSED">{t('councils.web.access.CLOSED')}</option>
      </SelectField>
      <button type="submit" className="button" disabled={form.busy}>
        {t('councils.web.schedule.submit')}
      </button>
    </form>
  );
}
