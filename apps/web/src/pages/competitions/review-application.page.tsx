import { FormEvent, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { graphql } from '../../api/graphql.client';
import { useQuery } from '../../api/use-query.hook';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { Field, TextAreaField } from '../../ui/field.component';
import { FormAlert } from '../../ui/form-alert.component';
import { useFormSubmit } from '../../ui/form-submit.hook';
import { PageHeading } from '../../ui/page-heading.component';
import { ErrorMessage, Loading } from '../../ui/query-status.component';
import { CMP_CALL, CMP_DECLARE_CONFLICT, CMP_FOR_REVIEW, CMP_SCORE_SUMMARY, CMP_SUBMIT_SCORES, CmpCall, CmpReview } from './competitions.operations';
import { parseAnswers, parseForm } from './form';
import { useScore } from './money';
import { StageFields, typedFromAnswers } from './stage-form.component';
import './competitions.css';

/**
 * One assigned application for its expert: the submitted answers, a conflict declaration, the score sheet
 * (every criterion within its scale, with a comment). Others' scores and the mean appear only after the
 * expert's own are in (the server refuses them before, so the page does not even ask).
 */
export default function CompetitionReviewApplicationPage() {
  const { id = '', applicationId = '' } = useParams();
  const { t, pick } = useI18n();
  const { status } = useSession();
  const [reload, setReload] = useState(0);
  const call = useQuery(CMP_CALL, status === 'loading' ? null : { id }, { scope: status });
  const review = useQuery(CMP_FOR_REVIEW, status === 'loading' ? null : { applicationId, reload }, { scope: status });
  const error = call.error ?? review.error;
  if (error) return <ErrorMessage error={error} onRetry={() => (call.retry(), review.retry())} />;
  if (!call.data || !review.data) return <Loading />;
  const c = call.data.competitionCall;
  const a = review.data.applicationForReview;
  return (
    <>
      <p className="back-link">
        <Link to={`/competitions/${c.id}/review`}>{t('competitions.web.review.title')}</Link>
      </p>
      <PageHeading>{a.title}</PageHeading>
      <p className="muted">
        {pick(c.directions.find((d) => d.key === a.directionKey)?.name)} · {a.organisationName ?? t('competitions.web.review.anonymous')} · {a.targetRegion}
      </p>
      <p>{a.summary}</p>
      <Answers call={c} review={a} />
      <ScoreForm call={c} review={a} onDone={() => setReload((r) => r + 1)} />
      {a.myScores && <Summary applicationId={a.id} reload={reload} />}
      {!a.myScores && <ConflictForm applicationId={a.id} callId={c.id} />}
    </>
  );
}

function Answers({ call: c, review: a }: { call: CmpCall; review: CmpReview }) {
  const { t, pick } = useI18n();
  const stages = [...new Set(a.submissions.map((s) => s.stageNumber))];
  return (
    <>
      {stages.map((n) => {
        const latest = a.submissions.filter((s) => s.stageNumber === n).at(-1)!;
        const stage = c.stages.find((s) => s.number === n);
        const fields = parseForm(stage?.form ?? '{}');
        return (
          <section key={n} className="cmp-section" aria-labelledby={`cmp-answers-${n}`}>
            <h2 id={`cmp-answers-${n}`}>{t('competitions.web.application.stage', { n, name: pick(stage?.name) })}</h2>
            <p className="muted">{t('competitions.web.review.version', { version: latest.version })}</p>
            <StageFields fields={fields} value={typedFromAnswers(fields, parseAnswers(latest.answers))} onChange={() => undefined} errorOf={() => null} currency={c.currency} readOnly />
          </section>
        );
      })}
    </>
  );
}

function ScoreForm({ call: c, review: a, onDone }: { call: CmpCall; review: CmpReview; onDone: () => void }) {
  const { t, pick } = useI18n();
  const earlier = useMemo(() => new Map((a.myScores ?? []).map((s) => [s.criterionKey, s])), [a.myScores]);
  const [scores, setScores] = useState<Record<string, string>>(() => Object.fromEntries(c.criteria.map((k) => [k.key, earlier.has(k.key) ? String(earlier.get(k.key)!.score) : ''])));
  const [comments, setComments] = useState<Record<string, string>>(() => Object.fromEntries(c.criteria.map((k) => [k.key, earlier.get(k.key)?.comment ?? ''])));
  const fieldMap = Object.fromEntries(c.criteria.flatMap((k, i) => [[`input.scores.${i}.score`, k.key], [`input.scores.${i}.comment`, `${k.key}.comment`]]));
  const form = useFormSubmit<string>(fieldMap);
  const [saved, setSaved] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const bad = c.criteria.filter((k) => !/^-?\d+$/.test(scores[k.key].trim()));
    if (bad.length) return form.setErrors({ fields: Object.fromEntries(bad.map((k) => [k.key, { key: 'errors.competitions.score.outOfScale', params: { min: k.min, max: k.max } }])), general: { key: 'errors.BAD_USER_INPUT' } });
    void form
      .submit(() => graphql.request(CMP_SUBMIT_SCORES, { input: { applicationId: a.id, scores: c.criteria.map((k) => ({ criterionKey: k.key, score: Number(scores[k.key].trim()), comment: comments[k.key].trim() || null })) } }))
      .then((errs) => {
        if (!errs) {
          setSaved(true);
          onDone();
        }
      });
  };
  return (
    <section aria-labelledby="cmp-score" className="cmp-section">
      <h2 id="cmp-score">{t('competitions.web.score.title')}</h2>
      <form className="form" onSubmit={submit} noValidate aria-labelledby="cmp-score">
        <FormAlert text={form.general ?? (saved ? t('competitions.web.score.saved') : null)} />
        {c.criteria.map((k) => (
          <fieldset key={k.key} className="cmp-budget-line">
            <legend>{t('competitions.web.score.criterion', { name: pick(k.name), weight: k.weight })}</legend>
            <Field label={t('competitions.web.score.score', { name: pick(k.name), min: k.min, max: k.max })} inputMode="numeric" value={scores[k.key]} onChange={(e) => setScores((s) => ({ ...s, [k.key]: e.target.value }))} error={form.fieldError(k.key)} required />
            <TextAreaField label={t('competitions.web.score.comment', { name: pick(k.name) })} value={comments[k.key]} onChange={(e) => setComments((s) => ({ ...s, [k.key]: e.target.value }))} error={form.fieldError(`${k.key}.comment`)} rows={2} maxLength={2000} />
          </fieldset>
        ))}
        <button type="submit" className="button" disabled={form.busy}>
          {a.myScores ? t('competitions.web.score.resubmit') : t('competitions.web.score.submit')}
        </button>
      </form>
    </section>
  );
}

