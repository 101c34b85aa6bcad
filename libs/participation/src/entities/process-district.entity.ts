import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { LocalizedText } from './participatory-process.entity';
import { ParticipatoryProcess } from './participatory-process.entity';

/**
 * A district or village of a process: proposals name one, and when it has its own envelope its
 * projects are also counted apart, within that envelope (the result per district, `pb_outcomes.districts`).
 */
@Entity('pb_districts')
@Index('idx_pb_districts_process', ['processId'])
@Check('ck_pb_districts_envelope', '"envelope" IS NULL OR "envelope" > 0')
export class ProcessDistrict {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  processId: string;

  @ManyToOne(() => ParticipatoryProcess, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'process_id', foreignKeyConstraintName: 'fk_pb_districts_process' })
  process?: ParticipatoryProcess;

  @Column({ type: 'jsonb' })
  name: LocalizedText;

  /** Minor units; null: the district's projects compete only in the process's envelope. */
  @Column({ type: 'bigint', nullable: true })
  envelope: string | null;

  /** The territorial unit (village, aiyl aimak) it stands for, when there is one. */
  @Column({ type: 'uuid', nullable: true })
  unitId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
