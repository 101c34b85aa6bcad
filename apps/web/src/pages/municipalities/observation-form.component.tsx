import { FormEvent, useState } from 'react';
import { graphql } from '../../api/graphql.client';
import type { MunicipalEService, SocialPlatform, TundukStatus } from '../../api/generated/graphql';
import { useI18n } from '../../i18n/i18n.context';
import { DateField, isoToDisplayDate, readDisplayDate } from '../../ui/date-field.component';
import { Field, SelectField } from '../../ui/field.component';
import { FormAlert } from '../../ui/form-alert.component';
import { useFormSubmit } from '../../ui/form-submit.hook';
import { E_SERVICES, MI_RECORD, PLATFORMS, TUNDUK } from './municipalities.operations';

type YesNo = '' | 'yes' | 'no';
type FieldName = 'observedOn' | 'websiteUrl' | 'websiteAnswered' | 'eServicesOther' | 'tundukSince' | 'contactPhone' | 'contactEmail' | 'contactAnswered' | 'contactCheckedOn' | 'socialUrl' | 'socialLastPost' | 'socialPosts';

const FIELD_MAP: Record<string, FieldName> = {
  'input.observedOn': 'observedOn',
  'input.websiteUrl': 'websiteUrl',
  'input.websiteAnswered': 'websiteAnswered',
  'input.eServicesOther': 'eServicesOther',
  'input.tundukSince': 'tundukSince',
  'input.contactPhone': 'contactPhone',
  'input.contactEmail': 'contactEmail',
  'input.contactAnswered': 'contactAnswered',
  'input.contactCheckedOn': 'contactCheckedOn',
  'input.socialAccounts.0.url': 'socialUrl',
  'input.socialAccounts.0.lastPostOn': 'socialLastPost',
  'input.socialAccounts.0.postsLast30Days': 'socialPosts',
};

const todayIso = () => new Date(Date.now() + 6 * 3600_000).toISOString().slice(0, 10);
const bool = (v: YesNo) => (v === '' ? null : v === 'yes');

/**
 * The entry form of one observation (shown to those the server lets record). One social account per
 * entry keeps it short on a phone; a municipality with more gets another observation the same day.
 */
