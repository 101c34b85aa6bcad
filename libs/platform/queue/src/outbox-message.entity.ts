import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Transactional outbox: a job is written here in the same transaction as the change that needs it,
 * and the relay hands it to BullMQ only after commit. PostgreSQL stays the source of truth.
 */
@Entity('outbox_messages')
@Index('idx_outbox_pending', ['createdAt'], { where: '"dispatched_at" IS NULL' })
export class OutboxMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  queue: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  /** BullMQ job id: the same logical job enqueued twice is kept once. */
  @Column({ type: 'text', unique: true })
  jobId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  dispatchedAt: Date | null;
}
