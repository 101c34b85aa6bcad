import { FormEvent, ReactNode, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { graphql } from '../../api/graphql.client';
import { MY_MEMBERSHIPS } from '../../api/territory.operations';
import { useQuery } from '../../api/use-query.hook';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { cleanNumberInput } from '../../ui/number-input';
import { Field, SelectField, TextAreaField } from '../../ui/field.component';
import { FormAlert } from '../../ui/form-alert.component';
import { useFormSubmit } from '../../ui/form-submit.hook';
import { PageHeading } from '../../ui/page-heading.component';
import { ErrorMessage, Loading } from '../../ui/query-status.component';
import {
  CallDraft,
  CriterionDraft,
  CURRENCIES,
  Currency,
  DirectionDraft,
  draftOf,
  emptyDraft,
  errorPaths,
  FIELD_TYPES,
  FieldDraft,
  FieldType,
  FILE_TYPES,
  Lang,
  Localized,
  newCriterion,
  newDirection,
  newField,
  newStage,
  StageDraft,
  TIME_ZONES,
  toCallInput,
} from './call-editor';
import { ApplicantKind, CMP_CALL, CMP_COMMUNITY_CALLS, CMP_CREATE_CALL, CMP_OPEN_CALL, CMP_UPDATE_CALL } from './competitions.operations';
import { APPLICANT_KINDS, CURRENCY_KEY, FIELD_TYPE_KEY, FILE_TYPE_KEY, KIND_KEY, LANGUAGE_KEY, TIME_ZONE_KEY } from './labels';
import './competitions.css';

const LANGS: readonly Lang[] = ['ky', 'ru', 'en', 'kk'];
const MANAGE_ROLES = ['COMMUNITY_ADMIN', 'COUNCIL_SECRETARY'];
/** `/competitions/new`: a new call, organised by one of the communities the viewer runs. */
export function NewCompetitionCallPage() {
  const { t, pick } = useI18n();
  const { status, account } = useSession();
  const memberships = useQuery(MY_MEMBERSHIPS, status === 'authenticated' ? {} : null, { scope: account?.id });
  if (status === 'loading' || (status === 'authenticated' && !memberships.data && !memberships.error)) return <Loading />;
  if (memberships.error) return <ErrorMessage error={memberships.error} onRetry={memberships.retry} />;
  const organisers = new Map<string, string>();
  for (const m of memberships.data?.me?.memberships ?? []) if (MANAGE_ROLES.includes(m.role)) organisers.set(m.community.id, pick(m.community.names));
  if (!organisers.size) {
    return (
      <>
        <PageHeading>{t('competitions.web.editor.newTitle')}</PageHeading>
        <p>{t('competitions.web.editor.noCommunity')}</p>
      </>
    );
  }
  return <CallEditor initial={emptyDraft([...organisers.keys()][0])} organisers={organisers} callId={null} />;
}

/** `/competitions/:id/edit`: a DRAFT call, replaced whole on save, then opened. */
export default function EditCompetitionCallPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { status } = useSession();
  const call = useQuery(CMP_CALL, status === 'loading' ? null : { id }, { scope: status });
  if (call.error) return <ErrorMessage error={call.error} onRetry={call.retry} />;
  if (!call.data) return <Loading />;
  const c = call.data.competitionCall;
  if (c.status !== 'DRAFT') {
    return (
      <>
        <PageHeading>{t('competitions.web.editor.editTitle')}</PageHeading>
        <p>{t('competitions.web.editor.notDraft')}</p>
        <p>
          <Link to={`/competitions/${c.id}`}>{t('competitions.web.editor.toCall')}</Link>
        </p>
      </>
    );
  }
  return <CallEditor key={c.id} initial={draftOf(c)} organisers={null} callId={c.id} />;
}

type Update = (f: (d: CallDraft) => CallDraft) => void;
const at = <T,>(xs: readonly T[], i: number, f: (x: T) => T) => xs.map((x, j) => (j === i ? f(x) : x));
const without = <T,>(xs: readonly T[], i: number) => xs.filter((_, j) => j !== i);

