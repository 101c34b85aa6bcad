import { managerOf, Transaction } from '@ashar/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ThreadMessage } from '../entities/thread-message.entity';
import { Thread } from '../entities/thread.entity';
import { ThreadSubject } from '../thread-policy';

/** A message with the subject of its thread, as reads and moderation need it. */
export interface StoredMessage extends ThreadMessage {
  subject: ThreadSubject;
}

type Row = Record<string, unknown>;

function toStored(r: Row): StoredMessage {
  return {
    id: r.id as string,
    threadId: r.thread_id as string,
    parentId: (r.parent_id as string | null) ?? null,
    anchor: (r.anchor as string | null) ?? null,
    authorAccountId: r.author_account_id as string,
    body: r.body as string,
    createdAt: r.created_at as Date,
    hiddenAt: (r.hidden_at as Date | null) ?? null,
    hiddenBy: (r.hidden_by as string | null) ?? null,
    hiddenReason: (r.hidden_reason as string | null) ?? null,
    subject: { context: r.context as string, subjectType: r.subject_type as string, subjectId: r.subject_id as string, communityId: r.community_id as string },
  };
}

const SELECT = `SELECT m.id, m.thread_id, m.parent_id, m.anchor, m.author_account_id, m.body, m.created_at, m.hidden_at, m.hidden_by, m.hidden_reason,
                       t.context, t.subject_type, t.subject_id, t.community_id
                  FROM thread_messages m JOIN threads t ON t.id = m.thread_id`;

/** Every statement on the threads tables. */
@Injectable()
export class ThreadRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The subject's thread, created on its first message (concurrent first messages share one row). */
  async ensureThread(tx: Transaction, s: ThreadSubject): Promise<string> {
    const m = managerOf(tx);
    const rows: Array<{ id: string }> = await m.query(
      `INSERT INTO threads (context, subject_type, subject_id, community_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (context, subject_type, subject_id) DO NOTHING RETURNING id`,
      [s.context, s.subjectType, s.subjectId, s.communityId],
    );
    if (rows[0]) return rows[0].id;
    const found = await m.findOneByOrFail(Thread, { context: s.context, subjectType: s.subjectType, subjectId: s.subjectId });
    return found.id;
  }

  async insertMessage(tx: Transaction, row: Pick<ThreadMessage, 'threadId' | 'parentId' | 'anchor' | 'authorAccountId' | 'body'>): Promise<ThreadMessage> {
    const m = managerOf(tx);
    const msg = m.create(ThreadMessage, { ...row, hiddenAt: null, hiddenBy: null, hiddenReason: null });
    await m.insert(ThreadMessage, msg);
    return msg;
  }

  async messageById(id: string, tx?: Transaction): Promise<StoredMessage | null> {
    const rows: Row[] = await managerOf(tx, this.db).query(`${SELECT} WHERE m.id = $1`, [id]);
    return rows[0] ? toStored(rows[0]) : null;
  }

  /** Hides a visible message; false when it was hidden already (checked in the same statement). */
  async hide(tx: Transaction, id: string, by: string, reason: string): Promise<boolean> {
    const r: [unknown[], number] = await managerOf(tx).query(
      'UPDATE thread_messages SET hidden_at = now(), hidden_by = $2, hidden_reason = $3 WHERE id = $1 AND hidden_at IS NULL',
      [id, by, reason],
    );
    return r[1] === 1;
  }

  /** Shows a hidden message again; false when it was not hidden. */
  async unhide(tx: Transaction, id: string): Promise<boolean> {
    const r: [unknown[], number] = await managerOf(tx).query(
      'UPDATE thread_messages SET hidden_at = NULL, hidden_by = NULL, hidden_reason = NULL WHERE id = $1 AND hidden_at IS NOT NULL',
      [id],
    );
    return r[1] === 1;
  }

  /** All messages on these subjects (one statement for a whole DataLoader batch), oldest first. */
  async messagesOfSubjects(context: string, subjectType: string, subjectIds: readonly string[]): Promise<StoredMessage[]> {
    if (!subjectIds.length) return [];
    const rows: Row[] = await this.db.query(
      `${SELECT} WHERE t.context = $1 AND t.subject_type = $2 AND t.subject_id = ANY($3::uuid[]) ORDER BY m.created_at, m.id`,
      [context, subjectType, [...subjectIds]],
    );
    return rows.map(toStored);
  }
}
