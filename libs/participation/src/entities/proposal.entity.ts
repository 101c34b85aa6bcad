import { TimestampedEntity } from '@ashar/database';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { ParticipatoryProcess } from './participatory-process.entity';
import { ProcessCategory } from './process-category.entity';
import { ProcessDistrict } from './process-district.entity';

export type ProposalStatus = 'SUBMITTED' | 'FEASIBLE' | 'REJECTED' | 'MERGED';

/** A resident's project idea; the review records feasibility, the reviewed cost and, when rejected, why (public). */
@Entity('pb_proposals')
@Index('idx_pb_proposals_process', ['processId', 'status'])
@Index('uq_pb_proposals_client_request', ['processId', 'clientRequestId'], { unique: true, where: `"client_request_id" IS NOT NULL` })
@Check('ck_pb_proposals_status', `"status" IN ('SUBMITTED', 'FEASIBLE', 'REJECTED', 'MERGED')`)
@Check('ck_pb_proposals_merged', `("status" = 'MERGED') = ("merged_into_id" IS NOT NULL)`)
@Check('ck_pb_proposals_cost', '"estimated_cost" > 0 AND ("reviewed_cost" IS NULL OR "reviewed_cost" > 0)')
@Check('ck_pb_proposals_review', `("status" <> 'REJECTED' OR "rejection_reason" IS NOT NULL) AND ("status" <> 'FEASIBLE' OR "reviewed_cost" IS NOT NULL)`)
@Check('ck_pb_proposals_point', '("latitude" IS NULL) = ("longitude" IS NULL) AND ("latitude" IS NULL OR ("latitude" BETWEEN -90 AND 90 AND "longitude" BETWEEN -180 AND 180))')
export class Proposal extends TimestampedEntity {
  @Column({ type: 'uuid' })
  processId: string;

  @ManyToOne(() => ParticipatoryProcess, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'process_id', foreignKeyConstraintName: 'fk_pb_proposals_process' })
  process?: ParticipatoryProcess;

  @Column({ type: 'uuid' })
  authorAccountId: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'bigint' })
  estimatedCost: string;

  @Column({ type: 'bigint', nullable: true })
  reviewedCost: string | null;

  @Column({ type: 'varchar', length: 12, default: 'SUBMITTED' })
  status: ProposalStatus;

  @Column({ type: 'text', nullable: true })
  rejectionReason: string | null;

  @Column({ type: 'uuid', nullable: true })
  villageUnitId: string | null;

  @Column({ type: 'varchar', length: 80, nullable: true })
  category: string | null;

  @Column({ type: 'double precision', nullable: true })
  latitude: number | null;

  @Column({ type: 'double precision', nullable: true })
  longitude: number | null;

  /** The process's district or village it is for (`pb_districts`); required once the process has districts. */
  @Column({ type: 'uuid', nullable: true })
  districtId: string | null;

  @ManyToOne(() => ProcessDistrict, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'district_id', foreignKeyConstraintName: 'fk_pb_proposals_district' })
  district?: ProcessDistrict;

  /** One of the process's categories (`pb_categories`); the free-text `category` stays for older rows. */
  @Column({ type: 'uuid', nullable: true })
  categoryId: string | null;

  @ManyToOne(() => ProcessCategory, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'category_id', foreignKeyConstraintName: 'fk_pb_proposals_category' })
  categoryRef?: ProcessCategory;

  /** A duplicate merged by the organisers into this proposal (its supports moved there). */
  @Column({ type: 'uuid', nullable: true })
  mergedIntoId: string | null;

  @ManyToOne(() => Proposal, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'merged_into_id', foreignKeyConstraintName: 'fk_pb_proposals_merged_into' })
  mergedInto?: Proposal;

  @Column({ type: 'uuid', nullable: true })
  clientRequestId: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  clientRequestHash: string | null;
}
