import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Account } from './account.entity';

/**
 * A 6-digit code sent by SMS to prove that an account holds a phone. Only its keyed hash is kept
 * (HMAC-SHA256 over the row id and the code); it lives 10 minutes and dies after 5 wrong attempts.
 */
@Entity('phone_verification_codes')
@Index('idx_phone_verification_codes_account', ['accountId', 'createdAt'])
export class PhoneVerificationCode {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  accountId: string;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_phone_verification_codes_account' })
  account?: Account;

  /** E.164: the number the code was sent to, which the account gets once it confirms. */
  @Column({ type: 'text' })
  phone: string;

  @Column({ type: 'varchar', length: 64 })
  codeHash: string;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'smallint', default: 0 })
  attempts: number;

  /** Set when the code was confirmed, or replaced by a newer one: it is then spent. */
  @Column({ type: 'timestamptz', nullable: true })
  spentAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
