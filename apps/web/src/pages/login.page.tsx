import { Link, Navigate, useLocation, useNavigate } from 'react-router';
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

const FIELDS = ['login', 'password'] as const;
type F = (typeof FIELDS)[number];

export default function LoginPage() {
  const { t } = useI18n();
  const { logIn, status } = useSession();
  const navigate = useNavigate();
  const phone = usePhoneCountry();
  // An invitation link (or another page) may send people here and expect them back.
  const next = safeNext(useLocation().search);
  const form = useAuthForm<F>({
    fields: FIELDS,
    fieldMap: { 'input.login': 'login', 'input.password': 'password' },
    check: (v) => {
      const e: Partial<Record<F, Message>> = {};
      for (const f of FIELDS) if (!v[f].trim()) e[f] = { key: 'errors.validation.required' };
      // A phone that cannot be one is said before a slow round trip (the API says the same).
      const phoneProblem = v.login.trim() ? phoneProblemOf(v.login, phone.country) : null;
      if (phoneProblem) e.login = phoneProblem;
      return e;
    },
    submit: async (v) => {
      const login = splitLogin(v.login, phone.country);
      await logIn(login.email ?? login.phone ?? '', v.password, phone.country);
      navigate(next);
    },
  });

  // Already logged in (e.g. a bookmarked link): nothing to do here.
  if (status === 'authenticated' && !form.busy) return <Navigate to={next} replace />;

  return (
    <>
      <PageHeading>{t('auth.logIn.title')}</PageHeading>
      <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="form">
        <FormAlert text={form.general} />
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
          autoComplete="current-password"
          error={form.fieldError('password')}
          {...form.bind('password')}
        />
        <button type="submit" className="button" disabled={form.busy}>
          {form.busy ? t('auth.busy') : t('auth.logIn.submit')}
        </button>
      </form>
      <p>
        {t('auth.noAccount')} <Link to={withNext('/signup', next)}>{t('nav.signUp')}</Link>
      </p>
    </>
  );
}
