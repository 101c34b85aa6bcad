import { Actor, PermissionService } from '@ashar/auth';
import { AuditService } from '@ashar/audit';
import { InvalidInputError } from '@ashar/kernel';
import { TransactionRunner } from '@ashar/database';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ClassificationInput } from '../dtos';
import { BudgetClassification } from '../entities/budget-classification.entity';
import { BudgetClassificationsRepository } from '../repositories/budget-classifications.repository';
import { readClassificationFiles } from '../seed/budget-classification.seeder';

export interface CodeSets {
  /** economic code → its direction */
  economic: Map<string, 'REVENUE' | 'EXPENDITURE'>;
  functional: Set<string>;
}

@Injectable()
export class ClassificationService implements OnApplicationBootstrap {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly codes: BudgetClassificationsRepository,
    private readonly permissions: PermissionService,
    private readonly audit: AuditService,
  ) {}

  /** The codes are data from a file in the repository: missing ones are added at start-up (idempotent). */
  async onApplicationBootstrap() {
    const rows = readClassificationFiles();
    if (rows.length) await this.codes.seed(rows);
  }

  list(country: string, scheme?: 'ECONOMIC' | 'FUNCTIONAL'): Promise<BudgetClassification[]> {
    return this.codes.list(country, scheme);
  }

  async codeSets(country: string): Promise<CodeSets> {
    const rows = await this.codes.codesOf(country);
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
    return this.tx.run(async (tx) => {
      if (input.parentCode) {
        const parent = await this.codes.find(tx, input.country, input.scheme, input.parentCode);
        if (!parent) throw new InvalidInputError('input.parentCode', 'errors.budgets.unknownCode');
      }
      const before = await this.codes.find(tx, input.country, input.scheme, input.code);
      const values = { country: input.country, scheme: input.scheme, code: input.code, parentCode: input.parentCode ?? null, direction: input.scheme === 'ECONOMIC' ? input.direction ?? null : null, names, source: input.source };
      let row: BudgetClassification;
      if (before) {
        await this.codes.update(tx, before.id, values);
        row = { ...before, ...values } as BudgetClassification;
      } else {
        row = await this.codes.insert(tx, values);
      }
      await this.audit.record(tx, actor.toAudit(), { action: 'budget.classification.upsert', entityType: 'BudgetClassification', entityId: row.id, before: before ? { names: before.names, parentCode: before.parentCode } : null, after: values });
      return row;
    });
  }
}
