import { TimestampedEntity } from '@ashar/database';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Application } from './application.entity';

/** An interview slot with an applicant and the committee's notes. */
@Entity('cmp_interviews')
@Index('idx_cmp_interviews_application', ['applicationId'])
export class Interview extends TimestampedEntity {
  @Column({ type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => Application, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'fk_cmp_interviews_application' })
  application?: Application;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'text', default: '' })
  notes: string;

  @Column({ type: 'uuid' })
  createdBy: string;
}