function CallEditor({ initial, organisers, callId }: { initial: CallDraft; organisers: Map<string, string> | null; callId: string | null }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const [draft, setDraft] = useState(initial);
  const [lang, setLang] = useState<Lang>((LANGS as readonly string[]).includes(locale) ? (locale as Lang) : 'ky');
  const [saved, setSaved] = useState(false);
  const update: Update = (f) => (setSaved(false), setDraft(f));
  const paths = useMemo(() => errorPaths(draft), [draft]);
  const fieldMap = useMemo(() => Object.fromEntries(paths.map((p) => [`input.${p}`, p])), [paths]);
  const form = useFormSubmit<string>(fieldMap);
  const opening = useFormSubmit();
  const err = (path: string) => form.fieldError(path);

  const save = async (): Promise<string | null> => {
    const r = toCallInput(draft);
    if (!r.ok) {
      form.setErrors({ fields: r.problems, general: { key: 'errors.BAD_USER_INPUT' } });
      return null;
    }
    let id = callId;
    const failed = await form.submit(async () => {
      if (callId) {
        // The organiser does not change once the call exists.
        const rest: Partial<typeof r.input> = { ...r.input };
        delete rest.communityId;
        await graphql.request(CMP_UPDATE_CALL, { input: { ...(rest as Omit<typeof r.input, 'communityId'>), callId } });
      } else {
        id = (await graphql.request(CMP_CREATE_CALL, { input: r.input })).createCompetitionCall.id;
      }
    });
    if (failed) return null;
    setSaved(true);
    return id;
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save().then((id) => {
      if (id && !callId) navigate(`/competitions/${id}/edit`, { replace: true });
    });
  };
  const open = () =>
    void save().then(async (id) => {
      if (!id) return;
      const failed = await opening.submit(async () => graphql.request(CMP_OPEN_CALL, { callId: id }));
      if (!failed) navigate(`/competitions/${id}`);
    });

  const text = (value: Localized, path: string, label: string, set: (v: Localized) => void, area = false) => {
    const props = { label: t('competitions.web.editor.inLanguage', { label, language: t(LANGUAGE_KEY[lang]) }), lang, value: value[lang] ?? '', error: err(path) };
    const change = (v: string) => set({ ...value, [lang]: v });
    return area ? <TextAreaField {...props} rows={3} onChange={(e) => change(e.target.value)} /> : <Field {...props} onChange={(e) => change(e.target.value)} />;
  };

  return (
    <>
      {callId && (
        <p className="back-link">
          <Link to={`/competitions/${callId}`}>{t('competitions.web.editor.toCall')}</Link>
        </p>
      )}
      <PageHeading>{t(callId ? 'competitions.web.editor.editTitle' : 'competitions.web.editor.newTitle')}</PageHeading>
      <p className="muted">{t('competitions.web.editor.intro')}</p>
      <form className="form cmp-editor" onSubmit={submit} noValidate aria-label={t(callId ? 'competitions.web.editor.editTitle' : 'competitions.web.editor.newTitle')}>
        <FormAlert text={form.general ?? opening.general ?? (saved ? t('competitions.web.editor.saved') : null)} />
        {organisers && (
          <SelectField label={t('competitions.web.editor.organiser')} value={draft.communityId} onChange={(e) => update((d) => ({ ...d, communityId: e.target.value }))} error={err('communityId')}>
            {[...organisers].map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </SelectField>
        )}
        {organisers && <DraftCalls communityId={draft.communityId} />}
        <SelectField label={t('competitions.web.editor.editLanguage')} hint={t('competitions.web.editor.editLanguageHint')} value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
          {LANGS.map((l) => (
            <option key={l} value={l}>
              {t(LANGUAGE_KEY[l])}
            </option>
          ))}
        </SelectField>

        <Section id="cmp-ed-basics" title={t('competitions.web.editor.basics')}>
          {text(draft.title, 'title', t('competitions.web.editor.callTitle'), (title) => update((d) => ({ ...d, title })))}
          {text(draft.summary, 'summary', t('competitions.web.editor.summary'), (summary) => update((d) => ({ ...d, summary })), true)}
          <Checks legend={t('competitions.web.editor.languages')} error={err('languages')} options={LANGS.map((l) => [l, t(LANGUAGE_KEY[l])])} chosen={draft.languages} onChange={(languages) => update((d) => ({ ...d, languages: languages as Lang[] }))} />
          <Checks legend={t('competitions.web.editor.applicantKinds')} error={err('applicantKinds')} options={APPLICANT_KINDS.map((k) => [k, t(KIND_KEY[k])])} chosen={draft.applicantKinds} onChange={(kinds) => update((d) => ({ ...d, applicantKinds: kinds as ApplicantKind[] }))} />
          <SelectField label={t('competitions.web.editor.currency')} value={draft.currency} onChange={(e) => update((d) => ({ ...d, currency: e.target.value as Currency }))} error={err('currency')}>
            {CURRENCIES.map((c) => (
              <option key={c} value={c}>
                {t(CURRENCY_KEY[c])}
              </option>
            ))}
          </SelectField>
          <Field label={t('competitions.web.editor.cap', { currency: t(CURRENCY_KEY[draft.currency]) })} inputMode="decimal" value={draft.grantCap} onChange={(e) => update((d) => ({ ...d, grantCap: cleanNumberInput(e.target.value) }))} error={err('grantCap')} required />
          <Field label={t('competitions.web.editor.months')} inputMode="numeric" value={draft.maxDurationMonths} onChange={(e) => update((d) => ({ ...d, maxDurationMonths: cleanNumberInput(e.target.value) }))} error={err('maxDurationMonths')} required />
          <SelectField label={t('competitions.web.editor.timeZone')} hint={t('competitions.web.editor.timeZoneHint')} value={draft.timeZone} onChange={(e) => update((d) => ({ ...d, timeZone: e.target.value }))} error={err('timeZone')}>
            {!(TIME_ZONES as readonly string[]).includes(draft.timeZone) && <option value={draft.timeZone}>{draft.timeZone}</option>}
            {TIME_ZONES.map((z) => (
              <option key={z} value={z}>
                {t(TIME_ZONE_KEY[z])}
              </option>
            ))}
          </SelectField>
          <label className="checkbox">
            <input type="checkbox" checked={draft.anonymousReview} onChange={(e) => update((d) => ({ ...d, anonymousReview: e.target.checked }))} />
            {t('competitions.web.editor.anonymous')}
          </label>
        </Section>

        <Section id="cmp-ed-directions" title={t('competitions.web.editor.directions')} error={err('directions')}>
          {draft.directions.map((x, i) => (
            <Row key={x.uid} legend={t('competitions.web.editor.direction', { n: i + 1 })} error={err(`directions.${i}`) ?? err(`directions.${i}.key`)} onRemove={draft.directions.length > 1 ? () => update((d) => ({ ...d, directions: without(d.directions, i) })) : undefined}>
              {text(x.name, `directions.${i}.name`, t('competitions.web.editor.directionName'), (name) => update((d) => ({ ...d, directions: at<DirectionDraft>(d.directions, i, (y) => ({ ...y, name })) })))}
            </Row>
          ))}
          <AddButton onClick={() => update((d) => ({ ...d, directions: [...d.directions, newDirection(d.directions.map((y) => y.key))] }))}>{t('competitions.web.editor.addDirection')}</AddButton>
        </Section>

        <Section id="cmp-ed-criteria" title={t('competitions.web.editor.criteria')} error={err('criteria')}>
          <p className="muted">{t('competitions.web.editor.criteriaHint')}</p>
          {draft.criteria.map((x, i) => {
            const set = (f: (c: CriterionDraft) => CriterionDraft) => update((d) => ({ ...d, criteria: at(d.criteria, i, f) }));
            const num = (k: 'weight' | 'min' | 'max', label: string) => <Field label={label} inputMode="numeric" value={x[k]} onChange={(e) => set((c) => ({ ...c, [k]: e.target.value.replace(/[^\d-]/g, '') }))} error={err(`criteria.${i}.${k}`)} required />;
            return (
              <Row key={x.uid} legend={t('competitions.web.editor.criterion', { n: i + 1 })} error={err(`criteria.${i}`) ?? err(`criteria.${i}.key`)} onRemove={draft.criteria.length > 1 ? () => update((d) => ({ ...d, criteria: without(d.criteria, i) })) : undefined}>
                {text(x.name, `criteria.${i}.name`, t('competitions.web.editor.criterionName'), (name) => set((c) => ({ ...c, name })))}
                {num('weight', t('competitions.web.editor.weight'))}
                {num('min', t('competitions.web.editor.scaleMin'))}
                {num('max', t('competitions.web.editor.scaleMax'))}
              </Row>
            );
          })}
          <AddButton onClick={() => update((d) => ({ ...d, criteria: [...d.criteria, newCriterion(d.criteria.map((y) => y.key))] }))}>{t('competitions.web.editor.addCriterion')}</AddButton>
        </Section>

        <Section id="cmp-ed-stages" title={t('competitions.web.editor.stages')} error={err('stages')}>
          {draft.stages.map((s, i) => (
            <StageEditor key={s.uid} stage={s} index={i} timeZone={draft.timeZone} err={err} text={text} update={update} removable={draft.stages.length > 1} />
          ))}
          <AddButton onClick={() => update((d) => ({ ...d, stages: [...d.stages, newStage()] }))}>{t('competitions.web.editor.addStage')}</AddButton>
        </Section>

        <div className="cmp-actions">
          <button type="submit" className="button" disabled={form.busy || opening.busy}>
            {t(callId ? 'competitions.web.editor.save' : 'competitions.web.editor.create')}
          </button>
          {callId && (
            <button type="button" className="button button--secondary" disabled={form.busy || opening.busy} onClick={open}>
              {t('competitions.web.editor.open')}
            </button>
          )}
        </div>
        {callId && <p className="muted">{t('competitions.web.editor.openHint')}</p>}
      </form>
    </>
  );
}

type TextFn = (value: Localized, path: string, label: string, set: (v: Localized) => void, area?: boolean) => ReactNode;

function StageEditor({ stage: s, index: i, timeZone, err, text, update, removable }: { stage: StageDraft; index: number; timeZone: string; err: (p: string) => string | null; text: TextFn; update: Update; removable: boolean }) {
  const { t } = useI18n();
  const set = (f: (x: StageDraft) => StageDraft) => update((d) => ({ ...d, stages: at(d.stages, i, f) }));
  return (
    <Row legend={t('competitions.web.editor.stage', { n: i + 1 })} error={err(`stages.${i}`) ?? err(`stages.${i}.form`) ?? err(`stages.${i}.form.fields`)} onRemove={removable ? () => update((d) => ({ ...d, stages: without(d.stages, i) })) : undefined}>
      {i > 0 && <p className="muted">{t('competitions.web.call.shortlistedOnly')}</p>}
      {text(s.name, `stages.${i}.name`, t('competitions.web.editor.stageName'), (name) => set((x) => ({ ...x, name })))}
      <Field type="datetime-local" label={t('competitions.web.editor.deadline')} hint={t('competitions.web.editor.deadlineHint', { zone: timeZone })} value={s.deadlineLocal} onChange={(e) => set((x) => ({ ...x, deadlineLocal: e.target.value }))} error={err(`stages.${i}.deadlineLocal`)} required />
      <h4>{t('competitions.web.editor.fields')}</h4>
      {s.fields.map((f, j) => (
        <FieldEditor key={f.uid} field={f} path={`stages.${i}.form.fields.${j}`} n={j + 1} err={err} text={text} set={(g) => set((x) => ({ ...x, fields: at(x.fields, j, g) }))} onRemove={() => set((x) => ({ ...x, fields: without(x.fields, j) }))} />
      ))}
      <AddButton onClick={() => set((x) => ({ ...x, fields: [...x.fields, newField(x.fields.map((y) => y.key))] }))}>{t('competitions.web.editor.addField')}</AddButton>
    </Row>
  );
}

function FieldEditor({ field: f, path, n, err, text, set, onRemove }: { field: FieldDraft; path: string; n: number; err: (p: string) => string | null; text: TextFn; set: (g: (f: FieldDraft) => FieldDraft) => void; onRemove: () => void }) {
  const { t } = useI18n();
  const num = (k: 'minLength' | 'maxLength' | 'min' | 'max' | 'maxLines', label: string) => <Field label={label} inputMode="numeric" value={f[k]} onChange={(e) => set((x) => ({ ...x, [k]: e.target.value.replace(/[^\d-]/g, '') }))} error={err(`${path}.${k}`)} />;
  return (
    <Row legend={t('competitions.web.editor.field', { n })} error={err(path) ?? err(`${path}.key`)} onRemove={onRemove}>
      {text(f.label, `${path}.label`, t('competitions.web.editor.fieldLabel'), (label) => set((x) => ({ ...x, label })))}
      <SelectField label={t('competitions.web.editor.fieldType')} value={f.type} onChange={(e) => set((x) => ({ ...x, type: e.target.value as FieldType, allowedTypes: e.target.value === 'FILE' && !x.allowedTypes.length ? ['application/pdf'] : x.allowedTypes }))} error={err(`${path}.type`)}>
        {FIELD_TYPES.map((ty) => (
          <option key={ty} value={ty}>
            {t(FIELD_TYPE_KEY[ty])}
          </option>
        ))}
      </SelectField>
      <label className="checkbox">
        <input type="checkbox" checked={f.required} onChange={(e) => set((x) => ({ ...x, required: e.target.checked }))} />
        {t('competitions.web.editor.required')}
      </label>
      {f.type === 'TEXT' && (
        <>
          {num('minLength', t('competitions.web.editor.minLength'))}
          {num('maxLength', t('competitions.web.editor.maxLength'))}
        </>
      )}
      {f.type === 'NUMBER' && (
        <>
          {num('min', t('competitions.web.editor.min'))}
          {num('max', t('competitions.web.editor.max'))}
        </>
      )}
      {f.type === 'CHOICE' && <TextAreaField label={t('competitions.web.editor.options')} hint={t('competitions.web.editor.optionsHint')} rows={3} value={f.options} onChange={(e) => set((x) => ({ ...x, options: e.target.value }))} error={err(`${path}.options`)} />}
      {f.type === 'FILE' && <Checks legend={t('competitions.web.editor.allowedTypes')} error={err(`${path}.allowedTypes`)} options={FILE_TYPES.map((m) => [m, t(FILE_TYPE_KEY[m])])} chosen={f.allowedTypes} onChange={(allowedTypes) => set((x) => ({ ...x, allowedTypes }))} />}
      {f.type === 'BUDGET' && (
        <>
          <p className="muted">{t('competitions.web.editor.budgetHint')}</p>
          {num('maxLines', t('competitions.web.editor.maxLines'))}
        </>
      )}
    </Row>
  );
}

function Section({ id, title, error, children }: { id: string; title: string; error?: string | null; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="cmp-section">
      <h2 id={id}>{title}</h2>
      {error && <p className="field__error">{error}</p>}
      {children}
    </section>
  );
}

/** One repeated part (a direction, a criterion, a stage, a field): a fieldset named by its legend, removable. */
function Row({ legend, error, onRemove, children }: { legend: string; error?: string | null; onRemove?: () => void; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <fieldset className={error ? 'cmp-row field--error' : 'cmp-row'}>
      <legend>{legend}</legend>
      {error && <p className="field__error">{error}</p>}
      {children}
      {onRemove && (
        <button type="button" className="button button--secondary" onClick={onRemove} aria-label={t('competitions.web.editor.removeNamed', { name: legend })}>
          {t('competitions.web.editor.remove')}
        </button>
      )}
    </fieldset>
  );
}

function Checks({ legend, options, chosen, onChange, error }: { legend: string; options: Array<[string, string]>; chosen: readonly string[]; onChange: (v: string[]) => void; error?: string | null }) {
  return (
    <fieldset className={error ? 'field field--error' : 'field'}>
      <legend>{legend}</legend>
      {error && <p className="field__error">{error}</p>}
      {options.map(([value, label]) => (
        <label key={value} className="checkbox">
          <input type="checkbox" checked={chosen.includes(value)} onChange={(e) => onChange(e.target.checked ? [...chosen, value] : chosen.filter((x) => x !== value))} />
          {label}
        </label>
      ))}
    </fieldset>
  );
}

function AddButton({ onClick, children }: { onClick: () => void; children: ReactNode }) {
  return (
    <p>
      <button type="button" className="button button--secondary" onClick={onClick}>
        {children}
      </button>
    </p>
  );
}

/** The organiser community's calls still in draft: where a call started earlier is taken up again. */
function DraftCalls({ communityId }: { communityId: string }) {
  const { t, pick } = useI18n();
  const calls = useQuery(CMP_COMMUNITY_CALLS, { communityId });
  const drafts = (calls.data?.competitionCalls ?? []).filter((c) => c.status === 'DRAFT');
  if (!drafts.length) return null;
  return (
    <nav aria-label={t('competitions.web.editor.drafts')}>
      <p>{t('competitions.web.editor.drafts')}</p>
      <ul>
        {drafts.map((c) => (
          <li key={c.id}>
            <Link to={`/competitions/${c.id}/edit`}>{pick(c.title) || t('competitions.web.editor.untitled')}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