export function ObservationForm({ unitId, onSaved }: { unitId: string; onSaved: () => void }) {
  const { t } = useI18n();
  const [observedOn, setObservedOn] = useState(isoToDisplayDate(todayIso()));
  const [websiteUrl, setWebsiteUrl] = useState('');
  const [websiteAnswered, setWebsiteAnswered] = useState<YesNo>('');
  const [services, setServices] = useState<Set<MunicipalEService>>(new Set());
  const [other, setOther] = useState('');
  const [tunduk, setTunduk] = useState<TundukStatus>('NO');
  const [tundukSince, setTundukSince] = useState('');
  const [platform, setPlatform] = useState<SocialPlatform | ''>('');
  const [socialUrl, setSocialUrl] = useState('');
  const [socialLastPost, setSocialLastPost] = useState('');
  const [socialPosts, setSocialPosts] = useState('');
  const [contactPhone, setContactPhone] = useState('');
  const [contactEmail, setContactEmail] = useState('');
  const [contactAnswered, setContactAnswered] = useState<YesNo>('');
  const [saved, setSaved] = useState(false);
  const form = useFormSubmit<FieldName>(FIELD_MAP);

  const toggle = (c: MunicipalEService) =>
    setServices((s) => {
      const next = new Set(s);
      if (next.has(c)) next.delete(c);
      else next.add(c);
      return next;
    });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const dates: Array<[FieldName, string]> = [['observedOn', observedOn], ['tundukSince', tundukSince], ['socialLastPost', socialLastPost]];
    const bad = dates.filter(([f, v]) => (f === 'observedOn' || v.trim()) && !readDisplayDate(v));
    if (bad.length) return form.setErrors({ fields: Object.fromEntries(bad.map(([f]) => [f, { key: 'errors.validation.date' }])), general: { key: 'errors.BAD_USER_INPUT' } });
    const observed = readDisplayDate(observedOn)!;
    const hasContact = !!(contactPhone.trim() || contactEmail.trim());
    void form.submit(async () => {
      await graphql.request(MI_RECORD, {
        input: {
          unitId,
          observedOn: observed,
          websiteUrl: websiteUrl.trim() || null,
          websiteAnswered: websiteUrl.trim() ? bool(websiteAnswered) : null,
          eServices: E_SERVICES.filter((c) => services.has(c)),
          eServicesOther: services.has('OTHER') && other.trim() ? other.trim() : null,
          tunduk,
          tundukSince: tunduk !== 'NO' && tundukSince.trim() ? readDisplayDate(tundukSince) : null,
          socialAccounts: platform && socialUrl.trim() ? [{ platform, url: socialUrl.trim(), lastPostOn: socialLastPost.trim() ? readDisplayDate(socialLastPost) : null, postsLast30Days: socialPosts.trim() ? Number(socialPosts) : null }] : [],
          contactPhone: contactPhone.trim() || null,
          contactEmail: contactEmail.trim() || null,
          contactAnswered: hasContact ? bool(contactAnswered) : null,
          contactCheckedOn: hasContact && contactAnswered ? observed : null,
          source: 'MANUAL',
        },
      });
      setSaved(true);
      onSaved();
    });
  };

  const yesNoOptions = (
    <>
      <option value="">{t('municipal.web.notChecked')}</option>
      <option value="yes">{t('municipal.yes')}</option>
      <option value="no">{t('municipal.no')}</option>
    </>
  );
  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="mi-form">
      <h2 id="mi-form">{t('municipal.web.form.title')}</h2>
      <FormAlert text={form.general} />
      <DateField label={t('municipal.export.observedOn')} value={observedOn} onChange={(e) => setObservedOn(e.target.value)} error={form.fieldError('observedOn')} required name="observedOn" />

      <fieldset className="mi-fieldset">
        <legend>{t('municipal.web.form.website')}</legend>
        <Field label={t('municipal.web.form.websiteUrl')} type="url" inputMode="url" value={websiteUrl} onChange={(e) => setWebsiteUrl(e.target.value)} error={form.fieldError('websiteUrl')} name="websiteUrl" maxLength={500} />
        <SelectField label={t('municipal.export.websiteAnswered')} value={websiteAnswered} onChange={(e) => setWebsiteAnswered(e.target.value as YesNo)} error={form.fieldError('websiteAnswered')} name="websiteAnswered">
          {yesNoOptions}
        </SelectField>
      </fieldset>

      <fieldset className="mi-fieldset">
        <legend>{t('municipal.export.eServices')}</legend>
        {E_SERVICES.map((c) => (
          <label key={c} className="checkbox">
            <input type="checkbox" name="eServices" value={c} checked={services.has(c)} onChange={() => toggle(c)} />
            {t(`municipal.eservice.${c}`)}
          </label>
        ))}
        {services.has('OTHER') && <Field label={t('municipal.export.eServicesOther')} value={other} onChange={(e) => setOther(e.target.value)} error={form.fieldError('eServicesOther')} maxLength={300} name="eServicesOther" />}
      </fieldset>

      <fieldset className="mi-fieldset">
        <legend>{t('municipal.export.tunduk')}</legend>
        <SelectField label={t('municipal.web.form.tunduk')} value={tunduk} onChange={(e) => setTunduk(e.target.value as TundukStatus)} name="tunduk">
          {TUNDUK.map((s) => (
            <option key={s} value={s}>
              {t(`municipal.tunduk.${s}`)}
            </option>
          ))}
        </SelectField>
        {tunduk !== 'NO' && <DateField label={t('municipal.export.tundukSince')} value={tundukSince} onChange={(e) => setTundukSince(e.target.value)} error={form.fieldError('tundukSince')} name="tundukSince" />}
      </fieldset>

      <fieldset className="mi-fieldset">
        <legend>{t('municipal.web.form.social')}</legend>
        <SelectField label={t('municipal.web.form.platform')} value={platform} onChange={(e) => setPlatform(e.target.value as SocialPlatform | '')} name="platform">
          <option value="">{t('municipal.web.none')}</option>
          {PLATFORMS.map((p) => (
            <option key={p} value={p}>
              {t(`municipal.platform.${p}`)}
            </option>
          ))}
        </SelectField>
        {platform && (
          <>
            <Field label={t('municipal.web.form.socialUrl')} type="url" inputMode="url" value={socialUrl} onChange={(e) => setSocialUrl(e.target.value)} error={form.fieldError('socialUrl')} name="socialUrl" maxLength={500} />
            <DateField label={t('municipal.web.form.lastPost')} value={socialLastPost} onChange={(e) => setSocialLastPost(e.target.value)} error={form.fieldError('socialLastPost')} name="socialLastPost" />
            <Field label={t('municipal.web.form.posts30')} inputMode="numeric" value={socialPosts} onChange={(e) => setSocialPosts(e.target.value.replace(/\D/g, ''))} error={form.fieldError('socialPosts')} name="socialPosts" maxLength={5} />
          </>
        )}
      </fieldset>

      <fieldset className="mi-fieldset">
        <legend>{t('municipal.web.contact')}</legend>
        <Field label={t('municipal.export.contactPhone')} type="tel" inputMode="tel" value={contactPhone} onChange={(e) => setContactPhone(e.target.value)} error={form.fieldError('contactPhone')} name="contactPhone" maxLength={20} />
        <Field label={t('municipal.export.contactEmail')} type="email" inputMode="email" value={contactEmail} onChange={(e) => setContactEmail(e.target.value)} error={form.fieldError('contactEmail')} name="contactEmail" maxLength={200} />
        <SelectField label={t('municipal.web.form.contactAnswered')} value={contactAnswered} onChange={(e) => setContactAnswered(e.target.value as YesNo)} error={form.fieldError('contactAnswered')} name="contactAnswered">
          {yesNoOptions}
        </SelectField>
      </fieldset>

      <button type="submit" className="button" disabled={form.busy}>
        {t('municipal.web.form.submit')}
      </button>
      {saved && <p role="status">{t('municipal.web.form.saved')}</p>}
    </form>
  );
}
