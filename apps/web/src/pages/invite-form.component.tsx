import { useId, useState } from 'react';
import { ApiError, errorMessageKey } from '../api/graphql-errors';
import { graphql } from '../api/graphql.client';
import { CREATE_INVITATION, CreatedInvitation, INVITABLE_ROLES } from '../api/invitation.operations';
import type { Role } from '../api/territory.operations';
import { useI18n } from '../i18n/i18n.context';
import { Field } from '../ui/field.component';
import { FormAlert } from '../ui/form-alert.component';

/**
 * A community admin makes a one-time invitation link and shares it however the village talks:
 * WhatsApp, SMS, or read out at a meeting. A phone or email given here also gets the link sent.
 */
export function InviteForm({ communityId }: { communityId: string }) {
  const { t, formatDate } = useI18n();
  const roleId = useId();
  const [role, setRole] = useState<Role>('CITIZEN');
  const [recipient, setRecipient] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const [copied, setCopied] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setCopied(false);
    try {
      const r = await graphql.request(CREATE_INVITATION, {
        input: { communityId, role, recipient: recipient.trim() || null },
      });
      setCreated(r.createInvitation);
    } catch (err) {
      setError(t(errorMessageKey(err instanceof ApiError ? err.errors[0] : undefined)));
    } finally {
      setBusy(false);
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

  return (
    <section aria-labelledby="invite-heading">
      <h2 id="invite-heading">{t('invitation.create.title')}</h2>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <FormAlert text={error} />
        <div className="field">
          <label htmlFor={roleId}>{t('invitation.create.role')}</label>
          <select id={roleId} value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {INVITABLE_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <Field
          label={t('invitation.create.recipient')}
          hint={t('invitation.create.recipientHint')}
          value={recipient}
          autoComplete="off"
          onChange={(e) => setRecipient(e.target.value)}
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('auth.busy') : t('invitation.create.submit')}
        </button>
      </form>
      {created?.link && (
        <div role="status" className="invitation-link">
          <p>{t('invitation.create.done', { role: t(`role.${created.role}`), date: formatDate(created.expiresAt) })}</p>
          <p>
            <input readOnly value={created.link} aria-label={t('invitation.create.link')} onFocus={(e) => e.target.select()} />
          </p>
          <p>
            <button type="button" className="button button--secondary" onClick={() => void copy(created.link!)}>
              {copied ? t('invitation.create.copied') : t('invitation.create.copy')}
            </button>{' '}
            <a href={`https://wa.me/?text=${encodeURIComponent(`${t('invitation.create.shareText')} ${created.link}`)}`} target="_blank" rel="noopener noreferrer">
              {t('invitation.create.whatsapp')}
            </a>
          </p>
        </div>
      )}
    </section>
  );
}
