import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Application } from './application.entity';

/** An expert assigned to review an application, and their score sheet once submitted. */
@Entity('cmp_assignments')
export class ReviewAssignment {
  @PrimaryColumn({ type: 'uuid' })
  applicationId: string;

  @PrimaryColumn({ type: 'uuid' })
  expertAccountId: string;

  @ManyToOne(() => Application, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'fk_cmp_assignments_application' })
  application?: Application;

  /** `[{ criterionKey, score, comment }]` once submitted. */
  @Column({ type: 'jsonb', nullable: true })
  scores: Array<{ criterionKey: string; score: number; comment: string | null }> | null;

  @Column({ type: 'timestamptz', nullable: true })
  scoredAt: Date | null;

  /** What was scored: stage × 1000 + version of the latest submission then (an amendment may be rescored). */
  @Column({ type: 'integer', nullable: true })
  scoredVersion: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
