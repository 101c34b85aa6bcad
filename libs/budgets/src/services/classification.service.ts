import { Actor, PermissionService } from '@ashar/auth';
import { AuditService } from '@ashar/audit';
import { InvalidInputError } from '@ashar/kernel';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ClassificationInput } from '../dtos';
import { BudgetClassification } from '../entities/budget-classification.entity';
import { seedBudgetClassification } from '../seed/budget-classification.seeder';

export interface CodeSets {
  /** economic code → its direction */
  economic: Map<string, 'REVENUE' | 'EXPENDITURE'>;
  functional: Set<string>;
}

@Injectable()
export class ClassificationService implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly permissions: PermissionService,
    private readonly audit: AuditService,
  ) {}

  /** The codes are data from a file in the repository: missing ones are added at start-up (idempotent). */
  async onApplicationBootstrap() {
    await seedBudgetClassification(this.db);
  }

  list(country: string, scheme?: 'ECONOMIC' | 'FUNCTIONAL'): Promise<BudgetClassification[]> {
    return this.db.getRepository(BudgetClassification).find({ where: { country, ...(scheme ? { scheme } : {}) }, order: { scheme: 'ASC', code: 'ASC' } });
  }

  async codeSets(country: string): Promise<CodeSets> {
    const rows = await this.db.getRepository(BudgetClassification).find({ where: { country }, select: { code: true, scheme: true, direction: true } });
    const economic = new Map<string, 'REVENUE' | 'EXPENDITURE'>();
    const functional = new Set<string>();
    for (const r of rows) {
      if (r.scheme === 'ECONOMIC' && r.direction) economic.set(r.code, r.direction);
      else if (r.scheme === 'FUNCTIONAL') functional.add(r.code);
    }
    return { economic, functional };
  }

  /** Platform admins add or correct codes (names, parent, source). */
  async upsert(actor: Actor, input: ClassificationInput): Promise<BudgetClassification> {
    this.permissions.assertPlatformAdmin(actor);
    if (input.scheme === 'ECONOMIC' && !input.direction) throw new InvalidInputError('input.direction', 'errors.validation.required');
    const names = Object.fromEntries(Object.entries(input.names).filter(([, v]) => typeof v === 'string' && v.trim()));
    if (!Object.keys(names).length) throw new InvalidInputError('input.names', 'errors.validation.nameRequired');
    return this.db.transaction(async (m) => {
      if (input.parentCode) {
        const parent = await m.findOneBy(BudgetClassification, { country: input.country, scheme: input.scheme, code: input.parentCode });
        if (!parent) throw new InvalidInputError('input.parentCode', 'errors.budgets.unknownCode');
      }
      const before = await m.findOneBy(BudgetClassification, { country: input.country, scheme: input.scheme, code: input.code });
      const values = { country: input.country, scheme: input.scheme, code: input.code, parentCode: input.parentCode ?? null, direction: input.scheme === 'ECONOMIC' ? input.direction ?? null : null, names, source: input.source };
      let row: BudgetClassification;
      if (before) {
        await m.update(BudgetClassification, { id: before.id }, values);
        row = { ...before, ...values } as BudgetClassification;
      } else {
        row = m.create(BudgetClassification, values);
        await m.insert(BudgetClassification, row);
      }
      await this.audit.record(m, actor.toAudit(), { action: 'budget.classification.upsert', entityType: 'BudgetClassification', entityId: row.id, before: before ? { names: before.names, parentCode: before.parentCode } : null, after: values });
      return row;
    });
  }
}
