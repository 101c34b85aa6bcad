import { FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { graphql } from '../../api/graphql.client';
import { useQuery } from '../../api/use-query.hook';
import { useI18n } from '../../i18n/i18n.context';
import { useAuthLinks } from '../../session/return-here.hook';
import { useSession } from '../../session/session.context';
import { TextAreaField } from '../../ui/field.component';
import { FormAlert } from '../../ui/form-alert.component';
import { useFormSubmit } from '../../ui/form-submit.hook';
import { ADD_COMMENT, VERSION_COMMENTS } from './budget.operations';

/** Public hearing: the comments on a published version, and a form while the comment period is open. */
export function Comments({ versionId }: { versionId: string }) {
  const { t, formatDate } = useI18n();
  const { status } = useSession();
  const authLinks = useAuthLinks();
  const [reload, setReload] = useState(0);
  const { data } = useQuery(VERSION_COMMENTS, { id: versionId, reload });
  const [body, setBody] = useState('');
  const form = useFormSubmit({ 'input.body': 'body' });
  const [sent, setSent] = useState(false);
  if (!data) return null;
  const v = data.budgetVersion;
  const open = v.status === 'PUBLISHED' && (!v.commentsUntil || v.commentsUntil >= new Date().toISOString().slice(0, 10));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSent(false);
    void form.submit(async () => {
      await graphql.request(ADD_COMMENT, { input: { versionId, body } });
      setBody('');
      setSent(true);
      setReload((n) => n + 1);
    });
  };

  return (
    <section aria-labelledby="comments-heading">
      <h2 id="comments-heading">{t('budgets.comments.title')}</h2>
      {v.comments.length === 0 ? (
        <p className="muted">{t('budgets.comments.none')}</p>
      ) : (
        <ul className="list list--plain">
          {v.comments.map((c) => (
            <li key={c.id}>
              <span className="list__meta">{formatDate(c.createdAt)}</span>
              {c.body === null ? <span className="muted">{t('threads.hiddenByModerator')}</span> : <span>{c.body}</span>}
              {c.body !== null && c.hidden && <span className="muted">{t('threads.hiddenForAuthor', { reason: c.hiddenReason ?? '' })}</span>}
            </li>
          ))}
        </ul>
      )}
      {open &&
        (status === 'authenticated' ? (
          <form className="form" onSubmit={submit}>
            {sent && (
              <p className="status" role="status">
                {t('budgets.comments.sent')}
              </p>
            )}
            <FormAlert text={form.general} />
            <TextAreaField label={t('budgets.comments.field')} className="grid-input" rows={4} maxLength={4000} value={body} onChange={(e) => setBody(e.target.value)} error={form.fieldError('body')} required />
            <button type="submit" className="button" disabled={form.busy}>
              {t('budgets.comments.submit')}
            </button>
          </form>
        ) : (
          <p>
            <Link to={authLinks.logIn}>{t('budgets.comments.signIn')}</Link>
          </p>
        ))}
    </section>
  );
}
