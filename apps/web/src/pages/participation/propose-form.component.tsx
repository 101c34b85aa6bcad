import { FormEvent, useState } from 'react';
import { graphql } from '../../api/graphql.client';
import type { Message } from '../../api/graphql-errors';
import { useI18n } from '../../i18n/i18n.context';
import { Field, TextAreaField } from '../../ui/field.component';
import { FormAlert } from '../../ui/form-alert.component';
import { useFormSubmit } from '../../ui/form-submit.hook';
import { cleanNumberInput, readAmountMinor } from '../../ui/number-input';
import { forbiddenSays } from './forbidden';
import { CURRENCY_KEY } from './labels';
import { PB_SUBMIT_PROPOSAL, PbProcess } from './participation.operations';

type ProposeField = 'title' | 'description' | 'cost';

/** "Propose a project" in the ideas phase: the cost typed in som ("250 000") is read by the kernel's parser into exact minor units. */
export function ProposeForm({ process: p, onSent }: { process: PbProcess; onSent: () => void }) {
  const { t } = useI18n();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [cost, setCost] = useState('');
  const [sent, setSent] = useState(false);
  const form = useFormSubmit<ProposeField>({ 'input.title': 'title', 'input.description': 'description', 'input.estimatedCost': 'cost' });
  const currency = t(CURRENCY_KEY[p.currency] ?? CURRENCY_KEY.KGS);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSent(false);
    const amount = readAmountMinor(cost);
    const fields: Partial<Record<ProposeField, Message>> = {};
    if (!amount.ok) fields.cost = amount.message;
    else if (amount.value === null) fields.cost = { key: 'errors.validation.required' };
    if (!title.trim()) fields.title = { key: 'errors.validation.required' };
    if (!description.trim()) fields.description = { key: 'errors.validation.required' };
    if (Object.keys(fields).length || !amount.ok || amount.value === null) {
      form.setErrors({ fields, general: { key: 'errors.BAD_USER_INPUT' } });
      return;
    }
    const estimatedCost = amount.value;
    void form.submit(async () => {
      await forbiddenSays('participation.membersOnly', () => graphql.request(PB_SUBMIT_PROPOSAL, { input: { processId: p.id, title: title.trim(), description: description.trim(), estimatedCost } }));
      setTitle('');
      setDescription('');
      setCost('');
      setSent(true);
      onSent();
    });
  };

  return (
    <form className="form pb-form" onSubmit={submit} noValidate aria-labelledby="pb-propose-heading">
      <h2 id="pb-propose-heading">{t('participation.propose.title')}</h2>
      <FormAlert text={form.general} />
      <Field label={t('participation.propose.fieldTitle')} value={title} onChange={(e) => setTitle(e.target.value)} error={form.fieldError('title')} maxLength={200} required />
      <TextAreaField label={t('participation.propose.fieldDescription')} value={description} onChange={(e) => setDescription(e.target.value)} error={form.fieldError('description')} rows={4} maxLength={5000} required />
      <Field label={t('participation.propose.fieldCost', { currency })} hint={t('participation.propose.costHint')} inputMode="decimal" value={cost} onChange={(e) => setCost(cleanNumberInput(e.target.value))} error={form.fieldError('cost')} required />
      <button type="submit" className="button" disabled={form.busy}>
        {t('participation.propose.submit')}
      </button>
      <p role="status">{sent ? t('participation.propose.sent') : ''}</p>
    </form>
  );
}
