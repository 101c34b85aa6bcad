import { localToInstant } from '../domain/deadline';
import { budgetTotal, parseFormDefinition } from '../domain/form-definition';
import { demoCompetitions, DemoSeedDataSource } from '../repositories/demo-competitions.repository';

const TITLE = { ky: 'Жаштардын жана экологиялык демилгелерге гранттар 2027', ru: 'Гранты на молодёжные и экологические инициативы 2027' };
const ZONE = 'Asia/Bishkek';

const STAGE1_FORM = {
  fields: [
    { key: 'concept', type: 'TEXT', required: true, minLength: 20, maxLength: 3000, label: { ky: 'Долбоордун концепциясы', ru: 'Концепция проекта' } },
    { key: 'people', type: 'NUMBER', required: true, min: 1, max: 100000, label: { ky: 'Канча адамга пайда келет', ru: 'Сколько людей получат пользу' } },
    { key: 'letter', type: 'FILE', required: false, allowedTypes: ['application/pdf'], label: { ky: 'Колдоо каты (PDF)', ru: 'Письмо поддержки (PDF)' } },
    { key: 'budget', type: 'BUDGET', required: true, maxLines: 20, label: { ky: 'Бюджет', ru: 'Бюджет' } },
  ],
};
const STAGE2_FORM = { fields: [{ key: 'plan', type: 'TEXT', required: true, minLength: 50, maxLength: 10000, label: { ky: 'Толук иш планы', ru: 'Подробный план работ' } }] };

/** The applications (names and figures ILLUSTRATIVE): who applies, for what, and whether it is in. */
const APPLICATIONS = [
  { by: 'citizen@demo.ashar.kg', direction: 'youth', kind: 'INITIATIVE_GROUP', org: 'Ак-Дөбө жаштар демилгеси', region: 'Ак-Дөбө', title: 'Айылдагы жаштар үчүн коворкинг', language: 'ky', months: 8, submitted: true, concept: 'Мектептин бош классында жаштар үчүн интернети бар коворкинг ачып, программалоо боюнча курстарды өткөрөбүз.', people: 120, lines: [{ item: 'Ноутбук', quantity: 4, unitCost: '4500000' }, { item: 'Интернет (12 ай)', quantity: 12, unitCost: '150000' }] },
  { by: 'budget@demo.ashar.kg', direction: 'ecology', kind: 'NGO', org: 'Жашыл Казан-Куйган КБ', region: 'Казан-Куйган', title: 'Таза суу булагы', language: 'ru', months: 10, submitted: true, concept: 'Восстановим родник у сельского рынка и посадим вокруг него сто деревьев вместе со школьниками.', people: 900, lines: [{ item: 'Трубы и фильтр', quantity: 1, unitCost: '12000000' }, { item: 'Саженцы', quantity: 100, unitCost: '80000' }] },
  { by: 'citizen@demo.ashar.kg', direction: 'ecology', kind: 'INITIATIVE_GROUP', org: 'Ак-Дөбө жаштар демилгеси', region: 'Ак-Дөбө', title: 'Таштандыны сорттоо', language: 'ky', months: 6, submitted: false, concept: 'Айылда таштандыны сорттоочу үч контейнер коюу.', people: 300, lines: [{ item: 'Контейнер', quantity: 3, unitCost: '2500000' }] },
] as const;

/**
 * A demo call for `npm start` (ILLUSTRATIVE): Kazan-Kuygan's grants for youth and ecology, in Kyrgyz and
 * Russian, two stages with deadlines in Bishkek time, weighted criteria; three applications by the demo
 * accounts (two submitted, one draft) and one expert on the committee (the demo member, EXPERT there)
 * assigned to the submitted ones, not yet scored. Idempotent: nothing is added once the call exists.
 */
