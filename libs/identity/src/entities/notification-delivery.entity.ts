import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * What the notification worker sent (or would send: SMS and email gateways are outside the
 * platform). Unique per job id, so a job that runs twice delivers once.
 */
@Entity('notification_deliveries')
export class NotificationDelivery {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  jobId: string;

  @Column({ type: 'varchar', length: 16 })
  channel: 'sms' | 'email' | 'log';

  @Column({ type: 'text' })
  recipient: string;

  @Column({ type: 'text' })
  templateKey: string;

  @Column({ type: 'jsonb' })
  params: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
