import { translate } from '@ashar/i18n';
import { BallotSheetData, escapeHtml, formatMinor, instructionsOf, renderBallotSheet } from './ballot-sheet';

const base: BallotSheetData = {
  locale: 'ru',
  processTitle: 'Бюджет 2027',
  communityName: 'Ак-Дөбө',
  currency: 'KGS',
  envelope: '100000000',
  ballotKind: 'APPROVAL',
  minChoices: 1,
  maxChoices: 3,
  maxPoints: null,
  projects: [{ title: 'Көпүрө', cost: '30000000' }, { title: 'Жол', cost: '50000050' }],
  serials: ['0001'],
};
const t = (locale: 'ru' | 'ky' | 'kk') => (key: string, params?: Record<string, string | number>) => translate(locale, key, params);

test('money in minor units, exact, in the reader’s format', () => {
  expect(formatMinor('12345678', 'KGS', 'ru')).toBe('123\u00a0456,78\u00a0сом');
  expect(formatMinor('100000000', 'KZT', 'kk')).toBe('1\u00a0000\u00a0000\u00a0₸');
  expect(formatMinor('900719925474099312', 'KGS', 'ky')).toBe('9\u00a0007\u00a0199\u00a0254\u00a0740\u00a0993,12\u00a0сом');
});

test('instructions follow the ballot kind and its limits', () => {
  expect(instructionsOf(base, t('ru'))[0]).toBe('Поставьте галочку в клетке каждого проекта, который поддерживаете: не меньше 1 и не больше 3.');
  expect(instructionsOf({ ...base, maxChoices: null }, t('ru'))[0]).toContain('не больше 2');
  expect(instructionsOf({ ...base, ballotKind: 'KNAPSACK' }, t('ky'))[0]).toBe('Колдогон долбоорлорду белгилеңиз. Алардын жалпы баасы 1\u00a0000\u00a0000\u00a0сом ашпашы керек.');
  expect(instructionsOf({ ...base, ballotKind: 'CUMULATIVE', maxPoints: 10 }, t('kk'))[0]).toContain('Барлық ұпай: 10.');
  expect(instructionsOf({ ...base, ballotKind: 'RANKING', maxChoices: 2 }, t('ru'))[0]).toContain('наибольший номер: 2');
  for (const kind of ['APPROVAL', 'KNAPSACK', 'CUMULATIVE', 'RANKING'] as const) expect(instructionsOf({ ...base, ballotKind: kind, maxPoints: 5 }, t('ru'))).toHaveLength(2);
});

test('one A4 sheet per serial, wide boxes for points and ranks, everything stored escaped', () => {
  const html = renderBallotSheet({ ...base, ballotKind: 'CUMULATIVE', maxPoints: 10, processTitle: '</title><script>x()</script>', serials: ['0001', '0002'] }, t('ru'));
  expect((html.match(/<section class="sheet">/g) ?? []).length).toBe(2);
  expect((html.match(/class="box wide"/g) ?? []).length).toBe(4);
  expect(html).toContain('<th>Баллы</th>');
  expect(html).not.toContain('<script>');
  expect(html).toContain('&lt;/title&gt;&lt;script&gt;x()&lt;/script&gt;');
  expect(renderBallotSheet(base, t('ru'))).toContain('<th>Ваша отметка</th>');
  expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
});
