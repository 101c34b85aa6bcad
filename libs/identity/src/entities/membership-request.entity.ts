import { TimestampedEntity } from '@ashar/database';
import { Community } from '@ashar/territory';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Account } from './account.entity';

export type MembershipRequestStatus = 'PENDING' | 'APPROVED' | 'DECLINED';

/** A non-member asks to join a community; its admins approve (the person becomes a CITIZEN) or decline. */
@Entity('membership_requests')
@Index('uq_membership_requests_pending', ['communityId', 'accountId'], { unique: true, where: `"status" = 'PENDING'` })
export class MembershipRequest extends TimestampedEntity {
  @Column({ type: 'uuid' })
  communityId: string;

  @ManyToOne(() => Community, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'community_id', foreignKeyConstraintName: 'fk_membership_requests_community' })
  community?: Community;

  @Column({ type: 'uuid' })
  accountId: string;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_membership_requests_account' })
  account?: Account;

  @Column({ type: 'text', nullable: true })
  message: string | null;

  @Column({ type: 'varchar', length: 16, default: 'PENDING' })
  status: MembershipRequestStatus;

  @Column({ type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;
}
