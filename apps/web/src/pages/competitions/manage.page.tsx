import { FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { graphql } from '../../api/graphql.client';
import { useQuery } from '../../api/use-query.hook';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { readAmountMinor } from '../../ui/number-input';
import { Field, SelectField, TextAreaField } from '../../ui/field.component';
import { FormAlert } from '../../ui/form-alert.component';
import { useFormSubmit } from '../../ui/form-submit.hook';
import { PageHeading } from '../../ui/page-heading.component';
import { ErrorMessage, Loading } from '../../ui/query-status.component';
import { ApplicationDecision, CMP_ASSIGN_REVIEWERS, CMP_CALL, CMP_CALL_APPLICATIONS, CMP_DECIDE, CMP_PUBLISH_RESULTS, CMP_RANKING, CmpCall } from './competitions.operations';
import { CURRENCY_KEY, DECISION_KEY, DECISIONS, STATUS_KEY } from './labels';
import { useMoney, useScore } from './money';
import './competitions.css';

type Row = NonNullable<ReturnType<typeof useApplications>['data']>['callApplications'][number];
const useApplications = (callId: string, reload: number, scope: string) => useQuery(CMP_CALL_APPLICATIONS, scope === 'loading' ? null : { callId, reload }, { scope });

/** The organisers' screen: assignment, the ranking (weighted mean, z-scores, spread), experts' progress, decisions with reasons, publication. */
export default function CompetitionManagePage() {
  const { id = '' } = useParams();
  const { t, pick } = useI18n();
  const { status } = useSession();
  const [reload, setReload] = useState(0);
  // Kept here, not in the form: the page reloads its data after an assignment run.
  const [assignReport, setAssignReport] = useState<string | null>(null);
  const call = useQuery(CMP_CALL, status === 'loading' ? null : { id, reload }, { scope: status });
  const apps = useApplications(id, reload, status);
  const ranking = useQuery(CMP_RANKING, status === 'loading' ? null : { callId: id, reload }, { scope: status });
  const error = call.error ?? apps.error;
  if (error) return <ErrorMessage error={error} onRetry={() => (call.retry(), apps.retry())} />;
  if (!call.data || !apps.data) return <Loading />;
  const c = call.data.competitionCall;
  const changed = () => setReload((r) => r + 1);
  const submitted = apps.data.callApplications.filter((a) => a.status !== 'DRAFT');
  return (
    <>
      <p className="back-link">
        <Link to={`/competitions/${c.id}`}>{pick(c.title)}</Link>
      </p>
      <PageHeading>{t('competitions.web.manage.title')}</PageHeading>
      <p className="cmp-lead">{t('competitions.web.manage.counts', { submitted: submitted.length, drafts: apps.data.callApplications.length - submitted.length })}</p>
      <AssignForm callId={c.id} report={assignReport} setReport={setAssignReport} onDone={changed} />
      <section aria-labelledby="cmp-ranking" className="cmp-section">
        <h2 id="cmp-ranking">{t('competitions.web.ranking.title')}</h2>
        {ranking.error ? <ErrorMessage error={ranking.error} onRetry={ranking.retry} /> : !ranking.data ? <Loading /> : <Ranking data={ranking.data.callRanking} />}
      </section>
      <section aria-labelledby="cmp-decisions" className="cmp-section">
        <h2 id="cmp-decisions">{t('competitions.web.manage.decisions')}</h2>
        {submitted.length === 0 ? (
          <p className="muted">{t('competitions.web.manage.none')}</p>
        ) : (
          submitted.map((a) => <DecisionCard key={a.id} call={c} application={a} onDone={changed} />)
        )}
      </section>
      <PublishControls call={c} onDone={changed} />
    </>
  );
}

function AssignForm({ callId, report, setReport, onDone }: { callId: string; report: string | null; setReport: (r: string | null) => void; onDone: () => void }) {
  const { t } = useI18n();
  const [n, setN] = useState('2');
  const form = useFormSubmit<'n'>({ perApplication: 'n' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setReport(null);
    const per = Number(n);
    if (!Number.isInteger(per) || per < 1) return form.setErrors({ fields: { n: { key: 'competitions.web.assign.invalid' } }, general: { key: 'errors.BAD_USER_INPUT' } });
    void form.submit(async () => {
      const r = await graphql.request(CMP_ASSIGN_REVIEWERS, { callId, perApplication: per });
      setReport(t('competitions.web.assign.done', { created: r.assignReviewers.created, short: r.assignReviewers.short.length }));
      onDone();
    });
  };
  return (
    <form className="form cmp-section" onSubmit={submit} noValidate aria-labelledby="cmp-assign">
      <h2 id="cmp-assign">{t('competitions.web.assign.title')}</h2>
      <FormAlert text={form.general ?? report} />
      <Field label={t('competitions.web.assign.perApplication')} hint={t('competitions.web.assign.hint')} inputMode="numeric" value={n} onChange={(e) => setN(e.target.value)} error={form.fieldError('n')} />
      <button type="submit" className="button button--secondary" disabled={form.busy}>
        {t('competitions.web.assign.submit')}
      </button>
    </form>
  );
}

function Ranking({ data }: { data: { entries: Array<{ applicationId: string; title: string; status: Row['status']; reviews: number; weightedMean: number; meanZ: number; spread: number }>; progress: Array<{ expertAccountId: string; scored: number; total: number }> } }) {
  const { t } = useI18n();
  const score = useScore();
  return (
    <>
      {data.entries.length === 0 ? (
        <p className="muted">{t('competitions.web.ranking.empty')}</p>
      ) : (
        <div className="cmp-scroll">
          <table className="cmp-table">
            <thead>
              <tr>
                <th scope="col">{t('competitions.web.ranking.place')}</th>
                <th scope="col">{t('competitions.web.ranking.application')}</th>
                <th scope="col" className="cmp-num">
                  {t('competitions.web.ranking.mean')}
                </th>
                <th scope="col" className="cmp-num">
                  {t('competitions.web.ranking.z')}
                </th>
                <th scope="col" className="cmp-num">
                  {t('competitions.web.ranking.spread')}
                </th>
                <th scope="col" className="cmp-num">
                  {t('competitions.web.ranking.reviews')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.entries.map((e, i) => (
                <tr key={e.applicationId}>
                  <td className="cmp-num">{i + 1}</td>
                  <th scope="row">
                    {e.title}
                    <br />
                    <span className="muted">{t(STATUS_KEY[e.status])}</span>
                  </th>
                  <td className="cmp-num">{score(e.weightedMean)}</td>
                  <td className="cmp-num">{score(e.meanZ)}</td>
                  <td className="cmp-num">{score(e.spread)}</td>
                  <td className="cmp-num">{e.reviews}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>{t('competitions.web.ranking.progress')}</h3>
      <ul>
        {data.progress.map((p, i) => (
          <li key={p.expertAccountId}>{t('competitions.web.ranking.expertProgress', { n: i + 1, scored: p.scored, total: p.total })}</li>
        ))}
      </ul>
    </>
  );
}

function DecisionCard({ call: c, application: a, onDone }: { call: CmpCall; application: Row; onDone: () => void }) {
  const { t, pick } = useI18n();
  const money = useMoney(c.currency);
  const [decision, setDecision] = useState<ApplicationDecision>(a.status === 'SHORTLISTED' ? 'SELECTED' : 'SHORTLISTED');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const form = useFormSubmit<'decision' | 'amount' | 'reason'>({ 'input.decision': 'decision', 'input.awardedAmount': 'amount', 'input.reason': 'reason' });
  const decidable = a.status === 'SUBMITTED' || a.status === 'SHORTLISTED';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const amt = decision === 'SELECTED' ? readAmountMinor(amount) : ({ ok: true, value: null } as const);
    const fields: Record<string, { key: string; params?: Record<string, string | number> }> = {};
    if (!reason.trim()) fields.reason = { key: 'errors.competitions.reasonRequired' };
    if (!amt.ok) fields.amount = amt.message;
    else if (decision === 'SELECTED' && !amt.value) fields.amount = { key: 'errors.competitions.amountRequired' };
    if (Object.keys(fields).length) return form.setErrors({ fields, general: { key: 'errors.BAD_USER_INPUT' } });
    void form.submit(async () => {
      await graphql.request(CMP_DECIDE, { input: { applicationId: a.id, decision, reason: reason.trim(), awardedAmount: amt.ok ? amt.value : null } });
      onDone();
    });
  };
  const headingId = `cmp-app-${a.id}`;
  return (
    <article className="cmp-card" aria-labelledby={headingId}>
      <h3 id={headingId}>{a.title}</h3>
      <p className="muted">
        {pick(c.directions.find((d) => d.key === a.directionKey)?.name)} · {a.organisationName} · {a.targetRegion}
      </p>
      <p>
        {t(STATUS_KEY[a.status])} · {t('competitions.web.application.requested', { amount: money(a.requestedAmount) })}
        {a.awardedAmount ? ` · ${t('competitions.web.manage.awarded', { amount: money(a.awardedAmount) })}` : ''}
      </p>
      {a.decisionReason && <p>{t('competitions.web.application.reason', { reason: a.decisionReason })}</p>}
      {decidable && (
        <form className="form" onSubmit={submit} noValidate aria-label={t('competitions.web.manage.decideFor', { title: a.title })}>
          <FormAlert text={form.general} />
          <SelectField label={t('competitions.web.manage.decision')} value={decision} onChange={(e) => setDecision(e.target.value as ApplicationDecision)} error={form.fieldError('decision')}>
            {DECISIONS.map((d) => (
              <option key={d} value={d}>
                {t(DECISION_KEY[d])}
              </option>
            ))}
          </SelectField>
          {decision === 'SELECTED' && <Field label={t('competitions.web.manage.amount', { currency: t(CURRENCY_KEY[c.currency] ?? c.currency), cap: money(c.grantCap) })} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} error={form.fieldError('amount')} required />}
          <TextAreaField label={t('competitions.web.manage.reason')} hint={t('competitions.web.manage.reasonHint')} value={reason} onChange={(e) => setReason(e.target.value)} error={form.fieldError('reason')} rows={2} maxLength={2000} required />
          <button type="submit" className="button" disabled={form.busy}>
            {t('competitions.web.manage.decide')}
          </button>
        </form>
      )}
    </article>
  );
}

function PublishControls({ call: c, onDone }: { call: CmpCall; onDone: () => void }) {
  const { t } = useI18n();
  const form = useFormSubmit();
  return (
    <section aria-labelledby="cmp-publish" className="cmp-section">
      <h2 id="cmp-publish">{t('competitions.web.publish.title')}</h2>
      <FormAlert text={form.general} />
      {c.status === 'RESULTS_PUBLISHED' ? (
        <p>
          <Link to={`/competitions/${c.id}/results`}>{t('competitions.web.results.link')}</Link>
        </p>
      ) : (
        <>
          <p className="muted">{t('competitions.web.publish.hint')}</p>
          <button type="button" className="button" disabled={form.busy} onClick={() => void form.submit(async () => (await graphql.request(CMP_PUBLISH_RESULTS, { callId: c.id }), onDone()))}>
            {t('competitions.web.publish.submit')}
          </button>
        </>
      )}
    </section>
  );
}
