import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Application } from './application.entity';

/** A declared conflict of interest: this expert neither sees nor scores this application. */
@Entity('cmp_conflicts')
@Check('ck_cmp_conflicts_source', `"source" IN ('EXPERT', 'APPLICANT')`)
export class ReviewConflict {
  @PrimaryColumn({ type: 'uuid' })
  applicationId: string;

  @PrimaryColumn({ type: 'uuid' })
  accountId: string;

  @ManyToOne(() => Application, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'fk_cmp_conflicts_application' })
  application?: Application;

  @Column({ type: 'varchar', length: 10 })
  source: 'EXPERT' | 'APPLICANT';

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
