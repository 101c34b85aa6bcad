import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One discussion about one subject of one context (a budget version in public hearing, a monitoring
 * note, later a proposal or a council question). Created with its first message. The subject is named,
 * not referenced: threads keep no foreign key into a context's tables.
 */
@Entity('threads')
@Index('uq_threads_subject', ['context', 'subjectType', 'subjectId'], { unique: true })
@Index('idx_threads_community', ['communityId'])
export class Thread {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The owning context, e.g. "budgets". */
  @Column({ type: 'varchar', length: 40 })
  context: string;

  /** The kind of subject within the context, e.g. "budget-version". */
  @Column({ type: 'varchar', length: 40 })
  subjectType: string;

  @Column({ type: 'uuid' })
  subjectId: string;

  /** The community the subject belongs to: moderation and audit are scoped to it. */
  @Column({ type: 'uuid' })
  communityId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
