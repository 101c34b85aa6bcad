import { useState } from 'react';
import { FormErrors, Message, toFormErrors } from '../api/graphql-errors';
import { useI18n } from '../i18n/i18n.context';

/**
 * What every form does with a submission: one at a time (`busy`), and the API's errors mapped to the
 * form's own fields (`fieldMap`: "input.amount" → "amount") or, for anything else, to one general
 * message; a field error also gets a general summary so screen-reader users hear that something is
 * wrong. Used by log-in and sign-up (session/auth-form.hook.ts) and by the budget forms.
 */
export function useFormSubmit<F extends string = string>(fieldMap: Record<string, F> = {}, defaults: Record<string, string | number> = {}) {
  const { t } = useI18n();
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [busy, setBusy] = useState(false);

  /** Runs `fn`; null when it succeeded, else the errors now on screen. */
  const submit = async (fn: () => Promise<unknown>): Promise<FormErrors | null> => {
    setBusy(true);
    setErrors(null);
    try {
      await fn();
      return null;
    } catch (e) {
      const mapped = toFormErrors(e, fieldMap);
      setErrors(mapped);
      return mapped;
    } finally {
      setBusy(false);
    }
  };

  const text = (m: Message | null | undefined) => (m ? t(m.key, { ...defaults, ...m.params }) : null);
  return {
    busy,
    submit,
    errors,
    /** Shows errors found before sending (empty fields), in the same places. */
    setErrors,
    general: text(errors?.general),
    fieldError: (f: F) => text(errors?.fields[f]),
  };
}