/** Everyone's sheets, anonymised, with the mean and the spread: shown once the expert's own sheet is in. */
function Summary({ applicationId, reload }: { applicationId: string; reload: number }) {
  const { t } = useI18n();
  const { status } = useSession();
  const score = useScore();
  const s = useQuery(CMP_SCORE_SUMMARY, { applicationId, reload }, { scope: status });
  if (s.error) return <ErrorMessage error={s.error} onRetry={s.retry} />;
  if (!s.data) return <Loading />;
  const sum = s.data.applicationForReview.scoreSummary;
  return (
    <section aria-labelledby="cmp-summary" className="cmp-section">
      <h2 id="cmp-summary">{t('competitions.web.summary.title')}</h2>
      <dl className="cmp-facts">
        <div>
          <dt>{t('competitions.web.summary.reviews')}</dt>
          <dd>{sum.reviews}</dd>
        </div>
        <div>
          <dt>{t('competitions.web.ranking.mean')}</dt>
          <dd>{score(sum.weightedMean)}</dd>
        </div>
        <div>
          <dt>{t('competitions.web.ranking.spread')}</dt>
          <dd>{score(sum.spread)}</dd>
        </div>
      </dl>
      <p className="muted">{t('competitions.web.summary.sheets', { totals: sum.sheets.map((x) => score(x.total)).join(', ') })}</p>
    </section>
  );
}

function ConflictForm({ applicationId, callId }: { applicationId: string; callId: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [reason, setReason] = useState('');
  const form = useFormSubmit<'reason'>({ reason: 'reason' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.submit(async () => {
      await graphql.request(CMP_DECLARE_CONFLICT, { applicationId, reason: reason.trim() || null });
      navigate(`/competitions/${callId}/review`);
    });
  };
  return (
    <section aria-labelledby="cmp-conflict" className="cmp-section">
      <h2 id="cmp-conflict">{t('competitions.web.conflict.title')}</h2>
      <p className="muted">{t('competitions.web.conflict.hint')}</p>
      <form className="form" onSubmit={submit} noValidate aria-labelledby="cmp-conflict">
        <FormAlert text={form.general} />
        <TextAreaField label={t('competitions.web.conflict.reason')} value={reason} onChange={(e) => setReason(e.target.value)} error={form.fieldError('reason')} rows={2} maxLength={1000} />
        <button type="submit" className="button button--secondary" disabled={form.busy}>
          {t('competitions.web.conflict.submit')}
        </button>
      </form>
    </section>
  );
}
