import { FormEvent, useRef, useState } from 'react';
import { PASSWORD_MIN_LENGTH } from '../api/auth.operations';
import { Message } from '../api/graphql-errors';
import { useFormSubmit } from '../ui/form-submit.hook';

/**
 * Shared by sign-up and log-in: client checks only what saves a slow round trip (empty fields, short
 * password); everything else comes back from the API as field errors (ui/form-submit.hook.ts).
 */
export function useAuthForm<F extends string>(options: {
  fields: readonly F[];
  fieldMap: Record<string, F>;
  check: (values: Record<F, string>) => Partial<Record<F, Message>>;
  submit: (values: Record<F, string>) => Promise<void>;
}) {
  const [values, setValues] = useState(() => Object.fromEntries(options.fields.map((f) => [f, ''])) as Record<F, string>);
  // Defaults fill params the API may not send (the minimum password length is part of the contract).
  const form = useFormSubmit(options.fieldMap, { min: PASSWORD_MIN_LENGTH });
  const formRef = useRef<HTMLFormElement>(null);

  const focusFirstInvalid = (fields: Partial<Record<string, Message>>) => {
    const first = options.fields.find((f) => fields[f]);
    if (first) requestAnimationFrame(() => formRef.current?.querySelector<HTMLInputElement>(`[name="${first}"]`)?.focus());
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (form.busy) return;
    const local = options.check(values);
    if (Object.keys(local).length) {
      form.setErrors({ fields: local as Record<string, Message>, general: { key: 'errors.BAD_USER_INPUT' } });
      focusFirstInvalid(local);
      return;
    }
    const failed = await form.submit(() => options.submit(values));
    if (failed) focusFirstInvalid(failed.fields);
  };

  return {
    formRef,
    values,
    busy: form.busy,
    onSubmit,
    general: form.general,
    fieldError: form.fieldError,
    bind: (f: F) => ({
      name: f,
      value: values[f],
      onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [f]: e.target.value })),
    }),
  };
}
