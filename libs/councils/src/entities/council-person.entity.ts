import { TimestampedEntity } from '@ashar/database';
import { Column, Entity, Index } from 'typeorm';

/**
 * Someone who sits on a body: a platform account, or a named person without one. Contacts are shown
 * only when `contactsPublic` (the member's choice; the secretary records it for people without an account).
 */
@Entity('council_persons')
@Index('uq_council_persons_account', ['accountId'], { unique: true, where: `"account_id" IS NOT NULL` })
export class CouncilPerson extends TimestampedEntity {
  @Column({ type: 'uuid', nullable: true })
  accountId: string | null;

  @Column({ type: 'varchar', length: 200 })
  fullName: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  email: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  @Column({ type: 'boolean', default: false })
  contactsPublic: boolean;
}
