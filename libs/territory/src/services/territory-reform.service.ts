import { Injectable } from '@nestjs/common';
import { Actor, PermissionService } from '@ashar/auth';
import { AuditService } from '@ashar/audit';
import { TransactionRunner } from '@ashar/database';
import { InvalidInputError } from '@ashar/kernel';
import { searchKeyOf } from '../domain/classifier-rows';
import { MergeTerritorialUnitsInput } from '../dtos/merge-territorial-units.input';
import { TerritorialUnit } from '../entities/territorial-unit.entity';
import { TerritorialUnitsRepository } from '../repositories/territorial-units.repository';

/**
 * Reforms change the map without rewriting history: merged units get `validTo` and a `successor`,
 * keep their id (so budgets and communities made for them stay attached), and their current children
 * move under the successor.
 */
@Injectable()
export class TerritoryReformService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly units: TerritorialUnitsRepository,
    private readonly permissions: PermissionService,
    private readonly audit: AuditService,
  ) {}

  async merge(actor: Actor, input: MergeTerritorialUnitsInput): Promise<TerritorialUnit> {
    this.permissions.assertPlatformAdmin(actor);
    const codes = [...new Set(input.codes.map((c) => c.trim()))];
    const names = Object.fromEntries(Object.entries({ ...input.names }).filter(([, v]) => typeof v === 'string' && v.trim()));
    if (!Object.keys(names).length) throw new InvalidInputError('input.names', 'errors.validation.nameRequired');
    return this.tx.run(async (tx) => {
      const old = await this.units.lockCurrentByCodes(tx, codes);
      const missing = codes.filter((c) => !old.some((u) => u.code === c));
      if (missing.length) {
        throw new InvalidInputError(`input.codes.${codes.indexOf(missing[0])}`, 'errors.validation.unknownTerritory', `unknown or no longer current unit ${missing[0]}`);
      }
      const first = old[0];
      if (old.some((u) => u.country !== first.country || u.level !== first.level || u.parentId !== first.parentId)) {
        throw new InvalidInputError('input.codes', 'errors.validation.invalid', 'merged units must share country, level and parent');
      }
      if (!codes.includes(input.newCode) && (await this.units.currentCodeExists(tx, first.country, input.newCode))) {
        throw new InvalidInputError('input.newCode', 'errors.validation.invalid', `code ${input.newCode} is already in use`);
      }
      const oldIds = old.map((u) => u.id);
      // Close the old records first: only one current unit may hold a code.
      await this.units.close(tx, oldIds, input.effectiveDate);
      const successor = await this.units.insert(tx, {
        country: first.country,
        code: input.newCode,
        level: first.level,
        kind: first.kind,
        parentId: first.parentId,
        names,
        searchKey: searchKeyOf(names),
        validFrom: input.effectiveDate,
      });
      await this.units.setSuccessor(tx, oldIds, successor.id);
      await this.units.moveCurrentChildren(tx, oldIds, successor.id);
      await this.audit.record(tx, actor.toAudit(), {
        action: 'territory.merge',
        entityType: 'TerritorialUnit',
        entityId: successor.id,
        before: old.map((u) => ({ id: u.id, code: u.code, names: u.names })),
        after: { id: successor.id, code: successor.code, names, validFrom: input.effectiveDate },
      });
      return successor;
    });
  }
}
