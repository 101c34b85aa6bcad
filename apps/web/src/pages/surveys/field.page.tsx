import { ageGroupOf, AgeGroup, cellKey, cellState, checkAnswers, groupChain, pick, Question, QuotaCell, SURVEY_LANGUAGES, SurveyForm, SurveyLanguage } from '@ashar/survey-forms';
import { FormEvent, ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError, errorMessageKey } from '../../api/graphql-errors';
import { graphql } from '../../api/graphql.client';
import { useI18n } from '../../i18n/i18n.context';
import { dateTimeFormatter } from '../../i18n/intl-format';
import type { OutboxItem } from '../../offline/outbox';
import { newClientId, outbox, outboxSender, sendOrQueueWriteWithId } from '../../offline/offline-runtime';
import { useSession } from '../../session/session.context';
import { FormAlert } from '../../ui/form-alert.component';
import { PageHeading } from '../../ui/page-heading.component';
import { FieldSnapshot, loadSnapshot, saveSnapshot } from './field-store';
import { MatrixField, QuestionField, RawAnswers } from './question.component';
import { SV_MY_ASSIGNMENTS, SV_SUBMIT_ANSWER_SET, SvAssignment } from './surveys.operations';
import './surveys.css';

const OPERATION = 'SvSubmitAnswerSet';
const online = () => typeof navigator === 'undefined' || navigator.onLine !== false;

type Cell = { villageKey: string; gender: string; ageGroup: string };
type Respondent = { villageId: string; gender: 'FEMALE' | 'MALE'; age: number; ageGroup: string };

/** The queued answer sets of one assignment: an outbox item's cell, read from its variables. */
function queuedCells(items: OutboxItem[], assignmentId: string): Array<Cell & { state: OutboxItem['state']; id: string }> {
  return items.flatMap((i) => {
    const input = (i.variables.input ?? {}) as Record<string, string>;
    if (i.operation !== OPERATION || input.assignmentId !== assignmentId) return [];
    return [{ id: i.id, state: i.state, villageKey: input.villageId, gender: input.gender, ageGroup: input.ageGroup }];
  });
}

/**
 * The interviewer's field screen (issue 14): assignments downloaded for offline use, then per respondent
 * consent first, the village × gender × age cell (a full cell is refused on the phone, counting what it
 * still holds), the questionnaire in the chosen language with skip logic, required answers and
 * constraints judged by @ashar/survey-forms as the server judges them, and the answer set queued in
 * the outbox under its instance id: sent now, or when the connection returns, once.
 */
