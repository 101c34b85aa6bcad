import { FormEvent, useState } from 'react';
import { graphql } from '../../api/graphql.client';
import { useI18n } from '../../i18n/i18n.context';
import { FormAlert } from '../../ui/form-alert.component';
import { useFormSubmit } from '../../ui/form-submit.hook';
import { forbiddenSays } from './forbidden';
import { PB_UPDATE_RULES, PbProcess } from './participation.operations';
import { draftOf, readRules, RulesDraft, RulesField, RulesFields, rulesFieldMap } from './rules-fields.component';

/** The organisers change the rules until voting opens; after that the API answers CONFLICT (rules frozen), said here. */
export function EditRulesForm({ process: p, onSaved }: { process: PbProcess; onSaved: () => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<RulesDraft>(() => draftOf(p));
  const [saved, setSaved] = useState(false);
  const form = useFormSubmit<RulesField>(rulesFieldMap('rules'));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const read = readRules(draft);
    if (!read.ok) {
      form.setErrors({ fields: read.fields, general: { key: 'errors.BAD_USER_INPUT' } });
      return;
    }
    void form.submit(async () => {
      await forbiddenSays('participation.organiser.forbidden', () => graphql.request(PB_UPDATE_RULES, { id: p.id, rules: read.rules }));
      setSaved(true);
      onSaved();
    });
  };

  return (
    <details className="pb-review">
      <summary>{t('participation.rules.edit')}</summary>
      <form className="form" onSubmit={submit} noValidate>
        <FormAlert text={form.general} />
        <RulesFields draft={draft} onChange={setDraft} currency={p.currency} error={form.fieldError} />
        <button type="submit" className="button" disabled={form.busy}>
          {t('participation.edit.submit')}
        </button>
        <p role="status">{saved ? t('participation.edit.saved') : ''}</p>
      </form>
    </details>
  );
}
