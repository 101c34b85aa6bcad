import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A phone that answered STOP: no SMS of any registered kind goes to it until it answers START. */
@Entity('sms_opt_outs')
export class SmsOptOut {
  @PrimaryColumn({ type: 'text' })
  phone: string;

  /** The inbound message that asked for it. */
  @Column({ type: 'uuid' })
  inboundMessageId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
