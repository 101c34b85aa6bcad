import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One SMS a person sent to the platform's number, as the gateway handed it over. The gateway's id is unique:
 * the same message delivered twice is stored (and acted on) once, and so is the same text from the same phone
 * within two minutes under another id.
 */
@Entity('sms_inbound_messages')
@Index('ix_sms_inbound_messages_from', ['fromPhone', 'receivedAt'])
export class SmsInboundMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  gatewayMessageId: string;

  /** E.164, as the gateway sent it. */
  @Column({ type: 'text' })
  fromPhone: string;

  @Column({ type: 'text' })
  text: string;

  /** What the platform did with it: OPT_OUT, OPT_IN, or null (kept for the contexts that read replies, e.g. votes). */
  @Column({ type: 'varchar', length: 16, nullable: true })
  action: string | null;

  @Column({ type: 'timestamptz' })
  receivedAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
