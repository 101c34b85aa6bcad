import { FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { graphql } from '../../api/graphql.client';
import { Message, toFormErrors } from '../../api/graphql-errors';
import { useQuery } from '../../api/use-query.hook';
import type { ProcessCurrency } from '../../api/generated/graphql';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { Field, SelectField, TextAreaField } from '../../ui/field.component';
import { FormAlert } from '../../ui/form-alert.component';
import { useFormSubmit } from '../../ui/form-submit.hook';
import { PageHeading } from '../../ui/page-heading.component';
import { ErrorMessage, Loading } from '../../ui/query-status.component';
import { forbiddenSays } from './forbidden';
import { CURRENCY_KEY } from './labels';
import { PB_COMMUNITY, PB_CREATE_PROCESS, PB_SET_SCHEDULE } from './participation.operations';
import { laterPhases, PlanProblem, readPlan } from './schedule';
import { PlanDraft, ScheduleFields } from './schedule.component';
import { NEW_RULES, readRules, RulesDraft, RulesField, RulesFields, rulesFieldMap } from './rules-fields.component';
import './participation.css';

type F = 'title' | 'description' | RulesField;

/** A new process is a draft: every later phase may be planned. */
const PLANNED = laterPhases('DRAFT');

/**
 * An organiser starts a process as a draft: its name (in the language the page is in), the currency and the
 * rules (rules-fields.component.tsx). Residents see it from the ideas stage; the rules can be changed on the
 * process page until voting opens (then they freeze, on the server).
 */
export default function NewProcessPage() {
  const { id = '' } = useParams();
  const { t, pick, locale } = useI18n();
  const { status } = useSession();
  const navigate = useNavigate();
  const community = useQuery(PB_COMMUNITY, status === 'loading' ? null : { id }, { scope: status });
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [currency, setCurrency] = useState<ProcessCurrency>('KGS');
  const [rules, setRules] = useState<RulesDraft>(NEW_RULES);
  const [plan, setPlan] = useState<PlanDraft>({});
  const [planProblem, setPlanProblem] = useState<PlanProblem | null>(null);
  const form = useFormSubmit<F>({ 'input.title': 'title', [`input.title.${locale}`]: 'title', [`input.description.${locale}`]: 'description', ...rulesFieldMap('input.rules') });

  if (community.error) return <ErrorMessage error={community.error} onRetry={community.retry} />;
  if (!community.data) return <Loading />;
  const name = pick(community.data.community.names);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const read = readRules(rules);
    const fields: Partial<Record<F, Message>> = read.ok ? {} : { ...read.fields };
    if (!title.trim()) fields.title = { key: 'errors.validation.required' };
    // The zone is the community's, known once the process exists; order and "not past" hold in any zone (UTC here).
    const check = readPlan(plan, PLANNED, 'UTC', Date.now() - 14 * 3600_000);
    setPlanProblem(check.ok ? null : check.problem);
    if (Object.keys(fields).length || !read.ok || !check.ok) {
      form.setErrors({ fields, general: { key: 'errors.BAD_USER_INPUT' } });
      return;
    }
    void form.submit(async () => {
      const r = await forbiddenSays('participation.organiser.forbidden', () =>
        graphql.request(PB_CREATE_PROCESS, { input: { communityId: id, currency, title: { [locale]: title.trim() }, description: description.trim() ? { [locale]: description.trim() } : null, rules: read.rules } }),
      );
      const created = r.createParticipatoryProcess;
      const planned = readPlan(plan, PLANNED, created.timeZone);
      // A refused plan does not undo the process: the process page shows the plan's form with the API's answer.
      let planRefused: Message | null = null;
      if (planned.ok && planned.phases.length) {
        planRefused = await graphql.request(PB_SET_SCHEDULE, { id: created.id, phases: planned.phases }).then(
          () => null,
          (e: unknown) => toFormErrors(e, {}).general,
        );
      } else if (!planned.ok) planRefused = { key: planned.problem.key };
      navigate(`/participation/${created.id}`, { state: planRefused ? { planRefused } : null });
    });
  };

  return (
    <>
      <p className="back-link">
        <Link to={`/communities/${id}/participation`}>{t('participation.list.title', { name })}</Link>
      </p>
      <PageHeading>{t('participation.create.title')}</PageHeading>
      <p className="muted">{t('participation.create.hint')}</p>
      <form className="form pb-form" onSubmit={submit} noValidate>
        <FormAlert text={form.general} />
        <Field label={t('participation.create.fieldTitle')} value={title} onChange={(e) => setTitle(e.target.value)} error={form.fieldError('title')} maxLength={200} required />
        <TextAreaField label={t('participation.create.fieldDescription')} value={description} onChange={(e) => setDescription(e.target.value)} error={form.fieldError('description')} rows={3} maxLength={5000} />
        <SelectField label={t('participation.create.currency')} value={currency} onChange={(e) => setCurrency(e.target.value as ProcessCurrency)}>
          {(['KGS', 'KZT'] as const).map((c) => (
            <option key={c} value={c}>
              {t(CURRENCY_KEY[c])}
            </option>
          ))}
        </SelectField>
        <RulesFields draft={rules} onChange={setRules} currency={currency} error={form.fieldError} />
        <ScheduleFields phases={PLANNED} draft={plan} onChange={setPlan} timeZone={null} problem={planProblem} />
        <button type="submit" className="button" disabled={form.busy}>
          {t('participation.create.submit')}
        </button>
      </form>
    </>
  );
}