export default function SurveyFieldPage() {
  const { t, locale } = useI18n();
  const { status, account } = useSession();
  const accountId = account?.id ?? graphql.accountId;
  const [snapshot, setSnapshot] = useState<FieldSnapshot | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const [queue, setQueue] = useState<OutboxItem[]>([]);
  const [chosen, setChosen] = useState<string | null>(null);

  const refreshQueue = useCallback(async () => {
    if (accountId) setQueue(await outbox.list(accountId));
  }, [accountId]);

  const download = useCallback(async () => {
    if (!accountId) return;
    setDownloadError(null);
    try {
      const data = await graphql.request(SV_MY_ASSIGNMENTS, {});
      const s: FieldSnapshot = { accountId, downloadedAt: new Date().toISOString(), assignments: data.mySurveyAssignments, sentSinceDownload: {} };
      await saveSnapshot(s);
      setSnapshot(s);
    } catch (e) {
      setDownloadError(t(e instanceof ApiError ? errorMessageKey(e.errors[0]) : 'status.offline'));
    }
  }, [accountId, t]);

  useEffect(() => {
    if (!accountId) return;
    let live = true;
    void loadSnapshot(accountId).then(async (s) => {
      if (!live) return;
      setSnapshot(s);
      setLoaded(true);
      if (online()) await download();
    });
    void refreshQueue();
    return () => void (live = false);
  }, [accountId, download, refreshQueue]);

  useEffect(() => outbox.subscribe(() => void refreshQueue()), [refreshQueue]);
  // Delivered answer sets count in their cells until the next download brings the server's counts.
  useEffect(
    () =>
      outboxSender.onSent((items) => {
        setSnapshot((s) => {
          if (!s) return s;
          const sent = { ...s.sentSinceDownload };
          for (const i of items) {
            const input = (i.variables.input ?? {}) as Record<string, string>;
            if (i.operation === OPERATION) sent[i.id] = cellKey({ villageKey: input.villageId, gender: input.gender, ageGroup: input.ageGroup });
          }
          const next = { ...s, sentSinceDownload: sent };
          void saveSnapshot(next);
          return next;
        });
      }),
    [],
  );

  if (status === 'loading' || (accountId && !loaded)) return <p role="status">{t('status.loading')}</p>;
  if (!accountId)
    return (
      <>
        <PageHeading>{t('surveys.field.title')}</PageHeading>
        <p>{t('me.needLogin')}</p>
      </>
    );

  const assignment = snapshot?.assignments.find((a) => a.id === chosen) ?? null;
  if (assignment && snapshot) return <Interview assignment={assignment} snapshot={snapshot} queue={queue} onBack={() => setChosen(null)} />;

  const mine = queue.filter((i) => i.operation === OPERATION);
  return (
    <>
      <PageHeading>{t('surveys.field.title')}</PageHeading>
      <p className="actions">
        <button type="button" className="button button--secondary" onClick={() => void download()}>
          {t('surveys.field.download')}
        </button>
      </p>
      {snapshot && <p className="survey__meta">{t('surveys.field.downloadedAt', { time: dateTimeFormatter(locale).format(new Date(snapshot.downloadedAt)) })}</p>}
      <FormAlert text={downloadError} />
      <QueueSummary items={mine} sent={Object.keys(snapshot?.sentSinceDownload ?? {}).length} />
      {!snapshot?.assignments.length ? (
        <p>{t('surveys.field.none')}</p>
      ) : (
        <ul className="list">
          {snapshot.assignments.map((a) => (
            <li key={a.id} className="survey__assignment">
              <h2>{a.survey.title}</h2>
              <p className="survey__meta">{a.villages.map((v) => v.name).join(', ')}</p>
              {a.formVersion ? (
                <button type="button" className="button" onClick={() => setChosen(a.id)}>
                  {t('surveys.field.start')}
                </button>
              ) : (
                <p>{t('surveys.field.noForm')}</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function QueueSummary({ items, sent }: { items: OutboxItem[]; sent: number }) {
  const { t } = useI18n();
  const pending = items.filter((i) => i.state === 'pending').length;
  const stuck = items.filter((i) => i.state !== 'pending');
  return (
    <section className="survey__queue" aria-label={t('surveys.field.queueTitle')}>
      <p role="status">{t('surveys.field.queueCounts', { pending, sent })}</p>
      {stuck.map((i) => (
        <p key={i.id} className="field__error">
          {t(i.state === 'conflict' ? 'surveys.field.conflict' : 'surveys.field.refused')} {i.error ? t(i.error.key, i.error.params) : ''}
        </p>
      ))}
    </section>
  );
}

type Step = 'consent' | 'respondent' | 'form' | 'done';

function Interview({ assignment, snapshot, queue, onBack }: { assignment: SvAssignment; snapshot: FieldSnapshot; queue: OutboxItem[]; onBack: () => void }) {
  const { t, locale } = useI18n();
  const form = assignment.formVersion!.form as SurveyForm;
  const consents = (assignment.survey.consents ?? {}) as Partial<Record<SurveyLanguage, string>>;
  const languages = SURVEY_LANGUAGES.filter((l) => form.languages.includes(l) || consents[l]);
  const [lang, setLang] = useState<SurveyLanguage>(() => (languages.includes(locale as SurveyLanguage) ? (locale as SurveyLanguage) : form.defaultLanguage));
  const [step, setStep] = useState<Step>('consent');
  const [startedAt, setStartedAt] = useState(() => new Date().toISOString());
  const [respondent, setRespondent] = useState<Respondent | null>(null);
  const [answers, setAnswers] = useState<RawAnswers>({});
  const [outcome, setOutcome] = useState<string | null>(null);
  const [instanceId, setInstanceId] = useState(() => newClientId());

  const next = () => {
    setStep('consent');
    setRespondent(null);
    setAnswers({});
    setOutcome(null);
    setInstanceId(newClientId());
    setStartedAt(new Date().toISOString());
  };

  return (
    <>
      <PageHeading>{assignment.survey.title}</PageHeading>
      <p className="actions">
        <button type="button" className="button button--secondary" onClick={onBack}>
          {t('surveys.field.back')}
        </button>
      </p>
      <QueueSummary items={queue.filter((i) => i.operation === OPERATION)} sent={Object.keys(snapshot.sentSinceDownload).length} />
      {step === 'consent' && (
        <Consent
          languages={languages}
          lang={lang}
          setLang={setLang}
          text={consents[lang] ?? pick(consents, lang)}
          onAgree={() => {
            setStartedAt(new Date().toISOString());
            setStep('respondent');
          }}
          onRefuse={() => {
            setOutcome(t('surveys.field.refusedConsent'));
            setStep('done');
          }}
        />
      )}
      {step === 'respondent' && <RespondentStep assignment={assignment} snapshot={snapshot} queue={queue} onChosen={(r) => {
            setRespondent(r);
            setStep('form');
          }} />}
      {step === 'form' && respondent && (
        <FormStep
          form={form}
          lang={lang}
          answers={answers}
          setAnswers={setAnswers}
          onSubmit={async (checked) => {
            const input = {
              instanceId,
              assignmentId: assignment.id,
              formVersionId: assignment.formVersion!.id,
              villageId: respondent.villageId,
              gender: respondent.gender,
              age: respondent.age,
              ageGroup: respondent.ageGroup,
              answers: checked,
              consentGiven: true,
              consentLanguage: lang,
              startedAt,
              completedAt: new Date().toISOString(),
            };
            const village = assignment.villages.find((v) => v.id === respondent.villageId)?.name ?? '';
            const r = await sendOrQueueWriteWithId(SV_SUBMIT_ANSWER_SET, { input }, { key: 'surveys.field.outboxItem', params: { village } }, instanceId);
            setOutcome(r.queued ? t('surveys.field.queued') : r.data.submitSurveyAnswerSet.overQuota ? t('surveys.field.sentOverQuota') : t('surveys.field.sent'));
            setStep('done');
          }}
        />
      )}
      {step === 'done' && (
        <>
          <p role="status" className="survey__outcome">
            {outcome}
          </p>
          <p className="actions">
            <button type="button" className="button" onClick={next}>
              {t('surveys.field.nextRespondent')}
            </button>
          </p>
        </>
      )}
    </>
  );
}

function Consent({ languages, lang, setLang, text, onAgree, onRefuse }: { languages: SurveyLanguage[]; lang: SurveyLanguage; setLang: (l: SurveyLanguage) => void; text: string; onAgree: () => void; onRefuse: () => void }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="survey-consent">
      <h2 id="survey-consent">{t('surveys.field.consentTitle')}</h2>
      <div className="field">
        <label htmlFor="survey-language">{t('surveys.field.language')}</label>
        <select id="survey-language" value={lang} onChange={(e) => setLang(e.target.value as SurveyLanguage)}>
          {languages.map((l) => (
            <option key={l} value={l}>
              {t(`language.name.${l}`)}
            </option>
          ))}
        </select>
      </div>
      <blockquote className="survey__consent" lang={lang}>
        {text}
      </blockquote>
      <p className="actions">
        <button type="button" className="button" onClick={onAgree}>
          {t('surveys.field.agree')}
        </button>
        <button type="button" className="button button--secondary" onClick={onRefuse}>
          {t('surveys.field.disagree')}
        </button>
      </p>
    </section>
  );
}

function RespondentStep({ assignment, snapshot, queue, onChosen }: { assignment: SvAssignment; snapshot: FieldSnapshot; queue: OutboxItem[]; onChosen: (r: Respondent) => void }) {
  const { t } = useI18n();
  const [villageId, setVillageId] = useState(assignment.villages[0]?.id ?? '');
  const [gender, setGender] = useState<'FEMALE' | 'MALE' | ''>('');
  const [age, setAge] = useState('');
  const [errors, setErrors] = useState<{ gender?: string; age?: string; cell?: string }>({});
  const quotas: QuotaCell[] = assignment.quotaCells.map((c) => ({ villageKey: c.villageId, gender: c.gender, ageGroup: c.ageGroup, target: c.target }));
  const sentKeys = Object.values(snapshot.sentSinceDownload);
  const counts = assignment.quotaCells.map((c) => {
    const key = cellKey({ villageKey: c.villageId, gender: c.gender, ageGroup: c.ageGroup });
    return { villageKey: c.villageId, gender: c.gender, ageGroup: c.ageGroup, done: c.accepted + sentKeys.filter((k) => k === key).length };
  });
  const held = queuedCells(queue, assignment.id).filter((i) => i.state !== 'refused');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = Number(age);
    const found: typeof errors = {};
    if (!gender) found.gender = t('errors.validation.required');
    const group = age.trim() && Number.isInteger(n) ? ageGroupOf(assignment.ageGroups as AgeGroup[], n) : null;
    if (!age.trim()) found.age = t('errors.validation.required');
    else if (!group) found.age = t('errors.surveys.ageOutsideGroups');
    if (!found.gender && !found.age && group) {
      const cell = { villageKey: villageId, gender, ageGroup: group.key };
      const pending = held.filter((i) => cellKey(i) === cellKey(cell)).length;
      const state = cellState(quotas, counts, cell, pending);
      if (state.limited && state.full) found.cell = t('surveys.field.cellFull', { target: state.target, done: state.done });
    }
    setErrors(found);
    if (Object.keys(found).length || !group || !gender) return;
    onChosen({ villageId, gender, age: n, ageGroup: group.key });
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="survey-respondent">
      <h2 id="survey-respondent">{t('surveys.field.respondentTitle')}</h2>
      <div className="field">
        <label htmlFor="survey-village">{t('surveys.field.village')}</label>
        <select id="survey-village" value={villageId} onChange={(e) => setVillageId(e.target.value)}>
          {assignment.villages.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </select>
      </div>
      <fieldset className={errors.gender ? 'field field--error survey__choices' : 'field survey__choices'} aria-describedby={errors.gender ? 'survey-gender-error' : undefined}>
        <legend>{t('surveys.field.gender')}</legend>
        {errors.gender && (
          <p className="field__error" id="survey-gender-error">
            {errors.gender}
          </p>
        )}
        {(['FEMALE', 'MALE'] as const).map((g) => (
          <label key={g} className="survey__choice">
            <input type="radio" name="survey-gender" value={g} checked={gender === g} onChange={() => setGender(g)} />
            {t(g === 'FEMALE' ? 'surveys.gender.FEMALE' : 'surveys.gender.MALE')}
          </label>
        ))}
      </fieldset>
      <div className={errors.age ? 'field field--error' : 'field'}>
        <label htmlFor="survey-age">{t('surveys.field.age')}</label>
        {errors.age && (
          <p className="field__error" id="survey-age-error">
            {errors.age}
          </p>
        )}
        <input id="survey-age" type="number" inputMode="numeric" value={age} onChange={(e) => setAge(e.target.value)} aria-invalid={errors.age ? true : undefined} aria-describedby={errors.age ? 'survey-age-error' : undefined} />
      </div>
      <FormAlert text={errors.cell ?? null} />
      <p className="actions">
        <button type="submit" className="button">
          {t('surveys.field.toQuestions')}
        </button>
      </p>
    </form>
  );
}

function FormStep({ form, lang, answers, setAnswers, onSubmit }: { form: SurveyForm; lang: SurveyLanguage; answers: RawAnswers; setAnswers: (a: RawAnswers) => void; onSubmit: (checked: Record<string, unknown>) => Promise<void> }) {
  const { t } = useI18n();
  const [shownErrors, setShownErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Relevance follows the answers as they are typed: only what is asked is shown and sent.
  const judged = useMemo(() => checkAnswers(form, answers, lang), [form, answers, lang]);
  const asked = new Set(judged.asked);
  const set = (name: string, value: unknown) => setAnswers({ ...answers, [name]: value });

  const blocks: Array<{ key: string; node: ReactNode }> = [];
  const doneMatrices = new Set<string>();
  const shownGroups = new Set<string>();
  for (const q of form.questions) {
    if (!asked.has(q.name)) continue;
    const chain = groupChain(form, q.group);
    const matrix = chain.find((g) => g.matrix);
    for (const g of [...chain].reverse()) {
      if (g.matrix || shownGroups.has(g.name)) continue;
      shownGroups.add(g.name);
      blocks.push({ key: `g-${g.name}`, node: <h3 className="survey__group">{pick(g.label, lang, form.defaultLanguage)}</h3> });
    }
    if (matrix) {
      if (doneMatrices.has(matrix.name)) continue;
      doneMatrices.add(matrix.name);
      const rows = form.questions.filter((x: Question) => x.group === matrix.name && asked.has(x.name));
      blocks.push({ key: `m-${matrix.name}`, node: <MatrixField form={form} title={pick(matrix.label, lang, form.defaultLanguage)} questions={rows} lang={lang} answers={answers} errors={shownErrors} onChange={set} /> });
      continue;
    }
    blocks.push({ key: q.name, node: <QuestionField form={form} q={q} lang={lang} value={answers[q.name]} error={shownErrors[q.name]} onChange={(v) => set(q.name, v)} /> });
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems = judged.problems.filter((p) => p.key !== 'errors.surveys.unknownQuestion');
    const errors = Object.fromEntries(problems.map((p) => [p.path.replace(/^answers\./, ''), p.message ?? t(p.key, (p.params ?? {}) as Record<string, string | number>)]));
    setShownErrors(errors);
    if (problems.length) return setAlert(t('surveys.field.fixAnswers', { count: problems.length }));
    setAlert(null);
    setBusy(true);
    try {
      await onSubmit(judged.answers);
    } catch (err) {
      const first = err instanceof ApiError ? err.errors[0] : undefined;
      const field = first?.extensions?.field?.replace(/^answers\./, '');
      const text = first?.message && first.extensions?.field?.startsWith('answers.') ? first.message : t(errorMessageKey(first));
      if (field && asked.has(field)) setShownErrors({ [field]: text });
      setAlert(text);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate lang={lang} className="survey__form">
      {blocks.map((b) => (
        <div key={b.key}>{b.node}</div>
      ))}
      <FormAlert text={alert} />
      <p className="actions">
        <button type="submit" className="button" disabled={busy}>
          {t('surveys.field.finish')}
        </button>
      </p>
    </form>
  );
}
