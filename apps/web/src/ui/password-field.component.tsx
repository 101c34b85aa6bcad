import { InputHTMLAttributes, ReactNode, useId, useState } from 'react';
import { useI18n } from '../i18n/i18n.context';
import { Field } from './field.component';

/** Typing a password on a small phone keyboard is error-prone: let people see what they typed. */
export function PasswordField(props: InputHTMLAttributes<HTMLInputElement> & { label: string; hint?: ReactNode; error?: string | null }) {
  const { t } = useI18n();
  const [visible, setVisible] = useState(false);
  const toggleId = useId();
  return (
    <div className="password-field">
      <Field {...props} type={visible ? 'text' : 'password'} autoCapitalize="none" autoCorrect="off" spellCheck={false} />
      <div className="checkbox">
        <input id={toggleId} type="checkbox" checked={visible} onChange={(e) => setVisible(e.target.checked)} />
        <label htmlFor={toggleId}>{t('auth.showPassword')}</label>
      </div>
    </div>
  );
}
