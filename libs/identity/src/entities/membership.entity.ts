import { Role } from '@ashar/auth';
import { TimestampedEntity } from '@ashar/database';
import { Community } from '@ashar/territory';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Account } from './account.entity';

/** A role held by an account in one community. Roles are never global (platform admin aside). */
@Entity('memberships')
@Index('uq_memberships_account_community_role', ['accountId', 'communityId', 'role'], { unique: true })
@Index('idx_memberships_community', ['communityId'])
export class Membership extends TimestampedEntity {
  @Column({ type: 'uuid' })
  accountId: string;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_memberships_account' })
  account?: Account;

  @Column({ type: 'uuid' })
  communityId: string;

  @ManyToOne(() => Community, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'community_id', foreignKeyConstraintName: 'fk_memberships_community' })
  community?: Community;

  @Column({ type: 'varchar', length: 32 })
  role: Role;
}
