import { FormEvent, useState } from 'react';
import { graphql } from '../../api/graphql.client';
import { useQuery } from '../../api/use-query.hook';
import { useI18n } from '../../i18n/i18n.context';
import { DateField, readDisplayDate } from '../../ui/date-field.component';
import { Field, SelectField } from '../../ui/field.component';
import { FormAlert } from '../../ui/form-alert.component';
import { useFormSubmit } from '../../ui/form-submit.hook';
import { CouncilMajorityBase, CouncilMajorityKind, CouncilMemberRole, CouncilTieRule, CW_ADD_MEMBER, CW_COMMUNITY_MEMBERS, CW_END_MEMBERSHIP, CW_MY_CONTACTS, CW_UPDATE_RULES, CwBody } from './councils.operations';
import { BASE_KEY, MAJORITY_KEY, ROLE_KEY, TIE_KEY } from './labels';

const ROLES: readonly CouncilMemberRole[] = ['CHAIR', 'DEPUTY', 'SECRETARY', 'MEMBER'];
type Props = { b: CwBody; onChange: () => void };

/** The body's rules as residents read them (quorum, majority, ties); those who manage members change them. */
export function RulesSection({ b, onChange }: Props) {
  const { t } = useI18n();
  const r = b.rules;
  return (
    <section aria-labelledby="cw-rules">
      <h2 id="cw-rules">{t('councils.web.rules.title')}</h2>
      <dl className="cw-facts">
        <div>
          <dt>{t('councils.web.rules.quorum')}</dt>
          <dd data-rule="quorum">{t('councils.web.rules.quorumValue', { n: r.quorum.numerator, d: r.quorum.denominator })}</dd>
        </div>
        <div>
          <dt>{t('councils.web.rules.majority')}</dt>
          <dd data-rule="majority">
            {t(MAJORITY_KEY[r.majority])}
            {r.majority === 'QUALIFIED' ? ` (${r.qualified.numerator}/${r.qualified.denominator})` : ''} · {t(BASE_KEY[r.base])}
          </dd>
        </div>
        <div>
          <dt>{t('councils.web.rules.tie')}</dt>
          <dd data-rule="tie">{t(TIE_KEY[r.tie])}</dd>
        </div>
      </dl>
      {b.viewerCanManageMembers && (
        <details className="cw-tools">
          <summary>{t('councils.web.rules.change')}</summary>
          <RulesForm b={b} onChange={onChange} />
        </details>
      )}
    </section>
  );
}

