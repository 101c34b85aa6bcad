import { GENDERS, SurveyForm } from '@ashar/survey-forms';
import { ChangeEvent, FormEvent, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/graphql-errors';
import { graphql } from '../../api/graphql.client';
import { COMMUNITY_MEMBERS } from '../../api/territory.operations';
import { useQuery } from '../../api/use-query.hook';
import { useI18n } from '../../i18n/i18n.context';
import { dateTimeFormatter } from '../../i18n/intl-format';
import { Field, SelectField } from '../../ui/field.component';
import { FormAlert } from '../../ui/form-alert.component';
import { useFormSubmit } from '../../ui/form-submit.hook';
import { PageHeading } from '../../ui/page-heading.component';
import { ErrorMessage, Loading } from '../../ui/query-status.component';
import { barPercent, GENDER_KEY, interviewersOf, orderedProgress, planKey, publishedOf, quotaCellsOfPlan, quotaTotals, refusedProblems, versionXlsForm, XLSFORM_WORDS, XlsProblem } from './organiser';
import { SV_ASSIGN_INTERVIEWER, SV_COMMUNITY_VILLAGES, SV_RECORD_FROM_SURVEY, SV_SET_QUOTAS, SV_SURVEY, SvSurvey } from './organiser.operations';
import { downloadPrivateFile } from './private-download';
import { SurveyResults } from './survey-results.component';
import './organiser.css';

type Village = { id: string; name: string };

/**
 * One survey for its organisers (issue 14): versions (newest first, each downloadable as XLSForm), a new
 * version from an uploaded XLSForm (problems named by their cell), quota progress per village × gender ×
 * age group, the sample plan, interviewers' assignments, and results with suppression and exports.
 * What is shown is what `survey(id)` answers: the API decides who is an organiser.
 */
export default function SurveyPage() {
  const { surveyId = '' } = useParams();
  const { t, pick } = useI18n();
  const [reload, setReload] = useState(0);
  const q = useQuery(SV_SURVEY, { id: surveyId, reload });
  // While a reload runs (after a publish or a save) the previous answer stays on screen, so the forms
  // and their "saved" messages are not unmounted.
  const last = useRef<typeof q.data>(null);
  if (q.data) last.current = q.data;
  const data = q.data ?? (last.current?.survey.id === surveyId ? last.current : null);
  const communityId = data?.survey.communityId;
  const places = useQuery(SV_COMMUNITY_VILLAGES, communityId ? { id: communityId } : null);
  const villages: Village[] = useMemo(() => {
    const unit = places.data?.community.unit;
    if (!unit) return [];
    return [unit, ...unit.children].map((u) => ({ id: u.id, name: pick(u.names) }));
  }, [places.data, pick]);

  if (q.error) return <ErrorMessage error={q.error} onRetry={q.retry} />;
  if (!data) return <Loading />;
  const s = data.survey;
  const refresh = () => setReload((r) => r + 1);
  // Villages named by the community's units; an assignment also knows the names of its own.
  const names = new Map<string, string>(villages.map((v) => [v.id, v.name]));
  for (const a of s.assignments) for (const v of a.villages) if (!names.has(v.id)) names.set(v.id, v.name);
  const villageName = (id: string) => names.get(id) ?? id;

  return (
    <>
      <PageHeading>{s.title}</PageHeading>
      <p>
        <Link to={`/communities/${s.communityId}/surveys`}>{t('surveys.organiser.backToList')}</Link>
      </p>
      <dl className="facts">
        <div>
          <dt>{t('surveys.organiser.answerSets')}</dt>
          <dd>{s.answerSets}</dd>
        </div>
        <div>
          <dt>{t('surveys.organiser.threshold')}</dt>
          <dd>{s.suppressionThreshold}</dd>
        </div>
        <div>
          <dt>{t('surveys.organiser.privacy')}</dt>
          <dd>{t(s.anonymous ? 'surveys.organiser.anonymous' : 'surveys.organiser.linked')}</dd>
        </div>
        <div>
          <dt>{t('surveys.organiser.ageGroups')}</dt>
          <dd>{s.ageGroups.map((g) => g.key).join(', ')}</dd>
        </div>
      </dl>
      <Versions survey={s} onPublished={refresh} />
      <QuotaProgress survey={s} villageName={villageName} />
      <QuotaPlan survey={s} villages={villages} onSaved={refresh} />
      <Assignments survey={s} villages={villages} onSaved={refresh} />
      <SurveyResults surveyId={s.id} form={(s.versions[0]?.form as SurveyForm | undefined) ?? null} threshold={s.suppressionThreshold} />
      {(s.versions[0]?.form as SurveyForm | undefined)?.formId === MUNICIPALITY_FORM_ID && <IntoRegistry survey={s} />}
    </>
  );
}

/** The form id of the municipality indicators' standard questionnaire (libs/municipal-indicators). */
const MUNICIPALITY_FORM_ID = 'municipal_indicators';

/** A survey of municipalities: its answer sets into the municipality registry, once each. */
function IntoRegistry({ survey }: { survey: SvSurvey }) {
  const { t } = useI18n();
  const form = useFormSubmit();
  const [result, setResult] = useState<{ recorded: number; unchanged: number; skipped: Array<{ instanceId: string; messageKey: string }> } | null>(null);
  const run = (e: FormEvent) => {
    e.preventDefault();
    setResult(null);
    void form.submit(async () => setResult((await graphql.request(SV_RECORD_FROM_SURVEY, { id: survey.id })).recordMunicipalityObservationsFromSurvey));
  };
  return (
    <section aria-labelledby="srv-registry-heading">
      <h2 id="srv-registry-heading">{t('surveys.registry.title')}</h2>
      <p className="muted">{t('surveys.registry.hint')}</p>
      <form onSubmit={run}>
        <FormAlert text={form.general} />
        <button type="submit" className="button" disabled={form.busy}>
          {t('surveys.registry.run')}
        </button>
      </form>
      <p role="status">{result ? t('surveys.registry.done', { recorded: result.recorded, unchanged: result.unchanged, skipped: result.skipped.length }) : ''}</p>
      {result && result.skipped.length > 0 && (
        <ul>
          {result.skipped.map((x) => (
            <li key={x.instanceId}>{t('surveys.registry.skipped', { id: x.instanceId.slice(0, 8), reason: t(x.messageKey) })}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ProblemList({ problems, labelKey }: { problems: XlsProblem[]; labelKey: string }) {
  const { t } = useI18n();
  if (problems.length === 0) return null;
  return (
    <div>
      <p>{t(labelKey, { count: problems.length })}</p>
      <ul className="srv-problems">
        {problems.map((p, i) => (
          <li key={i}>
            {p.path && <code className="srv-cell">{p.path}</code>} {t(p.key, p.params)}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Versions({ survey, onPublished }: { survey: SvSurvey; onPublished: () => void }) {
  const { t, locale } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [problems, setProblems] = useState<XlsProblem[]>([]);
  const [warnings, setWarnings] = useState<XlsProblem[]>([]);
  const [downloadError, setDownloadError] = useState<string | null>(null);

  const upload = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    setStatus(null);
    setProblems([]);
    setWarnings([]);
    if (!file) return setMessage(t('surveys.organiser.chooseFile', XLSFORM_WORDS));
    setBusy(true);
    try {
      const body = await graphql.upload<unknown>(`/api/surveys/${encodeURIComponent(survey.id)}/xlsform`, file);
      const published = publishedOf(body);
      setWarnings(published.warnings);
      setStatus(t('surveys.organiser.published', { number: published.number ?? '?' }));
      setFile(null);
      onPublished();
    } catch (err) {
      const ext = err instanceof ApiError ? err.errors[0]?.extensions : undefined;
      const found = refusedProblems(ext?.params as Record<string, unknown> | undefined);
      setProblems(found);
      setMessage(found.length > 0 ? t('surveys.organiser.uploadRefused') : t(ext?.messageKey ?? (err instanceof ApiError && err.network ? 'status.offline' : `errors.${ext?.code ?? 'INTERNAL_SERVER_ERROR'}`), (ext?.params as Record<string, string | number>) ?? {}));
    } finally {
      setBusy(false);
    }
  };

  const download = async (n: number) => {
    setDownloadError(null);
    const f = versionXlsForm(survey.id, n);
    const r = await downloadPrivateFile(f.url, f.fileName);
    if (!r.ok) setDownloadError(t(r.messageKey));
  };

  return (
    <section aria-labelledby="srv-versions-heading">
      <h2 id="srv-versions-heading">{t('surveys.organiser.versions')}</h2>
      {survey.versions.length === 0 ? (
        <p className="muted">{t('surveys.organiser.noVersions')}</p>
      ) : (
        <ul className="list list--plain srv-versions">
          {survey.versions.map((v) => (
            <li key={v.id}>
              <span className="list__title">{t('surveys.organiser.version', { number: v.number })}</span>
              <span className="list__meta">{dateTimeFormatter(locale).format(new Date(v.createdAt))}</span>
              <button type="button" className="button button--secondary" onClick={() => void download(v.number)}>
                {t('surveys.organiser.downloadXlsForm', { number: v.number, ...XLSFORM_WORDS })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <FormAlert text={downloadError} />
      <form className="form" onSubmit={upload} noValidate aria-labelledby="srv-upload-heading">
        <h3 id="srv-upload-heading">{t('surveys.organiser.uploadTitle', XLSFORM_WORDS)}</h3>
        <p className="field__hint" id="srv-upload-hint">
          {t('surveys.organiser.uploadHint', XLSFORM_WORDS)}
        </p>
        <div className="field">
          <label htmlFor="srv-upload-file">{t('surveys.organiser.xlsFormFile', XLSFORM_WORDS)}</label>
          <input
            id="srv-upload-file"
            type="file"
            aria-describedby="srv-upload-hint"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e: ChangeEvent<HTMLInputElement>) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <div role="alert" className={message ? 'alert' : undefined}>
          {message && <p>{message}</p>}
          <ProblemList problems={problems} labelKey="surveys.organiser.problems" />
        </div>
        <div role="status">
          {status && <p>{status}</p>}
          <ProblemList problems={warnings} labelKey="surveys.organiser.warnings" />
        </div>
        <button type="submit" className="button" disabled={busy}>
          {t(busy ? 'surveys.organiser.uploading' : 'surveys.organiser.upload')}
        </button>
      </form>
    </section>
  );
}

function QuotaProgress({ survey, villageName }: { survey: SvSurvey; villageName: (id: string) => string }) {
  const { t } = useI18n();
  const cells = orderedProgress(survey.quotaProgress, villageName, survey.ageGroups);
  const totals = quotaTotals(cells);
  return (
    <section aria-labelledby="srv-progress-heading">
      <h2 id="srv-progress-heading">{t('surveys.organiser.progress')}</h2>
      {cells.length === 0 ? (
        <p className="muted">{t('surveys.organiser.noQuotas')}</p>
      ) : (
        <div className="srv-scroll" tabIndex={0} role="region" aria-labelledby="srv-progress-caption">
          <table className="srv-table">
            <caption id="srv-progress-caption">{t('surveys.organiser.progressCaption', { accepted: totals.accepted, target: totals.target, overQuota: totals.overQuota })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('surveys.organiser.cell')}</th>
                <th scope="col">{t('surveys.organiser.target')}</th>
                <th scope="col">{t('surveys.organiser.accepted')}</th>
                <th scope="col">{t('surveys.organiser.overQuota')}</th>
              </tr>
            </thead>
            <tbody>
              {cells.map((c) => {
                const pct = barPercent(c.accepted, c.target);
                return (
                  <tr key={planKey(c.villageId, c.gender, c.ageGroup)}>
                    <th scope="row">
                      {villageName(c.villageId)} · {t(GENDER_KEY[c.gender])} · {c.ageGroup}
                      <span className="srv-bar" aria-hidden="true">
                        <span className={pct >= 100 ? 'srv-bar__fill srv-bar__fill--full' : 'srv-bar__fill'} style={{ width: `${pct}%` }} />
                      </span>
                    </th>
                    <td>{c.target}</td>
                    <td>{c.accepted}</td>
                    <td>{c.overQuota}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function QuotaPlan({ survey, villages, onSaved }: { survey: SvSurvey; villages: Village[]; onSaved: () => void }) {
  const { t } = useI18n();
  const initial = useMemo(() => Object.fromEntries(survey.quotaProgress.map((c) => [planKey(c.villageId, c.gender, c.ageGroup), String(c.target)])), [survey.quotaProgress]);
  const [plan, setPlan] = useState<Record<string, string>>(initial);
  const [saved, setSaved] = useState(false);
  const form = useFormSubmit();
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const { cells, invalid } = quotaCellsOfPlan(plan);
    if (invalid.length > 0) return form.setErrors({ fields: {}, general: { key: 'surveys.organiser.targetsInvalid' } });
    const failed = await form.submit(() => graphql.request(SV_SET_QUOTAS, { input: { surveyId: survey.id, cells } }));
    if (!failed) {
      setSaved(true);
      onSaved();
    }
  };
  return (
    <section aria-labelledby="srv-plan-heading">
      <h2 id="srv-plan-heading">{t('surveys.organiser.plan')}</h2>
      <p className="field__hint">{t('surveys.organiser.planHint')}</p>
      {villages.length === 0 ? (
        <Loading />
      ) : (
        <form className="form" onSubmit={save} noValidate>
          {villages.map((v) => (
            <fieldset key={v.id} className="srv-fieldset">
              <legend>{v.name}</legend>
              <div className="srv-plan-grid">
                {GENDERS.flatMap((g) =>
                  survey.ageGroups.map((a) => {
                    const k = planKey(v.id, g, a.key);
                    return (
                      <Field
                        key={k}
                        label={t('surveys.organiser.targetFor', { gender: t(GENDER_KEY[g]), ageGroup: a.key })}
                        inputMode="numeric"
                        value={plan[k] ?? ''}
                        onChange={(e) => setPlan({ ...plan, [k]: e.target.value })}
                      />
                    );
                  }),
                )}
              </div>
            </fieldset>
          ))}
          <FormAlert text={form.general} />
          <div role="status">{saved && <p>{t('surveys.organiser.planSaved')}</p>}</div>
          <button type="submit" className="button" disabled={form.busy}>
            {t('surveys.organiser.savePlan')}
          </button>
        </form>
      )}
    </section>
  );
}

function Assignments({ survey, villages, onSaved }: { survey: SvSurvey; villages: Village[]; onSaved: () => void }) {
  const { t } = useI18n();
  const members = useQuery(COMMUNITY_MEMBERS, { id: survey.communityId });
  const people = interviewersOf(members.data?.community.members ?? []);
  const nameOf = (id: string) => people.find((p) => p.id === id)?.displayName ?? id;
  const [accountId, setAccountId] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [share, setShare] = useState('');
  const [saved, setSaved] = useState(false);
  const form = useFormSubmit({ 'input.accountId': 'accountId', 'input.villageIds': 'villages', 'input.quotaShare': 'share' });
  const assign = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const fields: Record<string, { key: string }> = {};
    if (!accountId) fields.accountId = { key: 'surveys.organiser.chooseInterviewer' };
    if (chosen.length === 0) fields.villages = { key: 'surveys.organiser.chooseVillages' };
    const n = share.trim() === '' ? null : Number(share);
    if (n !== null && (!Number.isInteger(n) || n < 1 || n > 100)) fields.share = { key: 'surveys.organiser.shareRange' };
    if (Object.keys(fields).length > 0) return form.setErrors({ fields, general: { key: 'surveys.organiser.fixFields' } });
    const failed = await form.submit(() => graphql.request(SV_ASSIGN_INTERVIEWER, { input: { surveyId: survey.id, accountId, villageIds: chosen, quotaShare: n } }));
    if (!failed) {
      setSaved(true);
      onSaved();
    }
  };
  return (
    <section aria-labelledby="srv-assign-heading">
      <h2 id="srv-assign-heading">{t('surveys.organiser.assignments')}</h2>
      {survey.assignments.length === 0 ? (
        <p className="muted">{t('surveys.organiser.noAssignments')}</p>
      ) : (
        <ul className="list list--plain">
          {survey.assignments.map((a) => (
            <li key={a.id}>
              <span className="list__title">{nameOf(a.accountId)}</span>
              <span className="list__meta">
                {a.villages.map((v) => v.name).join(', ')}
                {a.quotaShare != null && ` · ${t('surveys.organiser.shareShort', { share: a.quotaShare })}`}
              </span>
            </li>
          ))}
        </ul>
      )}
      {members.error ? (
        <ErrorMessage error={members.error} onRetry={members.retry} />
      ) : !members.data ? (
        <Loading />
      ) : people.length === 0 ? (
        <p className="muted">{t('surveys.organiser.noInterviewers')}</p>
      ) : (
        <form className="form" onSubmit={assign} noValidate>
          <h3>{t('surveys.organiser.assignTitle')}</h3>
          <SelectField label={t('surveys.organiser.interviewer')} value={accountId} error={form.fieldError('accountId')} onChange={(e) => setAccountId(e.target.value)}>
            <option value="">{t('surveys.organiser.choose')}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.displayName}
              </option>
            ))}
          </SelectField>
          <fieldset className="srv-fieldset" aria-invalid={form.fieldError('villages') ? true : undefined}>
            <legend>{t('surveys.organiser.villages')}</legend>
            {form.fieldError('villages') && <p className="field__error">{form.fieldError('villages')}</p>}
            {villages.map((v) => (
              <label key={v.id} className="checkbox">
                <input type="checkbox" checked={chosen.includes(v.id)} onChange={(e) => setChosen(e.target.checked ? [...chosen, v.id] : chosen.filter((c) => c !== v.id))} />
                {v.name}
              </label>
            ))}
          </fieldset>
          <Field label={t('surveys.organiser.share')} hint={t('surveys.organiser.shareHint')} inputMode="numeric" value={share} error={form.fieldError('share')} onChange={(e) => setShare(e.target.value)} />
          <FormAlert text={form.general} />
          <div role="status">{saved && <p>{t('surveys.organiser.assigned')}</p>}</div>
          <button type="submit" className="button" disabled={form.busy}>
            {t('surveys.organiser.assign')}
          </button>
        </form>
      )}
    </section>
  );
}
