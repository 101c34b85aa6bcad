import { useId, useState } from 'react';
import { ApiError, errorMessageKey } from '../api/graphql-errors';
import { graphql } from '../api/graphql.client';
import {
  CREATE_GROUP_INVITATION,
  CREATE_INVITATION,
  GROUP_INVITATIONS,
  GROUP_ROLES,
  INVITABLE_ROLES,
  REVOKE_INVITATION,
} from '../api/invitation.operations';
import type { Role } from '../api/territory.operations';
import { useQuery } from '../api/use-query.hook';
import { useI18n } from '../i18n/i18n.context';
import { Field } from '../ui/field.component';
import { FormAlert } from '../ui/form-alert.component';
import { MembershipRequests } from './membership-requests.component';

type Kind = 'personal' | 'group';
interface Made {
  link: string;
  text: string;
}

/**
 * A community admin makes an invitation link and shares it however the village talks: WhatsApp, SMS,
 * or read out at a meeting. "One person": a one-time link (a phone or email given here also gets it
 * sent). "A group link": many people join through it, up to a limit, until it expires or is revoked;
 * the active group links are listed with how many have used them. Pending join requests follow.
 */
export function InviteForm({ communityId }: { communityId: string }) {
  const { t, formatDate } = useI18n();
  const roleId = useId();
  const [kind, setKind] = useState<Kind>('personal');
  const [role, setRole] = useState<Role>('CITIZEN');
  const [recipient, setRecipient] = useState('');
  const [maxUses, setMaxUses] = useState('30');
  const [days, setDays] = useState('14');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [made, setMade] = useState<Made | null>(null);
  const [copied, setCopied] = useState(false);
  const [reload, setReload] = useState(0);
  const [listNote, setListNote] = useState<string | null>(null);
  const links = useQuery(GROUP_INVITATIONS, { id: communityId, reload });
  const roles = kind === 'group' ? GROUP_ROLES : INVITABLE_ROLES;

  const message = (err: unknown) => {
    const first = err instanceof ApiError ? err.errors[0] : undefined;
    return t(errorMessageKey(first), (first?.extensions?.params ?? {}) as Record<string, string | number>);
  };

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setCopied(false);
    try {
      if (kind === 'group') {
        const r = (await graphql.request(CREATE_GROUP_INVITATION, {
          input: { communityId, role, maxUses: Number(maxUses.trim()), expiresInDays: Number(days.trim()) },
        })).createGroupInvitation;
        setMade({ link: r.link!, text: t('invitation.group.done', { role: t(`role.${r.role}`), max: r.maxUses, date: formatDate(r.expiresAt) }) });
        setReload((n) => n + 1);
      } else {
        const r = (await graphql.request(CREATE_INVITATION, { input: { communityId, role, recipient: recipient.trim() || null } })).createInvitation;
        setMade({ link: r.link!, text: t('invitation.create.done', { role: t(`role.${r.role}`), date: formatDate(r.expiresAt) }) });
      }
    } catch (err) {
      setError(message(err));
    } finally {
      setBusy(false);
    }
  }

  async function revoke(id: string) {
    setListNote(null);
    try {
      await graphql.request(REVOKE_INVITATION, { id });
      setListNote(t('invitation.group.revoked'));
      setReload((n) => n + 1);
    } catch (err) {
      setListNote(message(err));
    }
  }

  async function copy(link: string) {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  function chooseKind(k: Kind) {
    setKind(k);
    setMade(null);
    if (k === 'group' && role === 'COMMUNITY_ADMIN') setRole('CITIZEN');
  }

  const active = links.data?.community?.groupInvitations ?? [];
  return (
    <section aria-labelledby="invite-heading">
      <h2 id="invite-heading">{t('invitation.create.title')}</h2>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <FormAlert text={error} />
        <fieldset className="choices">
          <legend>{t('invitation.kind.label')}</legend>
          {([['personal', t('invitation.kind.personal')], ['group', t('invitation.kind.group')]] as const).map(([k, text]) => (
            <label key={k} className="checkbox">
              <input type="radio" name="invitation-kind" value={k} checked={kind === k} onChange={() => chooseKind(k)} /> {text}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={roleId}>{t('invitation.create.role')}</label>
          <select id={roleId} value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </div>
        {kind === 'personal' ? (
          <Field
            label={t('invitation.create.recipient')}
            hint={t('invitation.create.recipientHint')}
            value={recipient}
            autoComplete="off"
            onChange={(e) => setRecipient(e.target.value)}
          />
        ) : (
          <>
            <Field label={t('invitation.group.maxUses')} inputMode="numeric" value={maxUses} autoComplete="off" onChange={(e) => setMaxUses(e.target.value)} />
            <Field label={t('invitation.group.days')} inputMode="numeric" value={days} autoComplete="off" onChange={(e) => setDays(e.target.value)} />
          </>
        )}
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('auth.busy') : t('invitation.create.submit')}
        </button>
      </form>
      {made && (
        <div role="status" className="invitation-link">
          <p>{made.text}</p>
          <p>
            <input readOnly value={made.link} aria-label={t('invitation.create.link')} onFocus={(e) => e.target.select()} />
          </p>
          <p>
            <button type="button" className="button button--secondary" onClick={() => void copy(made.link)}>
              {copied ? t('invitation.create.copied') : t('invitation.create.copy')}
            </button>{' '}
            <a href={`https://wa.me/?text=${encodeURIComponent(`${t('invitation.create.shareText')} ${made.link}`)}`} target="_blank" rel="noopener noreferrer">
              {t('invitation.create.whatsapp')}
            </a>
          </p>
        </div>
      )}
      <h3>{t('invitation.group.active')}</h3>
      <p role="status">{listNote}</p>
      {active.length === 0 ? (
        <p className="list__meta">{t('invitation.group.none')}</p>
      ) : (
        <ul className="list" aria-label={t('invitation.group.active')}>
          {active.map((l) => (
            <li key={l.id}>
              <span>{t('invitation.group.item', { role: t(`role.${l.role}`), uses: l.uses, max: l.maxUses, date: formatDate(l.expiresAt) })}</span>{' '}
              <button type="button" className="button button--secondary" onClick={() => void revoke(l.id)}>
                {t('invitation.group.revoke')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <MembershipRequests communityId={communityId} />
    </section>
  );
}