function RulesForm({ b, onChange }: Props) {
  const { t } = useI18n();
  const [v, setV] = useState({
    qn: String(b.rules.quorum.numerator),
    qd: String(b.rules.quorum.denominator),
    majority: b.rules.majority,
    mn: String(b.rules.qualified.numerator),
    md: String(b.rules.qualified.denominator),
    base: b.rules.base,
    tie: b.rules.tie,
  });
  const form = useFormSubmit<'quorum' | 'qualified'>({ 'rules.quorum': 'quorum', 'rules.quorum.numerator': 'quorum', 'rules.quorum.denominator': 'quorum', 'rules.qualified': 'qualified', 'rules.qualified.numerator': 'qualified', 'rules.qualified.denominator': 'qualified', rules: 'qualified' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const int = (s: string) => (/^\d{1,4}$/.test(s) ? Number(s) : NaN);
    const quorum = { numerator: int(v.qn), denominator: int(v.qd) };
    const qualified = { numerator: int(v.mn), denominator: int(v.md) };
    const bad = (f: { numerator: number; denominator: number }) => !(f.denominator > 0 && f.numerator >= 0 && f.numerator <= f.denominator);
    const fields: Partial<Record<'quorum' | 'qualified', { key: string }>> = {};
    if (bad(quorum)) fields.quorum = { key: 'errors.councils.fraction' };
    if (v.majority === 'QUALIFIED' && bad(qualified)) fields.qualified = { key: 'errors.councils.fraction' };
    if (Object.keys(fields).length) return form.setErrors({ fields, general: { key: 'errors.BAD_USER_INPUT' } });
    void form.submit(async () => {
      await graphql.request(CW_UPDATE_RULES, { bodyId: b.id, rules: { quorum, majority: v.majority, qualified: v.majority === 'QUALIFIED' ? qualified : null, base: v.base, tie: v.tie } });
      onChange();
    });
  };
  return (
    <form className="form cw-form" onSubmit={submit} noValidate aria-label={t('councils.web.rules.change')}>
      <FormAlert text={form.general} />
      <fieldset className="cw-pair">
        <legend>{t('councils.web.rules.quorum')}</legend>
        <Field label={t('councils.web.rules.numerator')} inputMode="numeric" value={v.qn} onChange={(e) => setV({ ...v, qn: e.target.value })} error={form.fieldError('quorum')} />
        <Field label={t('councils.web.rules.denominator')} inputMode="numeric" value={v.qd} onChange={(e) => setV({ ...v, qd: e.target.value })} />
      </fieldset>
      <SelectField label={t('councils.web.rules.majority')} value={v.majority} onChange={(e) => setV({ ...v, majority: e.target.value as CouncilMajorityKind })}>
        {(['SIMPLE', 'QUALIFIED'] as const).map((k) => (
          <option key={k} value={k}>
            {t(MAJORITY_KEY[k])}
          </option>
        ))}
      </SelectField>
      {v.majority === 'QUALIFIED' && (
        <fieldset className="cw-pair">
          <legend>{t('councils.web.rules.qualified')}</legend>
          <Field label={t('councils.web.rules.numerator')} inputMode="numeric" value={v.mn} onChange={(e) => setV({ ...v, mn: e.target.value })} error={form.fieldError('qualified')} />
          <Field label={t('councils.web.rules.denominator')} inputMode="numeric" value={v.md} onChange={(e) => setV({ ...v, md: e.target.value })} />
        </fieldset>
      )}
      <SelectField label={t('councils.web.rules.base')} value={v.base} onChange={(e) => setV({ ...v, base: e.target.value as CouncilMajorityBase })}>
        {(['PRESENT', 'ALL_MEMBERS'] as const).map((k) => (
          <option key={k} value={k}>
            {t(BASE_KEY[k])}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('councils.web.rules.tie')} value={v.tie} onChange={(e) => setV({ ...v, tie: e.target.value as CouncilTieRule })}>
        {(['FAILS', 'CHAIR_DECIDES'] as const).map((k) => (
          <option key={k} value={k}>
            {t(TIE_KEY[k])}
          </option>
        ))}
      </SelectField>
      <button type="submit" className="button" disabled={form.busy}>
        {t('councils.web.save')}
      </button>
    </form>
  );
}

/** Current members with their terms and published contacts, the membership history, and the managers' tools. */
export function MembersSection({ b, onChange }: Props) {
  const { t, formatDate } = useI18n();
  const past = b.history.filter((m) => !m.current);
  const term = (m: { termFrom: string; termTo?: string | null }) => t('councils.web.body.term', { from: formatDate(m.termFrom), to: m.termTo ? formatDate(m.termTo) : '…' });
  return (
    <section aria-labelledby="cw-members">
      <h2 id="cw-members">{t('councils.web.body.members')}</h2>
      {b.members.length === 0 ? (
        <p className="muted">{t('councils.web.body.noMembers')}</p>
      ) : (
        <ul className="list">
          {b.members.map((m) => (
            <li key={m.id} className="cw-row cw-member">
              <span className="list__title">{m.fullName}</span>
              <span className="list__meta">
                {t(ROLE_KEY[m.role])} · {term(m)}
              </span>
              {(m.email || m.phone) && (
                <span className="list__meta">
                  {m.email && <a href={`mailto:${m.email}`}>{m.email}</a>} {m.phone && <a href={`tel:${m.phone}`}>{m.phone}</a>}
                </span>
              )}
              {b.viewerCanManageMembers && (
                <details className="cw-tools">
                  <summary>{t('councils.web.members.end', { name: m.fullName })}</summary>
                  <EndTermForm membershipId={m.id} name={m.fullName} onChange={onChange} />
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
      {past.length > 0 && (
        <details className="cw-votes-details">
          <summary>{t('councils.web.members.history', { count: past.length })}</summary>
          <ul className="list">
            {past.map((m) => (
              <li key={m.id} className="cw-row">
                <span className="list__title">{m.fullName}</span>
                <span className="list__meta">
                  {t(ROLE_KEY[m.role])} · {term(m)}
                  {m.endReason ? ` · ${m.endReason}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </details>
      )}
      {b.viewerIsMember && <MyContactsForm />}
      {b.viewerCanManageMembers && <AddMemberForm bodyId={b.id} communityId={b.communityId ?? null} onChange={onChange} />}
    </section>
  );
}

type MemberField = 'fullName' | 'termFrom' | 'termTo' | 'email' | 'phone';

function AddMemberForm({ bodyId, communityId, onChange }: { bodyId: string; communityId: string | null; onChange: () => void }) {
  const { t } = useI18n();
  const empty = { fullName: '', role: 'MEMBER' as CouncilMemberRole, termFrom: '', termTo: '', email: '', phone: '', contactsPublic: false };
  const [v, setV] = useState(empty);
  // A platform account of the community (a secretary needs one to run meetings), or a named person without one.
  const [account, setAccount] = useState<Picked | null>(null);
  const form = useFormSubmit<MemberField>({ 'input.fullName': 'fullName', 'input.accountId': 'fullName', 'input.termFrom': 'termFrom', 'input.termTo': 'termTo', 'input.email': 'email', 'input.phone': 'phone', input: 'fullName' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const from = readDisplayDate(v.termFrom);
    const to = v.termTo.trim() ? readDisplayDate(v.termTo) : '';
    const fields: Partial<Record<MemberField, { key: string }>> = {};
    if (!account && !v.fullName.trim()) fields.fullName = { key: 'errors.validation.required' };
    if (!from) fields.termFrom = { key: 'errors.validation.invalid' };
    if (to === null) fields.termTo = { key: 'errors.validation.invalid' };
    if (Object.keys(fields).length) return form.setErrors({ fields, general: { key: 'errors.BAD_USER_INPUT' } });
    void form.submit(async () => {
      const who = account ? { accountId: account.id } : { fullName: v.fullName.trim(), email: v.email.trim() || null, phone: v.phone.trim() || null, contactsPublic: v.contactsPublic };
      await graphql.request(CW_ADD_MEMBER, { input: { bodyId, role: v.role, termFrom: from!, termTo: to || null, ...who } });
      setV(empty);
      setAccount(null);
      onChange();
    });
  };
  return (
    <form className="form cw-form" onSubmit={submit} noValidate aria-labelledby="cw-add-member">
      <h3 id="cw-add-member">{t('councils.web.members.add')}</h3>
      <FormAlert text={form.general} />
      {communityId && <AccountPicker communityId={communityId} chosen={account} onChoose={setAccount} />}
      {!account && (
        <Field label={t('councils.web.members.fullName')} hint={communityId ? t('councils.web.members.fullNameHint') : undefined} value={v.fullName} onChange={(e) => setV({ ...v, fullName: e.target.value })} error={form.fieldError('fullName')} required maxLength={200} />
      )}
      <SelectField label={t('councils.web.members.role')} value={v.role} onChange={(e) => setV({ ...v, role: e.target.value as CouncilMemberRole })}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {t(ROLE_KEY[r])}
          </option>
        ))}
      </SelectField>
      <DateField label={t('councils.web.members.termFrom')} value={v.termFrom} onChange={(e) => setV({ ...v, termFrom: e.target.value })} error={form.fieldError('termFrom')} />
      <DateField label={t('councils.web.members.termTo')} value={v.termTo} onChange={(e) => setV({ ...v, termTo: e.target.value })} error={form.fieldError('termTo')} />
      {!account && (
        <>
          <Field label={t('councils.web.members.email')} type="email" autoComplete="off" value={v.email} onChange={(e) => setV({ ...v, email: e.target.value })} error={form.fieldError('email')} />
          <Field label={t('councils.web.members.phone')} type="tel" autoComplete="off" hint={t('councils.web.members.phoneHint')} value={v.phone} onChange={(e) => setV({ ...v, phone: e.target.value })} error={form.fieldError('phone')} />
          <label className="checkbox">
            <input type="checkbox" checked={v.contactsPublic} onChange={(e) => setV({ ...v, contactsPublic: e.target.checked })} />
            {t('councils.web.members.publishConsent')}
          </label>
        </>
      )}
      <button type="submit" className="button" disabled={form.busy}>
        {t('councils.web.members.addSubmit')}
      </button>
    </form>
  );
}

type Picked = { id: string; name: string };

/** Members of the community found by name as one types (the community's member list, which only its members may read). */
function AccountPicker({ communityId, chosen, onChoose }: { communityId: string; chosen: Picked | null; onChoose: (p: Picked | null) => void }) {
  const { t, locale } = useI18n();
  const [q, setQ] = useState('');
  const members = useQuery(CW_COMMUNITY_MEMBERS, { id: communityId });
  if (chosen) {
    return (
      <div className="field cw-picked">
        <p>{t('councils.web.members.picked', { name: chosen.name })}</p>
        <button type="button" className="button button--secondary" onClick={() => onChoose(null)}>
          {t('councils.web.members.unpick')}
        </button>
      </div>
    );
  }
  const needle = q.trim().toLocaleLowerCase(locale);
  const people = new Map<string, string>();
  for (const m of members.data?.community.members ?? []) people.set(m.member.id, m.member.displayName);
  const found = needle ? [...people].filter(([, name]) => name.toLocaleLowerCase(locale).includes(needle)).slice(0, 8) : [];
  return (
    <div className="cw-picker">
      <Field label={t('councils.web.members.search')} hint={t('councils.web.members.searchHint')} type="search" autoComplete="off" value={q} onChange={(e) => setQ(e.target.value)} />
      {needle && found.length === 0 && <p className="muted">{t('councils.web.members.noneFound')}</p>}
      {found.length > 0 && (
        <ul className="list" aria-label={t('councils.web.members.found')}>
          {found.map(([id, name]) => (
            <li key={id}>
              <button type="button" className="button button--secondary" onClick={() => (onChoose({ id, name }), setQ(''))}>
                {t('councils.web.members.pick', { name })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function EndTermForm({ membershipId, name, onChange }: { membershipId: string; name: string; onChange: () => void }) {
  const { t } = useI18n();
  const [termTo, setTermTo] = useState('');
  const [reason, setReason] = useState('');
  const form = useFormSubmit<'termTo' | 'reason'>({ 'input.termTo': 'termTo', 'input.reason': 'reason' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const to = readDisplayDate(termTo);
    if (!to) return form.setErrors({ fields: { termTo: { key: 'errors.validation.invalid' } }, general: { key: 'errors.BAD_USER_INPUT' } });
    void form.submit(async () => {
      await graphql.request(CW_END_MEMBERSHIP, { input: { membershipId, termTo: to, reason: reason.trim() || null } });
      onChange();
    });
  };
  return (
    <form className="form cw-form" onSubmit={submit} noValidate aria-label={t('councils.web.members.end', { name })}>
      <FormAlert text={form.general} />
      <DateField label={t('councils.web.members.lastDay')} value={termTo} onChange={(e) => setTermTo(e.target.value)} error={form.fieldError('termTo')} />
      <Field label={t('councils.web.members.reason')} value={reason} onChange={(e) => setReason(e.target.value)} error={form.fieldError('reason')} maxLength={300} />
      <button type="submit" className="button button--secondary" disabled={form.busy}>
        {t('councils.web.members.endSubmit')}
      </button>
    </form>
  );
}

/** A member chooses which contacts the public sees (nothing is shown without this). */
function MyContactsForm() {
  const { t } = useI18n();
  const [v, setV] = useState({ email: '', phone: '', publish: true });
  const [saved, setSaved] = useState<boolean | null>(null);
  const form = useFormSubmit<'email' | 'phone'>({ 'input.email': 'email', 'input.phone': 'phone' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.submit(async () => {
      const r = await graphql.request(CW_MY_CONTACTS, { input: { email: v.email.trim() || null, phone: v.phone.trim() || null, publish: v.publish } });
      setSaved(r.setMyCouncilContacts);
    });
  };
  return (
    <details className="cw-tools">
      <summary>{t('councils.web.members.myContacts')}</summary>
      <form className="form cw-form" onSubmit={submit} noValidate aria-label={t('councils.web.members.myContacts')}>
        <FormAlert text={form.general} />
        <Field label={t('councils.web.members.email')} type="email" autoComplete="email" value={v.email} onChange={(e) => setV({ ...v, email: e.target.value })} error={form.fieldError('email')} />
        <Field label={t('councils.web.members.phone')} type="tel" autoComplete="tel" hint={t('councils.web.members.phoneHint')} value={v.phone} onChange={(e) => setV({ ...v, phone: e.target.value })} error={form.fieldError('phone')} />
        <label className="checkbox">
          <input type="checkbox" checked={v.publish} onChange={(e) => setV({ ...v, publish: e.target.checked })} />
          {t('councils.web.members.publish')}
        </label>
        <button type="submit" className="button" disabled={form.busy}>
          {t('councils.web.save')}
        </button>
        {saved !== null && (
          <p role="status">{saved ? t('councils.web.members.contactsPublished') : t('councils.web.members.contactsHidden')}</p>
        )}
      </form>
    </details>
  );
}
