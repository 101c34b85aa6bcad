import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n.context';
import type { MonitoringNote } from './budget.operations';
import { NOTE_STATUS_KEY } from './labels';

export type Describe = { line: (key: string | null) => string; record: (id: string | null) => string };

/** One note: what, where, status, the thread, a reply box and a status change (both keyboard-only friendly). */
export function NoteView({ note: n, describe, children }: { note: MonitoringNote; describe: Pick<Describe, 'line'> & Partial<Pick<Describe, 'record'>>; children?: ReactNode }) {
  const { t, formatDate } = useI18n();
  const record = n.transactionId && describe.record ? describe.record(n.transactionId) : '';
  return (
    <li className="note">
      <span className={`note-status note-status--${n.status}`}>{t(NOTE_STATUS_KEY[n.status])}</span>
      <h3 className="note__title">{n.title}</h3>
      <p className="muted">
        {n.lineKey && t('budgets.notes.onLine', { line: describe.line(n.lineKey) })}
        {record && (
          <>
            <br />
            {t('budgets.notes.onRecord', { record })}
          </>
        )}
      </p>
      <p>{n.body}</p>
      <p className="muted">
        {t('budgets.notes.createdBy', { name: n.author.displayName, date: formatDate(n.createdAt) })}
        {n.resolvedAt && (
          <>
            {' · '}
            {t('budgets.notes.resolvedOn', { date: formatDate(n.resolvedAt) })}
          </>
        )}
      </p>
      {n.replies.length > 0 && (
        <>
          <p className="muted">{t('budgets.notes.replies', { count: n.replies.length })}</p>
          <ul className="note-replies">
            {n.replies.map((r) => (
              <li key={r.id}>
                <span className="list__meta">{r.author.displayName}, {formatDate(r.createdAt)}</span> {r.body === null ? <span className="muted">{t('threads.hiddenByModerator')}</span> : <span>{r.body}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      {children}
    </li>
  );
}

