import { decide } from '../domain/decision-rule';
import { searchText } from '../domain/search-text';
import { demoCouncils, DemoSeedDataSource } from '../repositories/demo-councils.repository';

const MINISTRY = { ky: 'Кыргыз Республикасынын Финансы министрлиги', ru: 'Министерство финансов Кыргызской Республики', en: 'Ministry of Finance of the Kyrgyz Republic', kk: 'Қырғыз Республикасының Қаржы министрлігі' };
const RULES = { quorumNumerator: 1, quorumDenominator: 2, majority: 'SIMPLE', qualifiedNumerator: 2, qualifiedDenominator: 3, majorityBase: 'PRESENT', tieRule: 'CHAIR_DECIDES' } as const;

/**
 * Demo councils for `npm start` (names and figures are ILLUSTRATIVE): the Ministry of Finance's public
 * council with five members and a published meeting with two decisions and their roll calls (and a
 * recommendation to the ministry), Ak-Dobo's budget group (identity's demo platform admin is its secretary), and
 * Kazan-Kuygan's market working group with an action plan its advisory group monitors. Idempotent:
 * nothing is added once the ministry exists.
 */
export async function seedDemoCouncils(ds: DemoSeedDataSource, communities: Record<string, string>, createdBy?: string): Promise<{ councils?: number; councilDecisions?: number }> {
  return demoCouncils.inTransaction(ds, async (m) => {
    // A second run adds nothing and reports nothing (the summary stays that of the other seeds).
    if (await demoCouncils.stateBodyNamed(m, MINISTRY.ru)) return {};
    const by = createdBy ?? '00000000-0000-4000-8000-000000000000';
    const ins = (table: string, row: Record<string, unknown>) => demoCouncils.insert(m, table, row);
    const ministry = await ins('state_bodies', { kind: 'MINISTRY', name: MINISTRY, country: 'KG', website: 'https://minfin.kg' });

    // 1. The ministry's public council: five named people without accounts.
    const pc = await ins('council_bodies', { kind: 'PUBLIC_COUNCIL', name: { ky: 'Финансы министрлигинин коомдук кеңеши', ru: 'Общественный совет Министерства финансов', en: 'Public Council of the Ministry of Finance' }, mandate: 'Бюджеттин ачыктыгына жана мамлекеттик каржынын натыйжалуулугуна коомдук көзөмөл.', stateBodyId: ministry, country: 'KG', ...RULES, createdBy: by });
    const people = [['Асель Жумабаева', 'CHAIR'], ['Бектур Осмонов', 'SECRETARY'], ['Гүлнара Сыдыкова', 'MEMBER'], ['Данияр Токтогулов', 'MEMBER'], ['Эльмира Абдыкадырова', 'DEPUTY']] as const;
    const terms: Array<{ id: string; role: string }> = [];
    for (const [fullName, role] of people) {
      const personId = await ins('council_persons', { fullName, contactsPublic: role === 'SECRETARY', email: role === 'SECRETARY' ? 'council@minfin.example.kg' : null });
      terms.push({ id: await ins('council_memberships', { bodyId: pc, personId, role, termFrom: '2025-01-15', termTo: '2027-01-14' }), role });
    }
    const meeting = await ins('council_meetings', { bodyId: pc, title: 'Коомдук кеңештин кезектеги жыйыны', startsAt: new Date('2026-10-15T04:00:00Z'), endsAt: new Date('2026-10-15T07:00:00Z'), timeZone: 'Asia/Bishkek', access: 'OPEN', status: 'HELD', place: 'Бишкек, Эркиндик проспекти 58, чоң зал', onlineUrl: 'https://meet.example.kg/minfin-pc', heldAt: new Date('2026-10-15T07:00:00Z'), publishedAt: new Date('2026-10-16T04:00:00Z'), minutesText: 'Жыйынга 5 мүчөнүн 4ү катышты. Эки маселе каралды.', minutesStatus: 'DRAFT' });
    for (const [i, t] of terms.entries()) await ins('council_meeting_attendance', { meetingId: meeting, membershipId: t.id, present: i !== 4 });
    const agenda: Array<{ title: string; text: string; votes: string[]; recommend?: boolean }> = [
      { title: 'Жарандар үчүн бюджеттин долбоору', text: 'Министрликке жарандар үчүн бюджеттин жөнөкөй баяндамасын ар жылы жарыялоону сунуштоо.', votes: ['FOR', 'FOR', 'FOR', 'AGAINST', 'ABSENT'], recommend: true },
      { title: 'Жергиликтүү бюджеттердин аткарылышы боюнча отчеттор', text: 'Отчетторду ачык маалымат катары жарыялоо маселеси кийинки жыйынга калтырылсын.', votes: ['AGAINST', 'FOR', 'AGAINST', 'ABSTAIN', 'ABSENT'] },
    ];
    let decided = 0;
    for (const [i, a] of agenda.entries()) {
      const item = await ins('council_agenda_items', { meetingId: meeting, position: i + 1, title: a.title, description: '' });
      for (const [j, t] of terms.entries()) await ins('council_votes', { agendaItemId: item, membershipId: t.id, choice: a.votes[j], recordedBy: by });
      const count = decide({ quorum: { numerator: 1, denominator: 2 }, majority: 'SIMPLE', qualified: { numerator: 2, denominator: 3 }, base: 'PRESENT', tie: 'CHAIR_DECIDES' }, terms.map((t, j) => ({ memberId: t.id, choice: a.votes[j] as 'FOR', isChair: t.role === 'CHAIR' })));
      if (count.outcome === 'NO_QUORUM') continue;
      const decision = await ins('council_decisions', { agendaItemId: item, bodyId: pc, meetingId: meeting, text: a.text, outcome: count.outcome, decidedOn: '2026-10-15', members: count.members, present: count.present, votesFor: count.votesFor, votesAgainst: count.votesAgainst, abstentions: count.abstentions, absent: count.absent, explanation: count, searchText: searchText(a.title, a.text, 'Коомдук кеңештин кезектеги жыйыны') });
      decided++;
      if (a.recommend && count.outcome === 'ADOPTED') {
        await ins('council_recommendations', { bodyId: pc, addresseeId: ministry, decisionId: decision, title: 'Жарандар үчүн бюджет', text: a.text, sentOn: '2026-10-20', deadline: '2026-11-20', createdBy: by, searchText: searchText('Жарандар үчүн бюджет', a.text, ...Object.values(MINISTRY)) });
      }
    }

    // 2. Ak-Dobo's budget group: identity's demo platform admin (handed over in the seed summary) is its
    // secretary, so a demo login can run its meetings; the others are named people without accounts.
    if (communities.akDobo) {
      const bg = await ins('council_bodies', { kind: 'BUDGET_GROUP', name: { ky: 'Ак-Дөбө айыл аймагынын бюджеттик тобу', ru: 'Бюджетная группа Ак-Дебе' }, mandate: 'Жергиликтүү бюджетти талкуулоого жана көзөмөлдөөгө жарандарды тартуу.', communityId: communities.akDobo, regionCode: '41707220840000', country: 'KG', ...RULES, createdBy: by });
      const seats = [[createdBy ?? null, 'Платформа администратору', 'SECRETARY'], [null, 'Айгүл Токтосунова', 'CHAIR'], [null, 'Роза Мамытова', 'MEMBER']] as const;
      for (const [accountId, fullName, role] of seats) {
        if (role === 'SECRETARY' && !accountId) continue;
        const personId = await ins('council_persons', { accountId, fullName, contactsPublic: false });
        await ins('council_memberships', { bodyId: bg, personId, role, termFrom: '2026-01-01' });
      }
    }

    // 3. Kazan-Kuygan: the market's working group, its action plan, the advisory group that monitors it.
    if (communities.kazanKuygan) {
      const body = (kind: string, ky: string, ru: string) => ins('council_bodies', { kind, name: { ky, ru }, mandate: '', communityId: communities.kazanKuygan, regionCode: '41704245825000', country: 'KG', ...RULES, createdBy: by });
      const wg = await body('WORKING_GROUP', 'Базар боюнча жумушчу топ', 'Рабочая группа по рынку');
      const ag = await body('ADVISORY_GROUP', 'Базарды көзөмөлдөөчү кеңеш берүүчү топ', 'Консультативная группа по рынку');
      for (const [bodyId, fullName, role] of [[wg, 'Самат Керимов', 'SECRETARY'], [wg, 'Жылдыз Асанова', 'CHAIR'], [ag, 'Төлөн Бакиров', 'SECRETARY'], [ag, 'Айжан Исакова', 'CHAIR']] as const) {
        const personId = await ins('council_persons', { fullName, contactsPublic: false });
        await ins('council_memberships', { bodyId, personId, role, termFrom: '2026-01-01' });
      }
      const plan = await ins('council_action_plans', { bodyId: wg, monitoringBodyId: ag, title: 'Казан-Куйган базарын оңдоо планы 2026' });
      const items = [['Суу түтүгүн тартуу', 'Айыл өкмөтү', '2026-06-30', 'DONE', 'Акт 2026-06-20'], ['Таштанды контейнерлери', 'Базар башкармасы', '2026-09-01', 'IN_PROGRESS', null], ['Жарык орнотуу', 'Айыл өкмөтү', '2027-03-01', 'PLANNED', null]] as const;
      for (const [i, [title, responsible, deadline, status, evidence]] of items.entries()) {
        const item = await ins('council_action_items', { planId: plan, position: i + 1, title, responsible, deadline, status, evidence });
        if (i === 1) await ins('council_action_checks', { itemId: item, monitoringBodyId: ag, checkedOn: '2026-09-10', statusFound: 'IN_PROGRESS', finding: 'Контейнерлердин жарымы гана коюлду.', recordedBy: by });
      }
    }
    return { councils: 1 + (communities.akDobo ? 1 : 0) + (communities.kazanKuygan ? 2 : 0), councilDecisions: decided };
  });
}
