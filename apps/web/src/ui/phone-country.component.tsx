import { looksLikePhone, normalisePhoneGuess, PHONE_ERROR_KEY, PHONE_EXAMPLE, PhoneCountry } from '@ashar/kernel/entry';
import type { Message } from '../api/graphql-errors';
import type { Locale } from '@ashar/i18n/core';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n.context';
import { SelectField } from './field.component';

/**
 * Which country a phone number written the local way ("0700 123 456", "8 701 123 4567") belongs to,
 * when no community tells us: Kazakhstan for people using the Kazakh interface, Kyrgyzstan otherwise
 * (libs/identity/README.md, "Phone numbers"). The API also reads a number written the other country's
 * way correctly, so a wrong default does not lock anyone out.
 */
export function defaultPhoneCountry(locale: Locale): PhoneCountry {
  return locale === 'kk' ? 'KZ' : 'KG';
}

/** The form's country choice, following the interface language until the person picks one. */
export function usePhoneCountry(): { country: PhoneCountry; setCountry: (c: PhoneCountry) => void; example: string } {
  const { locale } = useI18n();
  const [chosen, setCountry] = useState<PhoneCountry | null>(null);
  const country = chosen ?? defaultPhoneCountry(locale);
  return { country, setCountry, example: PHONE_EXAMPLE[country] };
}

export function PhoneCountryField({ value, onChange }: { value: PhoneCountry; onChange: (c: PhoneCountry) => void }) {
  const { t } = useI18n();
  return (
    <SelectField label={t('auth.field.phoneCountry')} name="phoneCountry" value={value} onChange={(e) => onChange(e.target.value as PhoneCountry)}>
      <option value="KG">{t('country.KG')}</option>
      <option value="KZ">{t('country.KZ')}</option>
    </SelectField>
  );
}

/** Why a login that looks like a phone number cannot be one (null for an email, or a phone that is fine). */
export function phoneProblemOf(login: string, country: PhoneCountry): Message | null {
  if (login.includes('@') || !looksLikePhone(login)) return null;
  const r = normalisePhoneGuess(login, country);
  return r.ok ? null : { key: PHONE_ERROR_KEY[r.problem], params: { example: PHONE_EXAMPLE[country] } };
}
