import { DataSource } from 'typeorm';
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

export async function seedDemoBudgets(ds: DataSource, opts: { createdBy?: string } = {}): Promise<{ budgets: number }> {
  await seedBudgetClassification(ds);
  const unit: { id: string; names: Record<string, string> }[] = await ds.query(`SELECT id, names FROM territorial_units WHERE country = 'KG' AND code = $1 AND valid_to IS NULL`, [UNIT_CODE]);
  if (!unit.length) return { budgets: 0 };
  const by = opts.createdBy ?? (await ds.query(`SELECT id FROM accounts WHERE platform_admin ORDER BY created_at LIMIT 1`))[0]?.id ?? '00000000-0000-0000-0000-000000000000';
  let added = 0;
  await ds.transaction(async (m) => {
    let community: { id: string }[] = await m.query(`SELECT id FROM communities WHERE unit_id = $1 AND kind = 'BUDGET_GROUP' ORDER BY created_at LIMIT 1`, [unit[0].id]);
    if (!community.length) {
      community = await m.query(`INSERT INTO communities (unit_id, kind, names) VALUES ($1, 'BUDGET_GROUP', $2) RETURNING id`, [unit[0].id, JSON.stringify({ ky: 'Казан-Куйган бюджеттик тобу', ru: 'Бюджетная группа Казан-Куйган' })]);
    }
    for (const [yearText, data] of Object.entries(YEARS)) {
      const year = Number(yearText);
      const exists: unknown[] = await m.query('SELECT 1 FROM budgets WHERE community_id = $1 AND fiscal_year = $2', [community[0].id, year]);
      if (exists.length) continue;
      const [b] = await m.query(`INSERT INTO budgets (community_id, fiscal_year, currency, title, created_by) VALUES ($1, $2, 'KGS', $3, $4) RETURNING id`, [community[0].id, year, JSON.stringify({ ky: `Казан-Куйган айыл аймагынын ${year}-жылга бюджети`, ru: `Бюджет Казан-Куйганского айылного аймака на ${year} год`, en: `Kazan-Kuygan aiyl aimak budget ${year}` }), by]);
      const [v] = await m.query(`INSERT INTO budget_versions (budget_id, number, status, revision, created_by) VALUES ($1, 1, 'DRAFT', 1, $2) RETURNING id`, [b.id, by]);
      const total = data.revenue.reduce((s, r) => s + som(r[1]), 0n);
      const lines: Array<[string, string | null, string, bigint, Record<string, string>]> = data.revenue.map(([code, k, ky]) => [code, null, 'REVENUE', som(k), { ky }]);
      let left = total;
      SPLIT.forEach(([code, func, pct], i) => {
        const amount = i === SPLIT.length - 1 ? left : (total * BigInt(pct)) / 100n / 100n * 100n;
        left -= amount;
        lines.push([code, func, 'EXPENDITURE', amount, { ru: 'Иллюстративное распределение (разбивка расходов не опубликована)' }]);
      });
      let pos = 1;
      for (const [code, func, dir, amount, names] of lines) {
        await m.query(`INSERT INTO budget_lines (version_id, line_key, direction, economic_code, functional_code, names, amount, position) VALUES ($1, gen_random_uuid(), $2, $3, $4, $5, $6, $7)`, [v.id, dir, code, func, JSON.stringify(names), amount.toString(), pos++]);
      }
      await m.query(`UPDATE budget_versions SET status = 'APPROVED', submitted_by = $2, submitted_at = now(), published_by = $2, published_at = now(), approved_by = $2, approved_at = now(), decision_date = $3, decision_number = $4, decision_file_url = $5 WHERE id = $1`, [v.id, by, data.decision[0], data.decision[1], `http://kazankuigan.naryn-region.kg/`]);
      added++;
    }
  });
  return { budgets: added };
}
