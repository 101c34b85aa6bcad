import { FormEvent, useRef, useState } from 'react';
import { PASSWORD_MIN_LENGTH } from '../api/auth.operations';
import { FormErrors, Message, toFormErrors } from '../api/graphql-errors';
import { useI18n } from '../i18n/i18n.context';

/**
 * Shared by sign-up and log-in: client checks only what saves a slow round trip (empty fields, short
 * password); everything else comes back from the API as field errors.
 */
export function useAuthForm<F extends string>(options: {
  fields: readonly F[];
  fieldMap: Record<string, F>;
  check: (values: Record<F, string>) => Partial<Record<F, Message>>;
  submit: (values: Record<F, string>) => Promise<void>;
}) {
  const { t } = useI18n();
  const [values, setValues] = useState(() => Object.fromEntries(options.fields.map((f) => [f, ''])) as Record<F, string>);
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const focusFirstInvalid = (fields: Partial<Record<F, Message>>) => {
    const first = options.fields.find((f) => fields[f]);
    if (first) requestAnimationFrame(() => formRef.current?.querySelector<HTMLInputElement>(`[name="${first}"]`)?.focus());
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const local = options.check(values);
    if (Object.keys(local).length) {
      setErrors({ fields: local as Record<string, Message>, general: { key: 'errors.BAD_USER_INPUT' } });
      focusFirstInvalid(local);
      return;
    }
    setBusy(true);
    setErrors(null);
    try {
      await options.submit(values);
    } catch (e) {
      const mapped = toFormErrors(e, options.fieldMap);
      setErrors(mapped);
      focusFirstInvalid(mapped.fields as Partial<Record<F, Message>>);
    } finally {
      setBusy(false);
    }
  };

  // Defaults fill params the API may not send (the minimum password length is part of the contract).
  const text = (m: Message | null | undefined) => (m ? t(m.key, { min: PASSWORD_MIN_LENGTH, ...m.params }) : null);

  return {
    formRef,
    values,
    busy,
    onSubmit,
    general: text(errors?.general),
    fieldError: (f: F) => text(errors?.fields[f]),
    bind: (f: F) => ({
      name: f,
      value: values[f],
      onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [f]: e.target.value })),
    }),
  };
}
