import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { PASSWORD_MIN_LENGTH } from '../api/auth.operations';
import { Message, splitLogin } from '../api/graphql-errors';
import { useI18n } from '../i18n/i18n.context';
import { useAuthForm } from '../session/auth-form.hook';
import { safeNext, withNext } from '../session/next-path';
import { useSession } from '../session/session.context';
import { Field } from '../ui/field.component';
import { FormAlert } from '../ui/form-alert.component';
import { PageHeading } from '../ui/page-heading.component';
import { PasswordField } from '../ui/password-field.component';
import { phoneProblemOf, PhoneCountryField, usePhoneCountry } from '../ui/phone-country.component';

const FIELDS = ['displayName', 'login', 'password'] as const;
type F = (typeof FIELDS)[number];

export default function SignUpPage() {
  const { t } = useI18n();
  const { signUp, status } = useSession();
  const navigate = useNavigate();
  const phone = usePhoneCountry();
  // An invitation link (or another page) may send people here and expect them back.
  const next = safeNext(useLocation().search);
  const form = useAuthForm<F>({
    fields: FIELDS,
    // One box for email or phone: both API fields point at it.
    fieldMap: { 'input.displayName': 'displayName', 'input.email': 'login', 'input.phone': 'login', 'input.password': 'password' },
    check: (v) => {
      const e: Partial<Record<F, Message>> = {};
      for (const f of FIELDS) if (!v[f].trim()) e[f] = { key: 'errors.validation.required' };
      // A phone that cannot be one is said before a slow round trip (the API says the same).
      const phoneProblem = v.login.trim() ? phoneProblemOf(v.login, phone.country) : null;
      if (phoneProblem) e.login = phoneProblem;
      if (v.password && v.password.length < PASSWORD_MIN_LENGTH) e.password = { key: 'errors.validation.passwordTooShort' };
      return e;
    },
    submit: async (v) => {
      await signUp({ displayName: v.displayName.trim(), ...splitLogin(v.login, phone.country), phoneCountry: phone.country, password: v.password });
      navigate(next);
    },
  });

  // Already logged in (e.g. a bookmarked link): nothing to do here.
  if (status === 'authenticated' && !form.busy) return <Navigate to={next} replace />;

  return (
    <>
      <PageHeading>{t('auth.signUp.title')}</PageHeading>
      <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="form">
        <FormAlert text={form.general} />
        <Field
          label={t('auth.field.displayName')}
          hint={t('auth.field.displayName.hint')}
          autoComplete="name"
          error={form.fieldError('displayName')}
          {...form.bind('displayName')}
        />
        <Field
          label={t('auth.field.login')}
          hint={t('auth.field.login.hint', { example: phone.example })}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          error={form.fieldError('login')}
          {...form.bind('login')}
        />
        <PhoneCountryField value={phone.country} onChange={phone.setCountry} />
        <PasswordField
          label={t('auth.field.password')}
          hint={t('auth.field.password.hint', { min: PASSWORD_MIN_LENGTH })}
          autoComplete="new-password"
          error={form.fieldError('password')}
          {...form.bind('password')}
        />
        <button type="submit" className="button" disabled={form.busy}>
          {form.busy ? t('auth.busy') : t('auth.signUp.submit')}
        </button>
      </form>
      <p>
        {t('auth.haveAccount')} <Link to={withNext('/login', next)}>{t('nav.logIn')}</Link>
      </p>
    </>
  );
}
