import { TransactionRunner } from '@ashar/database';
import { CommunityKind, territoryServicesOn } from '@ashar/territory';
import { randomUUID } from 'crypto';
import { SeedDataSource } from '../repositories/budget-classifications.repository';
import { BudgetVersionsRepository } from '../repositories/budget-versions.repository';
import { BudgetsRepository } from '../repositories/budgets.repository';
import { seedBudgetClassification } from './budget-classification.seeder';

/**
 * Demo budgets for `npm start`, from real aiyl-okrug figures in
 * ../shared/data/territory/kg_kz_local_budget_examples.csv (Kazan-Kuygan aiyl aimagy, Naryn: kenesh
 * resolutions of 2022 and 10 Feb 2023, kazankuigan.naryn-region.kg). The revenue side is as
 * published; the expenditure side was not published line by line, so it is split by an
 * ILLUSTRATIVE pattern typical of aiyl aimaks (DOMAIN.md §1), and its lines say so. Idempotent.
 */
const UNIT_CODE = '41704245825000';

const som = (thousand: number) => BigInt(Math.round(thousand * 1000)) * 100n;

const YEARS: Record<number, { revenue: Array<[string, number, string]>; decision: [string, string] }> = {
  2022: {
    revenue: [
      ['13111', 3037.0, 'Теңдештирүүчү грант'],
      ['11111', 1561.6, 'Агент төлөөчү кармаган киреше салыгы'],
      ['1', 1999.6 - 1561.6, 'Башка жергиликтүү кирешелер (бөлүнүшү жарыяланган эмес)'],
      ['14251', 311.0, 'Атайын эсеп'],
      ['14221', 106.0, 'Жайыт пайдалангандыгы үчүн төлөм'],
    ],
    decision: ['2022-02-15', '28-чак. 4-сессия'],
  },
  2023: {
    revenue: [
      ['13111', 6872.0, 'Теңдештирүүчү грант'],
      ['1', 3132.1, 'Жергиликтүү кирешелер (бөлүнүшү жарыяланган эмес)'],
      ['14251', 351.0, 'Атайын эсеп'],
    ],
    decision: ['2023-02-10', '18-сессия №1'],
  },
};

const SPLIT: Array<[string, string, number]> = [
  ['2111', '7011', 45],
  ['2121', '7011', 8],
  ['2231', '7011', 10],
  ['2222', '7091', 10],
  ['2215', '7082', 5],
  ['2231', '7064', 4],
  ['2215', '7051', 3],
  ['3112', '7045', 10],
  ['2811', '7013', 1],
];

/** Every classification code the demo budgets use (Kyrgyz), for the test that each one is in the seeded classification. */
export function demoBudgetCodes(): { country: 'KG'; economic: string[]; functional: string[] } {
  const economic = new Set<string>([...Object.values(YEARS).flatMap((y) => y.revenue.map(([code]) => code)), ...SPLIT.map(([code]) => code)]);
  return { country: 'KG', economic: [...economic], functional: [...new Set(SPLIT.map(([, func]) => func))] };
}

/** `createdBy`: who the budgets are recorded as made by (identity's demo seed gives its platform admin). */
export async function seedDemoBudgets(ds: SeedDataSource, opts: { createdBy?: string } = {}): Promise<{ budgets: number }> {
  await seedBudgetClassification(ds);
  const { territory, communities } = territoryServicesOn(ds);
  const unit = await territory.currentUnitByCode(UNIT_CODE);
  if (!unit || unit.country !== 'KG') return { budgets: 0 };
  const by = opts.createdBy ?? '00000000-0000-0000-0000-000000000000';
  const budgets = new BudgetsRepository(ds);
  const versions = new BudgetVersionsRepository(ds);
  let added = 0;
  await new TransactionRunner(ds).run(async (tx) => {
    const community =
      (await communities.firstOfUnit(unit.id, CommunityKind.BUDGET_GROUP, tx)) ??
      (await communities.create(tx, { unitId: unit.id, kind: CommunityKind.BUDGET_GROUP, names: { ky: 'Казан-Куйган бюджеттик тобу', ru: 'Бюджетная группа Казан-Куйган' } }));
    for (const [yearText, data] of Object.entries(YEARS)) {
      const year = Number(yearText);
      if (await budgets.findByCommunityYear(community.id, year, tx)) continue;
      const title = { ky: `Казан-Куйган айыл аймагынын ${year}-жылга бюджети`, ru: `Бюджет Казан-Куйганского айылного аймака на ${year} год`, en: `Kazan-Kuygan aiyl aimak budget ${year}` };
      const b = await budgets.insert(tx, { communityId: community.id, fiscalYear: year, currency: 'KGS', title, createdBy: by });
      const v = await versions.insert(tx, { budgetId: b.id, number: 1, status: 'DRAFT', revision: 1, createdBy: by });
      const total = data.revenue.reduce((s, r) => s + som(r[1]), 0n);
      const lines: Array<[string, string | null, 'REVENUE' | 'EXPENDITURE', bigint, Record<string, string>]> = data.revenue.map(([code, k, ky]) => [code, null, 'REVENUE', som(k), { ky }]);
      let left = total;
      SPLIT.forEach(([code, func, pct], i) => {
        const amount = i === SPLIT.length - 1 ? left : (total * BigInt(pct)) / 100n / 100n * 100n;
        left -= amount;
        lines.push([code, func, 'EXPENDITURE', amount, { ru: 'Иллюстративное распределение (разбивка расходов не опубликована)' }]);
      });
      await versions.insertLines(tx, lines.map(([economicCode, functionalCode, direction, amount, names], i) => ({ versionId: v.id, lineKey: randomUUID(), direction, economicCode, functionalCode, names, amount, position: i + 1 })));
      // Recorded as the kenesh decided it (the demo has no second person to publish and approve).
      const now = new Date();
      await versions.update(tx, v.id, { status: 'APPROVED', submittedBy: by, submittedAt: now, publishedBy: by, publishedAt: now, approvedBy: by, approvedAt: now, decisionDate: data.decision[0], decisionNumber: data.decision[1], decisionFileUrl: `http://kazankuigan.naryn-region.kg/` });
      added++;
    }
  });
  return { budgets: added };
}
