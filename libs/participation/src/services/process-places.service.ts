import { Actor, PermissionService } from '@ashar/auth';
import { AuditService } from '@ashar/audit';
import { TransactionRunner } from '@ashar/database';
import { ConflictError, InvalidInputError } from '@ashar/kernel';
import { Injectable } from '@nestjs/common';
import { rulesEditable } from '../domain/phases';
import { AddProcessCategoryInput } from '../dtos/add-process-category.input';
import { AddProcessDistrictInput } from '../dtos/add-process-district.input';
import { LocalizedText } from '../entities/participatory-process.entity';
import { ProcessCategory } from '../entities/process-category.entity';
import { ProcessDistrict } from '../entities/process-district.entity';
import { PARTICIPATION_PERMISSIONS } from '../participation.permissions';
import { ProcessesRepository } from '../repositories/processes.repository';
import { ProcessPlacesRepository } from '../repositories/process-places.repository';
import { ProcessService } from './process.service';

const hasText = (t: LocalizedText) => Object.values(t).some((v) => typeof v === 'string' && v.trim() !== '');

/**
 * A process's districts (villages) and categories. They are part of the rules: added until voting
 * opens (then CONFLICT rulesFrozen, like the rules). A proposal names one of each: a district is
 * required once the process has any, a category when given must be the process's.
 */
@Injectable()
export class ProcessPlacesService {
  constructor(
    private readonly places: ProcessPlacesRepository,
    private readonly processesRepo: ProcessesRepository,
    private readonly processes: ProcessService,
    private readonly permissions: PermissionService,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async addDistrict(actor: Actor, input: AddProcessDistrictInput): Promise<ProcessDistrict> {
    const p = await this.processes.visible(actor, input.processId);
    await this.permissions.assert(actor, p.communityId, 'participation.manage', PARTICIPATION_PERMISSIONS);
    if (!hasText(input.name)) throw new InvalidInputError('input.name', 'errors.validation.nameRequired');
    return this.tx.run(async (tx) => {
      const locked = (await this.processesRepo.lock(tx, p.id, 'update'))!;
      if (!rulesEditable(locked.phase)) throw new ConflictError('errors.participation.rulesFrozen', 'districts are part of the rules');
      const d = await this.places.addDistrict(tx, { processId: p.id, name: { ...input.name }, envelope: input.envelope ?? null, unitId: input.unitId ?? null });
      await this.audit.record(tx, actor.toAudit(), { action: 'participation.process.district', entityType: 'ParticipatoryProcess', entityId: p.id, communityId: p.communityId, after: { districtId: d.id, name: d.name, envelope: d.envelope, unitId: d.unitId } });
      return d;
    });
  }

  async addCategory(actor: Actor, input: AddProcessCategoryInput): Promise<ProcessCategory> {
    const p = await this.processes.visible(actor, input.processId);
    await this.permissions.assert(actor, p.communityId, 'participation.manage', PARTICIPATION_PERMISSIONS);
    if (!hasText(input.name)) throw new InvalidInputError('input.name', 'errors.validation.nameRequired');
    return this.tx.run(async (tx) => {
      const locked = (await this.processesRepo.lock(tx, p.id, 'update'))!;
      if (!rulesEditable(locked.phase)) throw new ConflictError('errors.participation.rulesFrozen', 'categories are part of the rules');
      const c = await this.places.addCategory(tx, { processId: p.id, name: { ...input.name } });
      await this.audit.record(tx, actor.toAudit(), { action: 'participation.process.category', entityType: 'ParticipatoryProcess', entityId: p.id, communityId: p.communityId, after: { categoryId: c.id, name: c.name } });
      return c;
    });
  }

  districtsOf(processIds: readonly string[]): Promise<ProcessDistrict[]> {
    return this.places.districtsOf(processIds);
  }

  categoriesOf(processIds: readonly string[]): Promise<ProcessCategory[]> {
    return this.places.categoriesOf(processIds);
  }

  /** The proposal's district and category, checked against the process (the field paths of the input). */
  async placement(processId: string, districtId: string | null | undefined, categoryId: string | null | undefined): Promise<{ districtId: string | null; categoryId: string | null }> {
    if (districtId) {
      const d = await this.places.district(districtId);
      if (!d || d.processId !== processId) throw new InvalidInputError('input.districtId', 'errors.participation.unknownDistrict');
    } else if ((await this.places.districtsOf([processId])).length) {
      throw new InvalidInputError('input.districtId', 'errors.participation.districtRequired');
    }
    if (categoryId) {
      const c = await this.places.category(categoryId);
      if (!c || c.processId !== processId) throw new InvalidInputError('input.categoryId', 'errors.participation.unknownCategory');
    }
    return { districtId: districtId ?? null, categoryId: categoryId ?? null };
  }
}
