import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { Account } from './account.entity';

/**
 * The phone an account proved it holds (verification level PHONE). One number verifies one account:
 * a second account confirming it is refused, so one phone cannot stand for many voters.
 */
@Entity('verified_phones')
@Index('uq_verified_phones_phone', ['phone'], { unique: true })
export class VerifiedPhone {
  @PrimaryColumn({ type: 'uuid' })
  accountId: string;

  @OneToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_verified_phones_account' })
  account?: Account;

  /** E.164. */
  @Column({ type: 'text' })
  phone: string;

  @Column({ type: 'timestamptz' })
  verifiedAt: Date;
}
