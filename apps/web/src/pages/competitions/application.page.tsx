import { FormEvent, useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { UploadError, uploadFailureMessage, uploadWithProgress } from '../../api/file-upload';
import { ApiError, Message, toFormErrors } from '../../api/graphql-errors';
import { graphql } from '../../api/graphql.client';
import { useQuery } from '../../api/use-query.hook';
import { useI18n } from '../../i18n/i18n.context';
import { dateTimeFormatter } from '../../i18n/intl-format';
import { useSession } from '../../session/session.context';
import { FormAlert } from '../../ui/form-alert.component';
import { PageHeading } from '../../ui/page-heading.component';
import { ErrorMessage, Loading } from '../../ui/query-status.component';
import { CMP_APPLICATION, CMP_CALL, CMP_SAVE_DRAFT, CMP_SUBMIT_STAGE, CmpApplication, CmpCall } from './competitions.operations';
import { answerFieldOf, FormField, parseAnswers, parseForm } from './form';
import { STATUS_KEY } from './labels';
import { useMoney } from './money';
import { answersFromTyped, StageFields, TypedAnswers, typedFromAnswers } from './stage-form.component';
import './competitions.css';

/** An application's current stage: the call's form for it, drafts saved, submitted with the server's refusals shown. */
export default function CompetitionApplicationPage() {
  const { id = '' } = useParams();
  const { t, pick } = useI18n();
  const { status } = useSession();
  const [reload, setReload] = useState(0);
  const app = useQuery(CMP_APPLICATION, status === 'loading' ? null : { id, reload }, { scope: status });
  const callId = app.data?.competitionApplication.callId;
  const call = useQuery(CMP_CALL, callId ? { id: callId } : null, { scope: status });
  const error = app.error ?? call.error;
  if (error) return <ErrorMessage error={error} onRetry={() => (app.retry(), call.retry())} />;
  if (!app.data || !call.data) return <Loading />;
  const a = app.data.competitionApplication;
  const c = call.data.competitionCall;
  return (
    <>
      <p className="back-link">
        <Link to={`/competitions/${c.id}`}>{pick(c.title)}</Link>
      </p>
      <PageHeading>{a.title}</PageHeading>
      <p className="muted">
        {t(STATUS_KEY[a.status])} · {a.organisationName}
        {a.partnerName ? ` · ${a.partnerName}` : ''} · {a.targetRegion}
      </p>
      {a.decisionReason && <p>{t('competitions.web.application.reason', { reason: a.decisionReason })}</p>}
      <StageEditor key={`${a.id}-${a.currentStage}-${reload}`} application={a} call={c} onDone={() => setReload((r) => r + 1)} />
      <Versions application={a} call={c} />
    </>
  );
}

function StageEditor({ application: a, call: c, onDone }: { application: CmpApplication; call: CmpCall; onDone: () => void }) {
  const { t, pick, locale } = useI18n();
  const stage = c.stages.find((s) => s.number === a.currentStage) ?? c.stages[0];
  const fields = useMemo(() => parseForm(stage.form), [stage.form]);
  const submitted = a.submissions.filter((s) => s.stageNumber === stage.number);
  const latest = submitted[submitted.length - 1];
  const amending = !!a.amendmentUntil && new Date(a.amendmentUntil).getTime() > Date.now();
  const editable = (a.status === 'DRAFT' || a.status === 'SUBMITTED' || a.status === 'SHORTLISTED') && (!latest || amending);
  const draft = parseAnswers(a.drafts)[String(stage.number)];
  const [typed, setTyped] = useState<TypedAnswers>(() => typedFromAnswers(fields, (draft as Record<string, unknown>) ?? parseAnswers(latest?.answers)));
  const [fieldErrors, setFieldErrors] = useState<Record<string, Message>>({});
  const [general, setGeneral] = useState<Message | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setNotice(null), [typed]);

  const run = async (submit: boolean) => {
    setGeneral(null);
    setFieldErrors({});
    setNotice(null);
    const { answers, problems } = answersFromTyped(fields, typed);
    if (Object.keys(problems).length) {
      setFieldErrors(problems);
      setGeneral({ key: 'errors.BAD_USER_INPUT' });
      return;
    }
    setBusy(true);
    try {
      await graphql.request(CMP_SAVE_DRAFT, { input: { applicationId: a.id, stage: stage.number, answers: JSON.stringify(answers) } });
      if (submit) {
        await graphql.request(CMP_SUBMIT_STAGE, { applicationId: a.id, stage: stage.number });
        onDone();
      } else setNotice(t('competitions.web.application.saved'));
    } catch (e) {
      // Field paths under answers land on their field; the rest (deadline passed, frozen stage…) on top.
      const items = e instanceof ApiError ? e.errors : [];
      const fields: Record<string, Message> = {};
      for (const item of items) {
        const k = answerFieldOf(item.extensions?.field);
        if (k && !fields[k]) fields[k] = toFormErrors(new ApiError([item]), {}).general!;
      }
      setFieldErrors(fields);
      const rest = items.filter((i) => !answerFieldOf(i.extensions?.field));
      setGeneral(rest.length ? toFormErrors(new ApiError(rest), {}).general : Object.keys(fields).length ? { key: 'errors.BAD_USER_INPUT' } : toFormErrors(e, {}).general);
    } finally {
      setBusy(false);
    }
  };
  const text = (m: Message | null | undefined) => (m ? t(m.key, m.params) : null);
  // The file goes up at once (type read from its bytes by the server); the draft then names it by id.
  const uploadFile = async (field: FormField, file: File) => {
    setFieldErrors((f) => ({ ...f, [field.key]: undefined as unknown as Message }));
    setBusy(true);
    try {
      const stored = (await uploadWithProgress(graphql, `/api/competition-applications/${a.id}/files?stage=${stage.number}&field=${encodeURIComponent(field.key)}&fileName=${encodeURIComponent(file.name)}`, file, { contentType: 'application/octet-stream' })) as { fileId: string; name: string; contentType: string };
      setTyped((s) => ({ ...s, [field.key]: { fileId: stored.fileId, name: stored.name, contentType: stored.contentType } }));
    } catch (e) {
      setFieldErrors((f) => ({ ...f, [field.key]: e instanceof UploadError ? uploadFailureMessage(e.failure) : { key: 'errors.INTERNAL_SERVER_ERROR' } }));
    } finally {
      setBusy(false);
    }
  };
  const submitForm = (e: FormEvent) => {
    e.preventDefault();
    void run(true);
  };

  return (
    <section aria-labelledby="cmp-stage" className="cmp-section">
      <h2 id="cmp-stage">{t('competitions.web.application.stage', { n: stage.number, name: pick(stage.name) })}</h2>
      <p>{t('competitions.web.call.deadline', { deadline: stage.deadlineLocal })}</p>
      {amending && <p>{t('competitions.web.application.amendUntil', { until: dateTimeFormatter(locale).format(new Date(a.amendmentUntil!)) })}</p>}
      {!editable && latest && <p className="muted">{t('competitions.web.application.frozen', { version: latest.version })}</p>}
      <form className="form" onSubmit={submitForm} noValidate aria-labelledby="cmp-stage">
        <FormAlert text={text(general) ?? notice} />
        <StageFields fields={fields} value={typed} onChange={(k, v) => setTyped((s) => ({ ...s, [k]: v }))} errorOf={(k) => text(fieldErrors[k])} currency={c.currency} readOnly={!editable} onFile={(f, file) => void uploadFile(f, file)} />
        {editable && (
          <div className="cmp-actions">
            <button type="button" className="button button--secondary" disabled={busy} onClick={() => void run(false)}>
              {t('competitions.web.application.saveDraft')}
            </button>
            <button type="submit" className="button" disabled={busy}>
              {t('competitions.web.application.submit')}
            </button>
          </div>
        )}
      </form>
    </section>
  );
}

function Versions({ application: a, call: c }: { application: CmpApplication; call: CmpCall }) {
  const { t, locale } = useI18n();
  const money = useMoney(c.currency);
  if (!a.submissions.length) return null;
  const when = dateTimeFormatter(locale);
  return (
    <section aria-labelledby="cmp-versions" className="cmp-section">
      <h2 id="cmp-versions">{t('competitions.web.application.versions')}</h2>
      <p>{t('competitions.web.application.requested', { amount: money(a.requestedAmount) })}</p>
      <ul>
        {a.submissions.map((s) => (
          <li key={`${s.stageNumber}-${s.version}`}>{t('competitions.web.application.version', { stage: s.stageNumber, version: s.version, at: when.format(new Date(s.submittedAt)) })}</li>
        ))}
      </ul>
    </section>
  );
}
