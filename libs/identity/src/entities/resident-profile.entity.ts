import { TerritorialUnit } from '@ashar/territory';
import { Check, Column, Entity, JoinColumn, ManyToOne, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Account } from './account.entity';

export type Gender = 'FEMALE' | 'MALE' | 'OTHER';

/** Optional facts for participation statistics (grant reports ask for gender and age). */
@Entity('resident_profiles')
@Check('ck_resident_profiles_birth_year', '"birth_year" IS NULL OR ("birth_year" BETWEEN 1900 AND 2100)')
export class ResidentProfile {
  @PrimaryColumn({ type: 'uuid' })
  accountId: string;

  @OneToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_resident_profiles_account' })
  account?: Account;

  @Column({ type: 'uuid', nullable: true })
  villageUnitId: string | null;

  @ManyToOne(() => TerritorialUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'village_unit_id', foreignKeyConstraintName: 'fk_resident_profiles_village' })
  villageUnit?: TerritorialUnit;

  @Column({ type: 'smallint', nullable: true })
  birthYear: number | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  gender: Gender | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
