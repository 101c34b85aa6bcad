import { FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { graphql } from '../../api/graphql.client';
import { useQuery } from '../../api/use-query.hook';
import { useI18n } from '../../i18n/i18n.context';
import { useSession } from '../../session/session.context';
import { Field, SelectField } from '../../ui/field.component';
import { FormAlert } from '../../ui/form-alert.component';
import { useFormSubmit } from '../../ui/form-submit.hook';
import { PageHeading } from '../../ui/page-heading.component';
import { ErrorMessage, Loading } from '../../ui/query-status.component';
import { forbiddenSays } from '../participation/forbidden';
import { PB_COMMUNITY, PB_MEMBERS } from '../participation/participation.operations';
import { VER_IN_PERSON } from './verification.operations';

type Kind = 'KG_PIN' | 'KZ_IIN';
type InPersonField = 'resident' | 'number';

/**
 * A budget-group member's screen at the meeting: the resident, the document seen (KG PIN or KZ IIN) and
 * its number. The API checks who may do it, the number's form and check digit, and one document per
 * person per community; the number leaves the phone only in this request and is kept as a keyed hash.
 */
export default function InPersonVerificationPage() {
  const { id: communityId = '' } = useParams();
  const { t, pick } = useI18n();
  const { status } = useSession();
  const community = useQuery(PB_COMMUNITY, status === 'loading' ? null : { id: communityId }, { scope: status });
  const members = useQuery(PB_MEMBERS, status === 'loading' ? null : { id: communityId }, { scope: status });
  const [resident, setResident] = useState('');
  const [kind, setKind] = useState<Kind>('KG_PIN');
  const [number, setNumber] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const form = useFormSubmit<InPersonField>({ 'input.accountId': 'resident', 'input.documentNumber': 'number' });

  if (community.error && !community.data) return <ErrorMessage error={community.error} onRetry={community.retry} />;
  if (!community.data) return <Loading />;
  const people = members.data?.community.members.map((m) => m.member) ?? [];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const fields: Partial<Record<InPersonField, { key: string }>> = {};
    if (!resident) fields.resident = { key: 'errors.validation.required' };
    if (!number.trim()) fields.number = { key: 'errors.validation.required' };
    if (Object.keys(fields).length) {
      form.setErrors({ fields, general: { key: 'errors.BAD_USER_INPUT' } });
      return;
    }
    void form.submit(async () => {
      await forbiddenSays('verification.inPerson.forbidden', () => graphql.request(VER_IN_PERSON, { input: { communityId, accountId: resident, documentKind: kind, documentNumber: number } }));
      setDone(people.find((m) => m.id === resident)?.displayName ?? '');
      setNumber('');
      setResident('');
    });
  };

  return (
    <>
      <p className="back-link">
        <Link to={`/communities/${communityId}/participation`}>{t('participation.back')}</Link>
      </p>
      <PageHeading>{t('verification.inPerson.title')}</PageHeading>
      <p className="muted">{pick(community.data.community.names)}</p>
      <p>{t('verification.inPerson.intro')}</p>
      <form className="form" onSubmit={submit} noValidate>
        <FormAlert text={form.general} />
        <SelectField label={t('verification.inPerson.resident')} value={resident} onChange={(e) => setResident(e.target.value)} error={form.fieldError('resident')} required>
          <option value="" />
          {people.map((m) => (
            <option key={m.id} value={m.id}>
              {m.displayName}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('verification.inPerson.kind')} value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
          <option value="KG_PIN">{t('verification.kind.KG_PIN')}</option>
          <option value="KZ_IIN">{t('verification.kind.KZ_IIN')}</option>
        </SelectField>
        <Field label={t('verification.inPerson.number')} inputMode="numeric" autoComplete="off" value={number} onChange={(e) => setNumber(e.target.value)} error={form.fieldError('number')} maxLength={20} required />
        <button type="submit" className="button" disabled={form.busy}>
          {t('verification.inPerson.submit')}
        </button>
      </form>
      <p role="status">{done !== null ? t('verification.inPerson.done', { name: done }) : ''}</p>
    </>
  );
}
