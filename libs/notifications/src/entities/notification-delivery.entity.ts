import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const NOTIFICATION_CHANNELS = ['in_app', 'email', 'sms'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/**
 * PENDING: waiting for its job (also after a failure that will be retried). SENDING: claimed by one
 * attempt, which is talking to the gateway now. SENT and FAILED are final.
 */
export const DELIVERY_STATUSES = ['PENDING', 'SENDING', 'SENT', 'FAILED'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** A message parameter: plain text or number, a catalogue key, or a text given in several languages. */
export type NotificationParam = string | number | { key: string } | { text: Partial<Record<string, string | null>> };
export type NotificationParams = Record<string, NotificationParam>;

/**
 * One message to one recipient on one channel. Written in the caller's transaction, then sent by the
 * `notifications.deliver` job; the row is the truth about what left the platform.
 */
@Entity('notification_deliveries')
@Index('ix_notification_deliveries_inbox', ['accountId', 'createdAt'], { where: `channel = 'in_app'` })
@Index('ix_notification_deliveries_sms_message', ['providerMessageId'], { where: `channel = 'sms' AND provider_message_id IS NOT NULL` })
export class NotificationDelivery {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The caller's idempotency key; also the id of the delivery job (one row, one job, per key). */
  @Column({ type: 'text', unique: true })
  jobId: string;

  @Column({ type: 'varchar', length: 16 })
  channel: NotificationChannel;

  /** Phone (E.164) or email for SMS and email; the account id for in-app. */
  @Column({ type: 'text' })
  recipient: string;

  /** The recipient's account when known (always for in-app: only that account reads it). */
  @Column({ type: 'uuid', nullable: true })
  accountId: string | null;

  @Column({ type: 'varchar', length: 8, default: 'ky' })
  locale: string;

  @Column({ type: 'text' })
  templateKey: string;

  @Column({ type: 'jsonb' })
  params: NotificationParams;

  @Column({ type: 'varchar', length: 16, default: 'PENDING' })
  status: DeliveryStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  /** Which provider handled it (log, http, in-app). */
  @Column({ type: 'varchar', length: 32, nullable: true })
  provider: string | null;

  @Column({ type: 'text', nullable: true })
  providerMessageId: string | null;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  /** The attempt that holds the row while SENDING; only it may record the outcome. */
  @Column({ type: 'uuid', nullable: true })
  claimId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  claimedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;

  /** SMS only: parts the sent text took (GSM 03.38), and what they cost at the configured price. */
  @Column({ type: 'int', nullable: true })
  smsParts: number | null;

  /** Minor units, as a decimal string (bigint). */
  @Column({ type: 'bigint', nullable: true })
  costMinor: string | null;

  @Column({ type: 'varchar', length: 3, nullable: true })
  costCurrency: string | null;

  /** The gateway's delivery report: DELIVERED or FAILED, its raw status, and when it came. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  reportStatus: 'DELIVERED' | 'FAILED' | null;

  @Column({ type: 'text', nullable: true })
  reportRawStatus: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  reportedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
