import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { FormDefinition } from '../domain/form-definition';
import { CompetitionCall, LocalizedText } from './competition-call.entity';

/** A stage of a call (1: concept, 2: full package for the shortlisted…) with its deadline and form. */
@Entity('cmp_stages')
export class CallStage {
  @PrimaryColumn({ type: 'uuid' })
  callId: string;

  @PrimaryColumn({ type: 'smallint' })
  number: number;

  @ManyToOne(() => CompetitionCall, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'call_id', foreignKeyConstraintName: 'fk_cmp_stages_call' })
  call?: CompetitionCall;

  @Column({ type: 'jsonb' })
  name: LocalizedText;

  /** The UTC instant; the call's time zone says how it was stated. */
  @Column({ type: 'timestamptz' })
  deadlineAt: Date;

  @Column({ type: 'jsonb' })
  form: FormDefinition;
}
