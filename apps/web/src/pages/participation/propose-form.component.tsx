import { FormEvent, useState } from 'react';
import type { Message } from '../../api/graphql-errors';
import { useI18n } from '../../i18n/i18n.context';
import { sendOrQueueWrite } from '../../offline/offline-runtime';
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
  const [sent, setSent] = useState<'sent' | 'queued' | null>(null);
  const form = useFormSubmit<ProposeField>({ 'input.title': 'title', 'input.description': 'description', 'input.estimatedCost': 'cost' });
  const currency = t(CURRENCY_KEY[p.currency] ?? CURRENCY_KEY.KGS);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSent(null);
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
      // Without a connection it waits in the phone's outbox under an id made here (sent once when it returns).
      const r = await forbiddenSays('participation.membersOnly', () =>
        sendOrQueueWrite(PB_SUBMIT_PROPOSAL, { input: { processId: p.id, title: title.trim(), description: description.trim(), estimatedCost } }, { key: 'offline.op.proposal', params: { title: title.trim() } }),
      );
      setTitle('');
      setDescription('');
      setCost('');
      setSent(r.queued ? 'queued' : 'sent');
      if (!r.queued) onSent();
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
      <p role="status">{sent === 'sent' ? t('participation.propose.sent') : sent === 'queued' ? t('offline.savedOnPhone') : ''}</p>
    </form>
  );
}
