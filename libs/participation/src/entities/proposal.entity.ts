import { TimestampedEntity } from '@ashar/database';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { ParticipatoryProcess } from './participatory-process.entity';

export type ProposalStatus = 'SUBMITTED' | 'FEASIBLE' | 'REJECTED';

/** A resident's project idea; the review records feasibility, the reviewed cost and, when rejected, why (public). */
@Entity('pb_proposals')
@Index('idx_pb_proposals_process', ['processId', 'status'])
@Index('uq_pb_proposals_client_request', ['processId', 'clientRequestId'], { unique: true, where: `"client_request_id" IS NOT NULL` })
@Check('ck_pb_proposals_status', `"status" IN ('SUBMITTED', 'FEASIBLE', 'REJECTED')`)
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

  @Column({ type: 'uuid', nullable: true })
  clientRequestId: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  clientRequestHash: string | null;
}
