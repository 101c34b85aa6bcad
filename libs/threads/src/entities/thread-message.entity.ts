import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Thread } from './thread.entity';

/**
 * A message in a thread: a top-level comment, or a reply to one (`parentId`, one level). A moderator
 * hides it with a reason: the row keeps its text; who may read the text is decided when it is read.
 */
@Entity('thread_messages')
@Index('idx_thread_messages_thread', ['threadId', 'createdAt'])
@Index('idx_thread_messages_parent', ['parentId'])
@Check('ck_thread_messages_hidden', '("hidden_at" IS NULL AND "hidden_by" IS NULL AND "hidden_reason" IS NULL) OR ("hidden_at" IS NOT NULL AND "hidden_by" IS NOT NULL AND "hidden_reason" IS NOT NULL)')
export class ThreadMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  threadId: string;

  @ManyToOne(() => Thread, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'thread_id', foreignKeyConstraintName: 'fk_thread_messages_thread' })
  thread?: Thread;

  /** The message this one answers (same thread), or null for a top-level message. */
  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => ThreadMessage, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'fk_thread_messages_parent' })
  parent?: ThreadMessage;

  /** What part of the subject the message is about, in the context's terms (a budget line key), or null. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  anchor: string | null;

  @Column({ type: 'uuid' })
  authorAccountId: string;

  @Column({ type: 'text' })
  body: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  hiddenAt: Date | null;

  /** The moderator who hid it. */
  @Column({ type: 'uuid', nullable: true })
  hiddenBy: string | null;

  @Column({ type: 'text', nullable: true })
  hiddenReason: string | null;
}
