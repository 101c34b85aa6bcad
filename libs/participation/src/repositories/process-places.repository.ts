import { managerOf, Transaction } from '@ashar/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { ProcessCategory } from '../entities/process-category.entity';
import { ProcessDistrict } from '../entities/process-district.entity';

/** `pb_districts` and `pb_categories`: what a process's proposals are placed in. */
@Injectable()
export class ProcessPlacesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  districtsOf(processIds: readonly string[], tx?: Transaction): Promise<ProcessDistrict[]> {
    return processIds.length ? managerOf(tx, this.db).getRepository(ProcessDistrict).find({ where: { processId: In([...processIds]) }, order: { createdAt: 'ASC', id: 'ASC' } }) : Promise.resolve([]);
  }

  categoriesOf(processIds: readonly string[]): Promise<ProcessCategory[]> {
    return processIds.length ? this.db.getRepository(ProcessCategory).find({ where: { processId: In([...processIds]) }, order: { createdAt: 'ASC', id: 'ASC' } }) : Promise.resolve([]);
  }

  district(id: string): Promise<ProcessDistrict | null> {
    return this.db.getRepository(ProcessDistrict).findOneBy({ id });
  }

  category(id: string): Promise<ProcessCategory | null> {
    return this.db.getRepository(ProcessCategory).findOneBy({ id });
  }

  async addDistrict(tx: Transaction, values: Pick<ProcessDistrict, 'processId' | 'name' | 'envelope' | 'unitId'>): Promise<ProcessDistrict> {
    const r = managerOf(tx).getRepository(ProcessDistrict);
    const row = r.create(values);
    await r.insert(row);
    return (await r.findOneBy({ id: row.id }))!;
  }

  async addCategory(tx: Transaction, values: Pick<ProcessCategory, 'processId' | 'name'>): Promise<ProcessCategory> {
    const r = managerOf(tx).getRepository(ProcessCategory);
    const row = r.create(values);
    await r.insert(row);
    return (await r.findOneBy({ id: row.id }))!;
  }
}
