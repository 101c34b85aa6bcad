import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { LocalizedText } from '@ashar/i18n';
import { Country, UnitLevel } from '../domain/unit-level';

/**
 * A unit of the administrative map. Units change (Kyrgyzstan's 2024–25 reform merged aiyl aimaks and
 * changed codes): a unit is never rewritten, it gets `validTo` and a `successor`, and whatever was made
 * for it (budgets, communities) stays attached to it. Only one current unit holds a code.
 */
@Entity('territorial_units')
@Index('uq_territorial_units_current_code', ['country', 'code'], { unique: true, where: '"valid_to" IS NULL' })
@Index('idx_territorial_units_parent', ['parentId'])
export class TerritorialUnit {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 2 })
  country: Country;

  /** SOATE (14 digits) or KATO (9 digits). */
  @Column({ type: 'varchar', length: 20 })
  code: string;

  @Column({ type: 'varchar', length: 16 })
  level: UnitLevel;

  /** The classifier's own word (oblast, rayon, aiyl_aimak, town, village, rural_okrug, ...). */
  @Column({ type: 'varchar', length: 32 })
  kind: string;

  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => TerritorialUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'fk_territorial_units_parent' })
  parent?: TerritorialUnit;

  @Column({ type: 'jsonb' })
  names: LocalizedText;

  /** All names folded (ө→о, Latin look-alikes → Cyrillic, ...) for spelling-tolerant search. */
  @Column({ type: 'text' })
  searchKey: string;

  @Column({ type: 'integer', nullable: true })
  population: number | null;

  @Column({ type: 'date', nullable: true })
  validFrom: string | null;

  @Column({ type: 'date', nullable: true })
  validTo: string | null;

  @Column({ type: 'uuid', nullable: true })
  successorId: string | null;

  @ManyToOne(() => TerritorialUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'successor_id', foreignKeyConstraintName: 'fk_territorial_units_successor' })
  successor?: TerritorialUnit;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