export async function seedDemoCompetitions(ds: DemoSeedDataSource, communities: Record<string, string>, accounts: Record<string, string>, createdBy?: string): Promise<{ competitionCalls?: number; competitionApplications?: number }> {
  const organiser = communities.kazanKuygan;
  const expert = accounts['member@demo.ashar.kg'];
  if (!organiser || !createdBy) return {};
  return demoCompetitions.inTransaction(ds, async (m) => {
    if (await demoCompetitions.callTitled(m, TITLE.ru)) return {};
    const ins = (table: string, row: Record<string, unknown>) => demoCompetitions.insert(m, table, row);
    const call = await ins('cmp_calls', {
      communityId: organiser,
      title: TITLE,
      summary: { ky: 'Айылдык жаштардын жана экологиялык топтордун долбоорлоруна 500 000 сомго чейин.', ru: 'До 500 000 сомов на проекты сельской молодёжи и экологических групп.' },
      status: 'OPEN',
      currency: 'KGS',
      grantCap: '50000000',
      maxDurationMonths: 12,
      timeZone: ZONE,
      languages: ['ky', 'ru'],
      applicantKinds: ['NGO', 'INITIATIVE_GROUP'],
      directions: [
        { key: 'youth', name: { ky: 'Жаштар', ru: 'Молодёжь' } },
        { key: 'ecology', name: { ky: 'Экология', ru: 'Экология' } },
      ],
      criteria: [
        { key: 'relevance', name: { ky: 'Актуалдуулук', ru: 'Актуальность' }, weight: 3, min: 0, max: 10 },
        { key: 'feasibility', name: { ky: 'Ишке ашуучулук', ru: 'Реализуемость' }, weight: 2, min: 0, max: 10 },
        { key: 'budget', name: { ky: 'Бюджеттин негиздүүлүгү', ru: 'Обоснованность бюджета' }, weight: 1, min: 0, max: 5 },
      ],
      requiredDocuments: [{ ky: 'Каттоо күбөлүгү же демилгелүү топтун протоколу', ru: 'Свидетельство о регистрации или протокол инициативной группы' }],
      anonymousReview: false,
      createdBy,
    });
    const stages = [
      { name: { ky: 'Концепция', ru: 'Концепция' }, local: '2027-03-01T18:00', form: STAGE1_FORM },
      { name: { ky: 'Толук өтүнмө', ru: 'Полная заявка' }, local: '2027-05-01T18:00', form: STAGE2_FORM },
    ];
    for (const [i, s] of stages.entries()) {
      const form = parseFormDefinition(s.form);
      if (!form.ok) throw new Error(`demo form of stage ${i + 1}: ${JSON.stringify(form.problems)}`);
      await ins('cmp_stages', { callId: call, number: i + 1, name: s.name, deadlineAt: localToInstant(s.local, ZONE), form: form.value });
    }
    if (expert) await ins('cmp_experts', { callId: call, accountId: expert, directions: [] });
    let n = 0;
    for (const a of APPLICATIONS) {
      const by = accounts[a.by];
      if (!by) continue;
      const answers = { concept: a.concept, people: a.people, budget: { lines: a.lines } };
      const app = await ins('cmp_applications', { callId: call, directionKey: a.direction, applicantKind: a.kind, organisationName: a.org, targetRegion: a.region, title: a.title, language: a.language, durationMonths: a.months, summary: a.concept, status: a.submitted ? 'SUBMITTED' : 'DRAFT', drafts: { '1': answers }, requestedAmount: a.submitted ? budgetTotal(a.lines).toString() : '0', createdBy: by });
      await ins('cmp_application_editors', { applicationId: app, accountId: by });
      if (a.submitted) {
        await ins('cmp_submissions', { applicationId: app, stageNumber: 1, version: 1, answers, diff: [], submittedBy: by, submittedAt: new Date('2026-11-20T09:00:00Z') });
        if (expert) await ins('cmp_assignments', { applicationId: app, expertAccountId: expert });
      }
      n++;
    }
    return { competitionCalls: 1, competitionApplications: n };
  });
}
