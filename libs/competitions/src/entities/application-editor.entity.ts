import { CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Application } from './application.entity';

/** Who may edit and submit an application (the organisation's people). */
@Entity('cmp_application_editors')
export class ApplicationEditor {
  @PrimaryColumn({ type: 'uuid' })
  applicationId: string;

  @PrimaryColumn({ type: 'uuid' })
  accountId: string;

  @ManyToOne(() => Application, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'fk_cmp_application_editors_application' })
  application?: Application;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
