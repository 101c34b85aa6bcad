import { FormEvent, useState } from 'react';
import { graphql } from '../../api/graphql.client';
import { useI18n } from '../../i18n/i18n.context';
import { Field, SelectField } from '../../ui/field.component';
import { FormAlert } from '../../ui/form-alert.component';
import { useFormSubmit } from '../../ui/form-submit.hook';
import { VER_CONFIRM_PHONE, VER_REQUEST_PHONE } from './verification.operations';

/**
 * "Verify by SMS": the phone number, then the 6-digit code the SMS brought. Every refusal is the API's own
 * message key (wrong code with the attempts left, expired, too many codes asked for, number held by another
 * account), shown beside the field it is about.
 */
export function PhoneVerification({ onVerified }: { onVerified: (phone: string) => void }) {
  const { t } = useI18n();
  const [phone, setPhone] = useState('');
  const [country, setCountry] = useState<'KG' | 'KZ'>('KG');
  const [sentTo, setSentTo] = useState<string | null>(null);
  // Back to the number (another number, a new code) keeps the code step reachable: a code already sent stays valid.
  const [step, setStep] = useState<'phone' | 'code'>('phone');
  const [code, setCode] = useState('');
  const ask = useFormSubmit<'phone'>({ 'input.phone': 'phone' });
  const confirm = useFormSubmit<'code'>({ 'input.code': 'code' });

  const request = (e: FormEvent) => {
    e.preventDefault();
    if (!phone.trim()) {
      ask.setErrors({ fields: { phone: { key: 'errors.validation.required' } }, general: { key: 'errors.BAD_USER_INPUT' } });
      return;
    }
    void ask.submit(async () => {
      const r = await graphql.request(VER_REQUEST_PHONE, { input: { phone: phone.trim(), phoneCountry: country } });
      setSentTo(r.requestPhoneVerification.phone);
      setStep('code');
      setCode('');
    });
  };

  const check = (e: FormEvent) => {
    e.preventDefault();
    if (!/^\d{6}$/.test(code.replace(/\s/g, ''))) {
      confirm.setErrors({ fields: { code: { key: 'errors.phoneVerification.codeFormat' } }, general: { key: 'errors.BAD_USER_INPUT' } });
      return;
    }
    void confirm.submit(async () => {
      const r = await graphql.request(VER_CONFIRM_PHONE, { input: { code: code.replace(/\s/g, '') } });
      onVerified(r.confirmPhoneVerification.phone);
    });
  };

  return (
    <section className="pb-verify" aria-labelledby="pb-verify-heading">
      <h2 id="pb-verify-heading">{t('verification.phone.title')}</h2>
      {step === 'phone' || sentTo === null ? (
        // Own keys: were the DOM reused, the "again" button clicked would turn into this form's submit button
        // before its click's default action runs, and send a code nobody asked for.
        <form key="phone" className="form" onSubmit={request} noValidate>
          <p className="muted">{t('verification.phone.intro')}</p>
          <FormAlert text={ask.general} />
          <SelectField label={t('verification.phone.country')} value={country} onChange={(e) => setCountry(e.target.value as 'KG' | 'KZ')}>
            <option value="KG">{t('verification.country.KG')}</option>
            <option value="KZ">{t('verification.country.KZ')}</option>
          </SelectField>
          <Field label={t('verification.phone.number')} hint={t('verification.phone.numberHint')} type="tel" inputMode="tel" autoComplete="tel" value={phone} onChange={(e) => setPhone(e.target.value)} error={ask.fieldError('phone')} required />
          <button type="submit" className="button" disabled={ask.busy}>
            {t('verification.phone.send')}
          </button>
          {sentTo !== null && (
            <button type="button" className="button button--secondary" disabled={ask.busy} onClick={() => setStep('code')}>
              {t('verification.phone.haveCode')}
            </button>
          )}
        </form>
      ) : (
        <form key="code" className="form" onSubmit={check} noValidate>
          <p role="status">{t('verification.phone.sent', { phone: sentTo })}</p>
          <FormAlert text={confirm.general} />
          <Field label={t('verification.phone.code')} inputMode="numeric" autoComplete="one-time-code" maxLength={7} value={code} onChange={(e) => setCode(e.target.value)} error={confirm.fieldError('code')} required />
          <button type="submit" className="button" disabled={confirm.busy}>
            {t('verification.phone.confirm')}
          </button>
          <button type="button" className="button button--secondary" disabled={confirm.busy} onClick={() => setStep('phone')}>
            {t('verification.phone.again')}
          </button>
        </form>
      )}
    </section>
  );
}
