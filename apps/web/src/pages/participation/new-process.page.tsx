import { FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { graphql } from '../../api/graphql.client';
import type { Message } from '../../api/graphql-errors';
import { useQuery } from '../../api/use-query.hook';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { Field, SelectField, TextAreaField } from '../../ui/field.component';
import { FormAlert } from '../../ui/form-alert.component';
import { useFormSubmit } from '../../ui/form-submit.hook';
import { cleanNumberInput, readAmountMinor, readWhole } from '../../ui/number-input';
import { PageHeading } from '../../ui/page-heading.component';
import { ErrorMessage, Loading } from '../../ui/query-status.component';
import type { BallotKind, CountingRule, ProcessCurrency, VerificationLevel } from '../../api/generated/graphql';
import { forbiddenSays } from './forbidden';
import { CURRENCY_KEY } from './labels';
import { PB_COMMUNITY, PB_CREATE_PROCESS } from './participation.operations';
import './participation.css';

const KINDS: Record<BallotKind, string> = {
  APPROVAL: 'participation.create.kind.APPROVAL',
  KNAPSACK: 'participation.create.kind.KNAPSACK',
  CUMULATIVE: 'participation.create.kind.CUMULATIVE',
  RANKING: 'participation.create.kind.RANKING',
};
const RULES: Record<CountingRule, string> = { GREEDY: 'participation.create.rule.GREEDY', MES: 'participation.create.rule.MES' };
const LEVELS: Record<VerificationLevel, string> = {
  SELF_DECLARED: 'participation.create.verification.SELF_DECLARED',
  PHONE: 'participation.create.verification.PHONE',
  IN_PERSON: 'participation.create.verification.IN_PERSON',
};

type F = 'title' | 'description' | 'envelope' | 'minChoices' | 'maxChoices' | 'maxPoints' | 'minAge';

/**
 * An organiser starts a process as a draft: its name (in the language the page is in), the money set
 * aside, the ballot and its limits, the counting rule and who may vote. Residents see it from the ideas
 * stage; the rules can be changed until voting opens (then they freeze, on the server).
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
  const [envelope, setEnvelope] = useState('');
  const [kind, setKind] = useState<BallotKind>('KNAPSACK');
  const [minChoices, setMinChoices] = useState('1');
  const [maxChoices, setMaxChoices] = useState('');
  const [maxPoints, setMaxPoints] = useState('10');
  const [rule, setRule] = useState<CountingRule>('GREEDY');
  const [verification, setVerification] = useState<VerificationLevel>('SELF_DECLARED');
  const [minAge, setMinAge] = useState('');
  const form = useFormSubmit<F>({
    'input.title': 'title',
    [`input.title.${locale}`]: 'title',
    [`input.description.${locale}`]: 'description',
    'input.rules.envelope': 'envelope',
    'input.rules.minChoices': 'minChoices',
    'input.rules.maxChoices': 'maxChoices',
    'input.rules.maxPoints': 'maxPoints',
    'input.rules.minAge': 'minAge',
  });

  if (community.error) return <ErrorMessage error={community.error} onRetry={community.retry} />;
  if (!community.data) return <Loading />;
  const name = pick(community.data.community.names);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const amount = readAmountMinor(envelope);
    const min = readWhole(minChoices);
    const max = readWhole(maxChoices);
    const points = readWhole(maxPoints, { required: kind === 'CUMULATIVE' });
    const age = readWhole(minAge);
    const fields: Partial<Record<F, Message>> = {};
    if (!title.trim()) fields.title = { key: 'errors.validation.required' };
    if (!amount.ok) fields.envelope = amount.message;
    else if (amount.value === null) fields.envelope = { key: 'errors.validation.required' };
    if (!min.ok) fields.minChoices = min.message;
    if (!max.ok) fields.maxChoices = max.message;
    if (!points.ok) fields.maxPoints = points.message;
    if (!age.ok) fields.minAge = age.message;
    if (Object.keys(fields).length || !amount.ok || !min.ok || !max.ok || !points.ok || !age.ok) {
      form.setErrors({ fields, general: { key: 'errors.BAD_USER_INPUT' } });
      return;
    }
    const rules = {
      envelope: amount.value!,
      ballotKind: kind,
      minChoices: min.value ?? 1,
      maxChoices: max.value,
      maxPoints: kind === 'CUMULATIVE' ? points.value : null,
      // Ranked ballots are counted by Borda score whatever is chosen; the choice is kept for the record.
      countingRule: rule,
      verification,
      minAge: age.value,
    };
    void form.submit(async () => {
      const r = await forbiddenSays('participation.organiser.forbidden', () =>
        graphql.request(PB_CREATE_PROCESS, { input: { communityId: id, currency, title: { [locale]: title.trim() }, description: description.trim() ? { [locale]: description.trim() } : null, rules } }),
      );
      navigate(`/participation/${r.createParticipatoryProcess.id}`);
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
        <Field label={t('participation.create.envelope', { currency: t(CURRENCY_KEY[currency]) })} hint={t('participation.propose.costHint')} inputMode="decimal" value={envelope} onChange={(e) => setEnvelope(cleanNumberInput(e.target.value))} error={form.fieldError('envelope')} required />
        <SelectField label={t('participation.create.ballotKind')} value={kind} onChange={(e) => setKind(e.target.value as BallotKind)}>
          {(Object.keys(KINDS) as BallotKind[]).map((k) => (
            <option key={k} value={k}>
              {t(KINDS[k])}
            </option>
          ))}
        </SelectField>
        <Field label={t('participation.create.minChoices')} inputMode="numeric" value={minChoices} onChange={(e) => setMinChoices(e.target.value.replace(/\D/g, ''))} error={form.fieldError('minChoices')} />
        <Field label={t('participation.create.maxChoices')} inputMode="numeric" value={maxChoices} onChange={(e) => setMaxChoices(e.target.value.replace(/\D/g, ''))} error={form.fieldError('maxChoices')} />
        {kind === 'CUMULATIVE' && <Field label={t('participation.create.maxPoints')} inputMode="numeric" value={maxPoints} onChange={(e) => setMaxPoints(e.target.value.replace(/\D/g, ''))} error={form.fieldError('maxPoints')} />}
        {kind !== 'RANKING' && (
          <SelectField label={t('participation.create.countingRule')} value={rule} onChange={(e) => setRule(e.target.value as CountingRule)}>
            {(Object.keys(RULES) as CountingRule[]).map((r) => (
              <option key={r} value={r}>
                {t(RULES[r])}
              </option>
            ))}
          </SelectField>
        )}
        <SelectField label={t('participation.create.verification')} value={verification} onChange={(e) => setVerification(e.target.value as VerificationLevel)}>
          {(Object.keys(LEVELS) as VerificationLevel[]).map((l) => (
            <option key={l} value={l}>
              {t(LEVELS[l])}
            </option>
          ))}
        </SelectField>
        <Field label={t('participation.create.minAge')} inputMode="numeric" value={minAge} onChange={(e) => setMinAge(e.target.value.replace(/\D/g, ''))} error={form.fieldError('minAge')} />
        <button type="submit" className="button" disabled={form.busy}>
          {t('participation.create.submit')}
        </button>
      </form>
    </>
  );
}
