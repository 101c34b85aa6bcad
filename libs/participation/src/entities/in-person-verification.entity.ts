import { Community } from '@ashar/territory';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

export type DocumentKind = 'KG_PIN' | 'KZ_IIN';

/**
 * A resident verified in person by a budget-group member with a national ID (level IN_PERSON), per
 * community. The number itself is never stored: only HMAC-SHA256(server key, kind + digits), and one
 * document verifies one account per community (unique index). The birth date the number encodes is kept
 * for the minimum-age rule.
 */
@Entity('pb_in_person_verifications')
@Index('uq_pb_in_person_verifications_document', ['communityId', 'documentHash'], { unique: true })
@Check('ck_pb_in_person_verifications_kind', `"document_kind" IN ('KG_PIN', 'KZ_IIN')`)
export class InPersonVerification {
  @PrimaryColumn({ type: 'uuid' })
  communityId: string;

  @PrimaryColumn({ type: 'uuid' })
  accountId: string;

  @ManyToOne(() => Community, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'community_id', foreignKeyConstraintName: 'fk_pb_in_person_verifications_community' })
  community?: Community;

  @Column({ type: 'varchar', length: 8 })
  documentKind: DocumentKind;

  @Column({ type: 'varchar', length: 64 })
  documentHash: string;

  /** YYYY-MM-DD, read from the number. */
  @Column({ type: 'date', nullable: true })
  birthDate: string | null;

  @Column({ type: 'uuid' })
  verifiedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  verifiedAt: Date;
}
