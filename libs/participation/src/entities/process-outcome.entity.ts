import { Column, CreateDateColumn, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { ParticipatoryProcess } from './participatory-process.entity';

/**
 * The published result of a process: the winners by the process's rule, the engine's structured
 * explanation, and the exact ballot set counted (a pabulib `.pb` text) with its SHA-256, so anyone can
 * recount it.
 */
@Entity('pb_outcomes')
export class ProcessOutcome {
  @PrimaryColumn({ type: 'uuid' })
  processId: string;

  @OneToOne(() => ParticipatoryProcess, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'process_id', foreignKeyConstraintName: 'fk_pb_outcomes_process' })
  process?: ParticipatoryProcess;

  @Column({ type: 'varchar', length: 24 })
  rule: string;

  @Column({ type: 'jsonb' })
  selected: string[];

  @Column({ type: 'bigint' })
  totalCost: string;

  @Column({ type: 'integer' })
  ballotCount: number;

  @Column({ type: 'jsonb' })
  explanation: Record<string, unknown>;

  @Column({ type: 'text' })
  ballotSet: string;

  /** Who took part (registry × residents' profiles), small cells suppressed (domain/participation-stats.ts). */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  participation: Record<string, unknown>;

  @Column({ type: 'varchar', length: 64 })
  ballotSetSha256: string;

  @CreateDateColumn({ type: 'timestamptz' })
  computedAt: Date;
}
