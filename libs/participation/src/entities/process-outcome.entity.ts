import { Column, CreateDateColumn, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { ParticipatoryProcess } from './participatory-process.entity';

/** One district's own count: its projects, its envelope, the ballots' choices among them. */
export interface DistrictOutcome {
  districtId: string;
  envelope: string;
  selected: string[];
  totalCost: string;
  ballotCount: number;
}

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

  /** Districts with an envelope of their own, each counted apart on its projects (`DistrictOutcome`). */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  districts: DistrictOutcome[];

  @CreateDateColumn({ type: 'timestamptz' })
  computedAt: Date;
}
