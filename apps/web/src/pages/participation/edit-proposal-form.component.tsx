import { FormEvent, useState } from 'react';
import { graphql } from '../../api/graphql.client';
import type { Message } from '../../api/graphql-errors';
import { useI18n } from '../../i18n/i18n.context';
import { Field, TextAreaField } from '../../ui/field.component';
import { FormAlert } from '../../ui/form-alert.component';
import { useFormSubmit } from '../../ui/form-submit.hook';
import { cleanNumberInput, minorToDecimalText, readAmountMinor } from '../../ui/number-input';
import { CURRENCY_KEY } from './labels';
import { PB_EDIT_PROPOSAL, PbProposal } from './participation.operations';

type EditField = 'title' | 'description' | 'cost';

/** The author's own proposal, editable in the ideas phase (the API says who the author is: viewerIsAuthor). */
export function EditProposalForm({ proposal: x, currency, onSaved }: { proposal: PbProposal; currency: string; onSaved: () => void }) {
  const { t } = useI18n();
  const [title, setTitle] = useState(x.title);
  const [description, setDescription] = useState(x.description);
  const [cost, setCost] = useState(minorToDecimalText(x.estimatedCost).replace(/\.00$/, ''));
  const [saved, setSaved] = useState(false);
  const form = useFormSubmit<EditField>({ 'input.title': 'title', 'input.description': 'description', 'input.estimatedCost': 'cost' });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const amount = readAmountMinor(cost);
    const fields: Partial<Record<EditField, Message>> = {};
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
      await graphql.request(PB_EDIT_PROPOSAL, { input: { proposalId: x.id, title: title.trim(), description: description.trim(), estimatedCost } });
      setSaved(true);
      onSaved();
    });
  };

  return (
    <details className="pb-review">
      <summary>{t('participation.edit.legend')}</summary>
      <form className="form" onSubmit={submit} noValidate>
        <FormAlert text={form.general} />
        <Field label={t('participation.propose.fieldTitle')} value={title} onChange={(e) => setTitle(e.target.value)} error={form.fieldError('title')} maxLength={200} required />
        <TextAreaField label={t('participation.propose.fieldDescription')} value={description} onChange={(e) => setDescription(e.target.value)} error={form.fieldError('description')} rows={4} maxLength={5000} required />
        <Field label={t('participation.propose.fieldCost', { currency: t(CURRENCY_KEY[currency] ?? CURRENCY_KEY.KGS) })} inputMode="decimal" value={cost} onChange={(e) => setCost(cleanNumberInput(e.target.value))} error={form.fieldError('cost')} required />
        <button type="submit" className="button" disabled={form.busy}>
          {t('participation.edit.submit')}
        </button>
        <p role="status">{saved ? t('participation.edit.saved') : ''}</p>
      </form>
    </details>
  );
}
