import { communitySlugBase, slugify, SLUG_MAX_LENGTH, SLUG_PATTERN, uniqueSlug } from '../domain/slug';

describe('community slugs', () => {
  test('transliterate Kyrgyz, Russian and Kazakh names into short Latin addresses', () => {
    expect(slugify('Ак-Дөбө бюджеттик тобу')).toBe('ak-dobo-byudzhettik-tobu');
    expect(slugify('Бюджетная группа Кызыл-Суу')).toBe('byudzhetnaya-gruppa-kyzyl-suu');
    expect(slugify('Қарасу ауылдық округі')).toBe('qarasu-auyldyq-okrugi');
    expect(slugify('Үч-Эмчек айыл өкмөтү')).toBe('uch-emchek-ayyl-okmotu');
    expect(slugify('  «Жаңы» --- жол!  ')).toBe('zhangy-zhol');
    expect(slugify('Café 2026')).toBe('cafe-2026');
  });

  test('stay within the length limit, cut at a word, and always match the pattern', () => {
    const long = slugify('Тоо '.repeat(40));
    expect(long.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
    expect(long).toMatch(SLUG_PATTERN);
    expect(long.endsWith('-')).toBe(false);
  });

  test('prefer English, then Kyrgyz, Russian, Kazakh; fall back to "community"', () => {
    expect(communitySlugBase({ ky: 'Ак-Дөбө', en: 'Ak-Dobo' })).toBe('ak-dobo');
    expect(communitySlugBase({ ru: 'Ак-Дёбё' })).toBe('ak-dyobyo');
    expect(communitySlugBase({ ky: '!!!' })).toBe('community');
  });

  test('a taken slug gets the next free number', () => {
    const taken = new Set(['ak-dobo', 'ak-dobo-2']);
    expect(uniqueSlug('ak-dobo', (s) => taken.has(s))).toBe('ak-dobo-3');
    expect(uniqueSlug('kyzyl-suu', (s) => taken.has(s))).toBe('kyzyl-suu');
    const base = 'a'.repeat(SLUG_MAX_LENGTH);
    expect(uniqueSlug(base, (s) => s === base).length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
  });
});
