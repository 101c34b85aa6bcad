import { Column, Entity, Index } from 'typeorm';
import { TimestampedEntity } from '@ashar/database';

export type AccountKind = 'registered' | 'assisted';

/**
 * A person. `registered` accounts log in with email or phone and a password (argon2id);
 * `assisted` ones are residents entered by a budget-group member, who then acts on their behalf.
 */
@Entity('accounts')
@Index('uq_accounts_email', ['email'], { unique: true, where: '"email" IS NOT NULL' })
@Index('uq_accounts_phone', ['phone'], { unique: true, where: '"phone" IS NOT NULL' })
export class Account extends TimestampedEntity {
  /** Lower-cased. */
  @Column({ type: 'text', nullable: true })
  email: string | null;

  /** E.164, e.g. +996555123456. */
  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ type: 'text', nullable: true, select: false })
  passwordHash: string | null;

  @Column({ type: 'text' })
  displayName: string;

  @Column({ type: 'varchar', length: 5, default: 'ky' })
  locale: string;

  @Column({ type: 'boolean', default: false })
  platformAdmin: boolean;

  @Column({ type: 'varchar', length: 16, default: 'registered' })
  kind: AccountKind;
}
