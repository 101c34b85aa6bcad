import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Proposal } from './proposal.entity';

/**
 * A photo of a proposal, or of a project's update (`update_id`), kept in PostgreSQL as budgets keeps
 * receipts (small files, one backup, the type read from the bytes). Public like the proposal.
 */
@Entity('pb_photos')
@Index('idx_pb_photos_proposal', ['proposalId'])
@Index('uq_pb_photos_same', ['proposalId', 'sha256'], { unique: true })
@Check('ck_pb_photos_size', '"size_bytes" > 0 AND "size_bytes" <= 5242880')
@Check('ck_pb_photos_type', `"content_type" IN ('image/jpeg', 'image/png')`)
export class ProposalPhoto {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  proposalId: string;

  @ManyToOne(() => Proposal, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'proposal_id', foreignKeyConstraintName: 'fk_pb_photos_proposal' })
  proposal?: Proposal;

  /** Set when the photo illustrates an implementation update rather than the idea. */
  @Column({ type: 'uuid', nullable: true })
  updateId: string | null;

  @Column({ type: 'text' })
  fileName: string;

  @Column({ type: 'varchar', length: 40 })
  contentType: string;

  @Column({ type: 'integer' })
  sizeBytes: number;

  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @Column({ type: 'bytea', select: false })
  content: Buffer;

  @Column({ type: 'uuid' })
  uploadedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
