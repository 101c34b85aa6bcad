import { LOCALES, translate } from '@ashar/i18n';
import { smsSegments } from '@ashar/notifications';

/**
 * Participation's SMS notices are written to fit one part (GSM 03.38: 160 GSM-7 characters, or 70 UCS-2 for any
 * Cyrillic letter) with a process title of up to 20 characters, in every language; the vote's confirmation names
 * projects and may take more, at most 3 parts for two projects with long titles.
 */
const TITLE = 'Ашар 2027: Ак-Дөбө'; // 18 characters
const phase = (l: (typeof LOCALES)[number], p: string) => translate(l, `participation.phase.${p}`);

describe.each(LOCALES)('SMS templates in %s', (locale) => {
  const one = (key: string, params: Record<string, string | number>) => {
    const text = translate(locale, key, params);
    const s = smsSegments(text);
    return { text, parts: s.parts, encoding: s.encoding };
  };

  test('the vote opening, the closing reminder, phase change, results and progress fit one part', () => {
    const cases = [
      one('notifications.participation.sms.votingOpen', { process: TITLE }),
      one('notifications.participation.sms.phase', { process: TITLE, phase: phase(locale, 'IMPLEMENTATION') }),
      one('notifications.participation.sms.results', { process: TITLE, count: 12 }),
      one('notifications.participation.sms.progress', { title: 'Көпүрөнү оңдоо', stage: translate(locale, 'participation.stage.IN_PROGRESS'), progress: 60 }),
      one('notifications.participation.sms.reminder', { process: TITLE, closes: '24.06 18:00' }),
    ];
    for (const c of cases) expect({ text: c.text, parts: c.parts }).toEqual({ text: c.text, parts: 1 });
    // A Cyrillic title makes every language UCS-2 (70 per part): the texts above fit that.
    expect(cases.every((c) => c.encoding === 'UCS-2')).toBe(true);
  });

  test('the short refusals fit one part; a confirmation naming two long titles takes at most 3', () => {
    for (const [key, params] of [
      ['participation.sms.refused.noVote', {}],
      ['participation.sms.refused.busy', {}],
      ['participation.sms.refused.tooMany', { limit: 3 }],
    ] as const) {
      expect(smsSegments(translate(locale, key, params)).parts).toBeLessThanOrEqual(locale === 'en' ? 1 : 2);
    }
    const projects = '3/В Мектептин чатырын оңдоо…; 12 Суу түтүгү — Жаңы-Жол…';
    expect(smsSegments(translate(locale, 'participation.sms.accepted', { process: TITLE, projects, receipt: 'K7Q2-M9XD' })).parts).toBeLessThanOrEqual(3);
  });
});
