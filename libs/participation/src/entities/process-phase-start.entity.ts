import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ParticipatoryProcess, ProcessPhase } from './participatory-process.entity';

/**
 * When a later phase of a process begins by itself (the organiser's schedule). The instant is stored in
 * UTC; the community's time zone only formats it. A row is kept after its phase began, as the record
 * of what was planned.
 */
@Entity('pb_process_phase_starts')
// The schedule job's scan: starts already due.
@Index('idx_pb_process_phase_starts_due', ['startsAt'])
@Check('ck_pb_process_phase_starts_phase', `"phase" IN ('IDEAS', 'REVIEW', 'VOTING', 'RESULTS', 'IMPLEMENTATION')`)
export class ProcessPhaseStart {
  @PrimaryColumn({ type: 'uuid' })
  processId: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  phase: ProcessPhase;

  @ManyToOne(() => ParticipatoryProcess, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'process_id', foreignKeyConstraintName: 'fk_pb_process_phase_starts_process' })
  process?: ParticipatoryProcess;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
