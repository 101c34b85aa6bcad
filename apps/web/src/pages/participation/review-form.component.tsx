import { FormEvent, useState } from 'react';
import { graphql } from '../../api/graphql.client';
import { useI18n } from '../../i18n/i18n.context';
import { Field, TextAreaField } from '../../ui/field.component';
import { FormAlert } from '../../ui/form-alert.component';
import { useFormSubmit } from '../../ui/form-submit.hook';
import { cleanNumberInput, readAmountMinor } from '../../ui/number-input';
import { forbiddenSays } from './forbidden';
import { CURRENCY_KEY } from './labels';
import { useMoney } from './money.hook';
import { PB_REVIEW_PROPOSAL, PbProposal } from './participation.operations';

type ReviewField = 'cost' | 'reason';

/** The organisers' review of one proposal in the review phase: feasible (with the reviewed cost) or rejected with a reason everyone sees. */
export function ReviewForm({ proposal: x, currency, onSaved }: { proposal: PbProposal; currency: string; onSaved: () => void }) {
  const { t } = useI18n();
  const money = useMoney(currency);
  const [feasible, setFeasible] = useState(x.status !== 'REJECTED');
  const [cost, setCost] = useState('');
  const [reason, setReason] = useState(x.rejectionReason ?? '');
  const [saved, setSaved] = useState(false);
  const form = useFormSubmit<ReviewField>({ 'input.reviewedCost': 'cost', 'input.rejectionReason': 'reason' });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const amount = readAmountMinor(cost);
    if (feasible && !amount.ok) {
      form.setErrors({ fields: { cost: amount.message }, general: { key: 'errors.BAD_USER_INPUT' } });
      return;
    }
    if (!feasible && !reason.trim()) {
      form.setErrors({ fields: { reason: { key: 'errors.participation.reasonRequired' } }, general: { key: 'errors.BAD_USER_INPUT' } });
      return;
    }
    const reviewedCost = feasible && amount.ok ? amount.value : null;
    void form.submit(async () => {
      await forbiddenSays('participation.organiser.forbidden', () =>
        graphql.request(PB_REVIEW_PROPOSAL, { input: { proposalId: x.id, feasible, ...(reviewedCost ? { reviewedCost } : {}), ...(feasible ? {} : { rejectionReason: reason.trim() }) } }),
      );
      setSaved(true);
      onSaved();
    });
  };

  return (
    <details className="pb-review" open={x.status === 'SUBMITTED'}>
      <summary>{t('participation.review.legend', { title: x.title })}</summary>
      <form className="form" onSubmit={submit} noValidate>
        <FormAlert text={form.general} />
        <fieldset className="choices">
          <legend>{t('participation.review.decision')}</legend>
          <label className="checkbox">
            <input type="radio" name={`review-${x.id}`} checked={feasible} onChange={() => setFeasible(true)} />
            {t('participation.review.feasible')}
          </label>
          <label className="checkbox">
            <input type="radio" name={`review-${x.id}`} checked={!feasible} onChange={() => setFeasible(false)} />
            {t('participation.review.rejected')}
          </label>
        </fieldset>
        {feasible ? (
          <Field
            label={t('participation.review.cost', { currency: t(CURRENCY_KEY[currency] ?? CURRENCY_KEY.KGS) })}
            hint={t('participation.review.costHint', { cost: money(x.estimatedCost) })}
            inputMode="decimal"
            value={cost}
            onChange={(e) => setCost(cleanNumberInput(e.target.value))}
            error={form.fieldError('cost')}
          />
        ) : (
          <TextAreaField label={t('participation.review.reason')} value={reason} onChange={(e) => setReason(e.target.value)} error={form.fieldError('reason')} rows={3} maxLength={2000} />
        )}
        <button type="submit" className="button" disabled={form.busy}>
          {t('participation.review.submit')}
        </button>
        <p role="status">{saved ? t('participation.review.saved') : ''}</p>
      </form>
    </details>
  );
}
